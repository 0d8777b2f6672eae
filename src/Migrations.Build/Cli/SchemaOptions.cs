using System.CommandLine;
using Migrations.Build.Checks;
using Migrations.Build.Providers;

namespace Migrations.Build.Cli;

/// <summary>The options <c>snapshot</c> and <c>diff</c> share with <c>check</c>: where the migrations are and which
/// engine replays them and in which environment, where the output goes.</summary>
internal sealed class SchemaOptions
{
    public Option<string> Migrations { get; } = new("--migrations") { Description = "The folder that holds the migrations.", Required = true };

    public Option<string> Provider { get; } = new("--provider") { Description = "The engine that replays the migrations (as for check).", DefaultValueFactory = _ => ProviderRegistry.Default.Name };

    public ConnectionOptions Connection { get; } = new();

    public RunnerEnvironmentOptions Environment { get; } = new();

    public Option<string?> Layout { get; } = new("--layout") { Description = "Force a layout: golang-migrate, flyway, folder, dbmate, goose, diesel, sql-migrate, by-name (files applied in name order; never detected)." };

    public Option<string?> Output { get; } = new("--output") { Description = "Write to this file instead of the standard output." };

    public Option<bool> Verbose { get; } = new("--verbose") { Description = "Print progress and stack traces of internal errors." };

    public IEnumerable<Option> All => [Migrations, Provider, .. Connection.All, .. Environment.All, Layout, Output, Verbose];

    /// <summary>The request these options describe; the model, when given, by <paramref name="modelPath"/>.</summary>
    /// <exception cref="CommandProblem">The connection file cannot be read.</exception>
    public ValidationRequest Request(ParseResult parsed, string? modelPath = null)
    {
        var connectionString = Connection.Resolve(parsed, out var problem);
        if (problem is not null)
        {
            throw new CommandProblem(problem);
        }

        return Environment.Apply(parsed, new(Path.GetFullPath(parsed.GetValue(Migrations)!))
        {
            Provider = parsed.GetValue(Provider) ?? ProviderRegistry.Default.Name,
            ConnectionString = connectionString,
            Layout = parsed.GetValue(Layout),
            ModelPath = modelPath is { Length: > 0 } ? Path.GetFullPath(modelPath) : null,
        });
    }
}
