using System.CommandLine;
using Migrations.Build.Checks;
using Migrations.Build.Schema;

namespace Migrations.Build.Cli;

/// <summary>The options that describe the runner's environment (<c>MigrationsSetupScript</c>,
/// <c>MigrationsSqliteForeignKeys</c>): <c>check</c>, <c>snapshot</c> and <c>diff</c> replay the migrations in the same
/// one, or a snapshot would show another schema than the build checks.</summary>
internal sealed class RunnerEnvironmentOptions
{
    public Option<string[]> SetupScript { get; } = new("--setup-script") { Description = "A SQL file (repeatable, run in order) run in every scratch database before the migrations and the model, as the engine's own role (e.g. CREATE EXTENSION postgis; the roles the migrations grant to). Not refused like migrations are." };

    public Option<bool> SqliteForeignKeys { get; } = new("--sqlite-foreign-keys") { Description = "Sqlite: run the scratch databases with foreign keys on (true, the default) or off (false), as the project migrates (MigrationsSqliteForeignKeys).", DefaultValueFactory = _ => true };

    public IEnumerable<Option> All => [SetupScript, SqliteForeignKeys];

    /// <summary>The request with the environment these options describe.</summary>
    public ValidationRequest Apply(ParseResult parsed, ValidationRequest request) => request with
    {
        SetupScripts = (parsed.GetValue(SetupScript) ?? []).Where(s => s.Length > 0).Select(Path.GetFullPath).ToValueList(),
        SqliteForeignKeys = parsed.GetValue(SqliteForeignKeys),
    };
}
