using Migrations.Build.Diagnostics;

namespace Migrations.Build.Tool;

/// <summary>Turns a request and the project's settings into the engine's command line (<c>Migrations.Build check
/// --migrations …</c>), the one the MSBuild task would give it. The connection string is never an argument: it goes
/// through the engine's environment variable.</summary>
internal static class EngineArguments
{
    public static IReadOnlyList<string> For(ToolRequest request, ProjectSettings settings)
    {
        if (settings.Source is { } source && !string.Equals(source, "Sql", StringComparison.OrdinalIgnoreCase))
        {
            // Said, not guessed: checking the folder as SQL scripts would check something else than the build does.
            throw new ToolProblem(new Diagnostic(
                DiagnosticCodes.InvalidOption,
                $"dotnet migrations reads migrations from SQL script folders; '{settings.ProjectFile}' sets MigrationsSource to {source}. Run its check with dotnet build or dotnet msbuild -restore -t:ValidateMigrations.",
                new SourceLocation(settings.ProjectFile)));
        }

        var arguments = new List<string> { request.Command, "--migrations", settings.MigrationsDirectory };
        if (settings.Provider is { } provider)
        {
            arguments.AddRange(["--provider", provider]);
        }

        if (settings.Layout is { } layout)
        {
            arguments.AddRange(["--layout", layout]);
        }

        // Every command replays the migrations in the runner's environment the build checks them in.
        foreach (var setup in settings.SetupScripts)
        {
            arguments.AddRange(["--setup-script", setup]);
        }

        if (!string.Equals(settings.SqliteForeignKeys, "true", StringComparison.OrdinalIgnoreCase))
        {
            arguments.AddRange(["--sqlite-foreign-keys", settings.SqliteForeignKeys]);
        }

        switch (request.Command)
        {
            case ToolRequest.Check:
                if (settings.Model is { } model)
                {
                    arguments.AddRange(["--model", model]);
                }

                arguments.AddRange(["--downgrade", settings.DowngradeCheck]);
                if (settings.RequireDowngrade)
                {
                    arguments.Add("--require-downgrade");
                }

                arguments.AddRange(settings.PendingTables.SelectMany(table => new[] { "--pending-table", table }));
                arguments.AddRange(settings.Ignore.SelectMany(pattern => new[] { "--ignore", pattern }));
                break;
            case ToolRequest.Snapshot:
                if (request.At is { } at)
                {
                    arguments.AddRange(["--at", at]);
                }

                break;
            case ToolRequest.Diff:
                arguments.Add(request.From!);
                if (request.Model)
                {
                    arguments.AddRange(["--model", settings.Model ?? throw new ToolProblem(new Diagnostic(
                        DiagnosticCodes.ModelNotFound,
                        $"diff --model needs the project's model: '{settings.ProjectFile}' sets no MigrationsModel and has no {ProjectSettings.DefaultModelFile}.",
                        new SourceLocation(settings.ProjectFile)))]);
                }
                else
                {
                    arguments.Add(request.To!);
                }

                break;
            default:
                throw new ArgumentException($"Unknown command {request.Command}", nameof(request));
        }

        if (request.Format is { } format)
        {
            arguments.AddRange(["--format", format]);
        }

        if (request.Output is { } output)
        {
            arguments.AddRange(["--output", Path.GetFullPath(output)]);
        }

        if (request.Verbose)
        {
            arguments.Add("--verbose");
        }

        return arguments;
    }
}
