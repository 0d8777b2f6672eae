using System.CommandLine;
using Migrations.Build.Checks;
using Migrations.Build.Providers;

namespace Migrations.Build.Cli;

/// <summary>The options <c>snapshot</c> and <c>diff</c> share with <c>check</c>: where the migrations are and which
/// engine replays them, where the output goes.</summary>
internal sealed class SchemaOptions
{
    public Option<string> Migrations { get; } = new("--migrations") { Description = "The folder that holds the migrations.", Required = true };

    public Option<string> Provider { get; } = new("--provider") { Description = "The engine that replays the migrations (as for check).", DefaultValueFactory = _ => ProviderRegistry.Default.Name };

    public Option<string?> Connection { get; } = new("--connection") { Description = $"A server for scratch databases (PostgreSQL). Also read from {EngineProtocol.ConnectionStringVariable}. Never printed." };

    public Option<string?> Layout { get; } = new("--layout") { Description = "Force a layout: golang-migrate, flyway, folder, dbmate, goose." };

    public Option<string?> Output { get; } = new("--output") { Description = "Write to this file instead of the standard output." };

    public Option<bool> Verbose { get; } = new("--verbose") { Description = "Print progress and stack traces of internal errors." };

    public IEnumerable<Option> All => [Migrations, Provider, Connection, Layout, Output, Verbose];

    /// <summary>The request these options describe; the model, when given, by <paramref name="modelPath"/>.</summary>
    public ValidationRequest Request(ParseResult parsed, string? modelPath = null) =>
        new(Path.GetFullPath(parsed.GetValue(Migrations)!))
        {
            Provider = parsed.GetValue(Provider) ?? ProviderRegistry.Default.Name,
            ConnectionString = parsed.GetValue(Connection) is { Length: > 0 } connection
                ? connection
                : Environment.GetEnvironmentVariable(EngineProtocol.ConnectionStringVariable) is { Length: > 0 } variable ? variable : null,
            Layout = parsed.GetValue(Layout),
            ModelPath = modelPath is { Length: > 0 } ? Path.GetFullPath(modelPath) : null,
        };
}
