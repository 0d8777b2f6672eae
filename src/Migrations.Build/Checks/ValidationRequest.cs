using Migrations.Build.Schema;

namespace Migrations.Build.Checks;

/// <summary>Everything one validation run needs; built from the command line (or the MSBuild task's arguments).</summary>
public sealed record ValidationRequest(string MigrationsDirectory)
{
    /// <summary>A declarative <c>schema.sql</c>, or a folder of <c>.sql</c> files applied in name order; null: no drift check.</summary>
    public string? ModelPath { get; init; }

    /// <summary><c>Sqlite</c> (default) or <c>PostgreSql</c>.</summary>
    public string Provider { get; init; } = "Sqlite";

    /// <summary>A server to create scratch databases on. Never printed.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>Forces one layout instead of auto-detection (<c>golang-migrate</c>, <c>flyway</c>, <c>folder</c>, <c>diesel</c>, <c>dbmate</c>, <c>goose</c>, <c>sql-migrate</c>, <c>by-name</c>, which is never detected).</summary>
    public string? Layout { get; init; }

    /// <summary>SQL files run, in this order, in every scratch database before the migrations and the model, as the
    /// engine's own role (<c>MigrationsSetupScript</c>, <c>;</c>-separated; <c>--setup-script</c>, repeatable): what
    /// the runners' environment provides, e.g. the runner's bookkeeping table, an extension only a superuser may
    /// create, or the roles the migrations grant to. Empty: none.</summary>
    public ValueList<string> SetupScripts { get; init; } = ValueList<string>.Empty;

    /// <summary>Model tables allowed to have no migration yet.</summary>
    public ValueList<string> PendingTables { get; init; } = ValueList<string>.Empty;

    /// <summary>Objects outside the check (tables, views, … by name; <c>*</c> wildcards allowed).</summary>
    public ValueList<string> Ignore { get; init; } = ValueList<string>.Empty;

    public DowngradeScope Downgrade { get; init; } = DowngradeScope.All;

    /// <summary>A migration without a down script is an error instead of a warning.</summary>
    public bool RequireDowngrade { get; init; }

    /// <summary>How long one statement of a migration or the model may run before it is stopped (MIG2010); null: no
    /// limit. <c>MigrationsStatementTimeout</c>, <c>--statement-timeout SECONDS</c> (default 300, 0 turns it off).</summary>
    public TimeSpan? StatementTimeout { get; init; } = DefaultStatementTimeout;

    /// <summary>SQLite scratch databases enforce foreign keys (<c>PRAGMA foreign_keys=ON</c>); false runs them with
    /// foreign keys off, as projects migrate whose table rebuilds need it. <c>MigrationsSqliteForeignKeys</c>,
    /// <c>--sqlite-foreign-keys true|false</c> (default true).</summary>
    public bool SqliteForeignKeys { get; init; } = true;

    /// <summary>The default statement timeout: 300 s.</summary>
    public static readonly TimeSpan DefaultStatementTimeout = TimeSpan.FromSeconds(300);

    /// <summary>Where to write the schema snapshot, Markdown summary and SARIF; null: no reports.</summary>
    public string? ReportDirectory { get; init; }

    /// <summary>The folder report paths are relative to (SARIF, JUnit, code quality); null: the nearest folder upwards
    /// with <c>.git</c>, else the project folder (<c>Reports/SourceRoot</c>).</summary>
    public string? RepositoryRoot { get; init; }

    /// <summary>The project file, where reports place a diagnostic that belongs to no file (a setting is wrong, a
    /// server unreachable), so that code scanning can show it; null: the migrations folder.</summary>
    public string? ProjectFile { get; init; }

    /// <summary>Path of the history lock; default <c>migrations.lock</c> in the migrations directory.</summary>
    public string? LockFile { get; init; }

    /// <summary>Create the history lock when it does not exist yet. An existing lock is always extended with the
    /// new migrations at the end after a run without errors.</summary>
    public bool UpdateLock { get; init; }

    /// <summary>An EF Core project: its migrations and model are read through the EF bridge instead of SQL files.</summary>
    public Migrations.EfCore.EfCoreProject? EfCore { get; init; }
}

/// <summary>Which migrations get a downgrade proof: all, the last N, or none.</summary>
public sealed record DowngradeScope(int? LastCount, bool Enabled)
{
    public static DowngradeScope All { get; } = new(null, true);

    public static DowngradeScope None { get; } = new(null, false);

    public static DowngradeScope Last(int count) => new(count, true);

    /// <summary>Parses <c>all</c>, <c>none</c>, <c>last</c> (= last:1) or <c>last:N</c>.</summary>
    public static bool TryParse(string text, out DowngradeScope scope)
    {
        var value = text.Trim().ToLowerInvariant();
        scope = All;
        if (value == "all")
        {
            return true;
        }

        if (value == "none")
        {
            scope = None;
            return true;
        }

        if (value == "last")
        {
            scope = Last(1);
            return true;
        }

        if (value.StartsWith("last:", StringComparison.Ordinal) && int.TryParse(value[5..], out var count) && count > 0)
        {
            scope = Last(count);
            return true;
        }

        return false;
    }

    public override string ToString() => !Enabled ? "none" : LastCount is { } n ? $"last:{n}" : "all";
}
