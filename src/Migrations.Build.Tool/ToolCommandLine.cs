using System.CommandLine;

namespace Migrations.Build.Tool;

/// <summary>The command line of <c>dotnet migrations</c>: the commands, their options (with the usual short forms:
/// -p, -f, -o, -v) and the <see cref="ToolRequest"/> a parse gives.</summary>
internal static class ToolCommandLine
{
    public static RootCommand Create(Func<ToolRequest, CancellationToken, Task<int>> run)
    {
        var project = new Option<string?>("--project", "-p") { Description = "The project file, or its folder (default: the current folder).", Recursive = true };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Print progress, the settings read and info diagnostics.", Recursive = true };

        var check = new Command(ToolRequest.Check, "Run the build's check (history, upgrade, drift against the model, downgrade proofs) with the project's settings.");
        check.SetAction((parsed, ct) => run(Common(parsed, ToolRequest.Check), ct));

        var at = new Option<string?>("--at") { Description = "The last migration to apply, by version (0: before the first). Default: all." };
        var snapshotFormat = Format("text", "markdown", "json");
        var snapshotOutput = Output();
        var snapshot = new Command(ToolRequest.Snapshot, "Print the schema after the migrations (up to --at VERSION): text, Markdown with its ER diagram, or JSON.")
        {
            at, snapshotFormat, snapshotOutput,
        };
        snapshot.SetAction((parsed, ct) => run(Common(parsed, ToolRequest.Snapshot) with
        {
            At = parsed.GetValue(at),
            Format = parsed.GetValue(snapshotFormat),
            Output = parsed.GetValue(snapshotOutput),
        }, ct));

        var from = new Argument<string>("FROM") { Description = "A version (0: before the first migration)." };
        var to = new Argument<string?>("TO") { Description = "Another version.", Arity = ArgumentArity.ZeroOrOne };
        var model = new Option<bool>("--model", "-m") { Description = "Compare FROM with the project's model (MigrationsModel) instead of TO." };
        var diffFormat = Format("text", "json");
        var diffOutput = Output();
        var diff = new Command(ToolRequest.Diff, "Compare the schemas after two versions, or after a version with the model (exit code 1 when they differ).")
        {
            from, to, model, diffFormat, diffOutput,
        };
        diff.Validators.Add(result =>
        {
            if (result.GetValue(model) == (result.GetValue(to) is { Length: > 0 }))
            {
                result.AddError("diff compares FROM with either TO or --model: give one of them.");
            }
        });
        diff.SetAction((parsed, ct) => run(Common(parsed, ToolRequest.Diff) with
        {
            From = parsed.GetValue(from),
            To = parsed.GetValue(to),
            Model = parsed.GetValue(model),
            Format = parsed.GetValue(diffFormat),
            Output = parsed.GetValue(diffOutput),
        }, ct));

        return new RootCommand("dotnet migrations: checks a project's database migrations, and shows the schema at any version, with the project's own Migrations.Build settings (read through MSBuild).")
        {
            project, verbose, check, snapshot, diff,
        };

        ToolRequest Common(ParseResult parsed, string command) =>
            new(command) { Project = parsed.GetValue(project), Verbose = parsed.GetValue(verbose) };
    }

    /// <summary>Parses without running: the request the command line makes, or the parser's errors.</summary>
    public static (ToolRequest? Request, IReadOnlyList<string> Errors) Read(IReadOnlyList<string> args)
    {
        ToolRequest? request = null;
        var parsed = Create((r, _) =>
        {
            request = r;
            return Task.FromResult(0);
        }).Parse(args);
        if (parsed.Errors.Count > 0)
        {
            return (null, parsed.Errors.Select(e => e.Message).ToList());
        }

        parsed.Invoke();
        return (request, []);
    }

    private static Option<string?> Format(params string[] formats)
    {
        var option = new Option<string?>("--format", "-f") { Description = $"Output: {string.Join(", ", formats)} (default: text)." };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }

    private static Option<string?> Output() => new("--output", "-o") { Description = "Write to this file instead of the standard output." };
}
