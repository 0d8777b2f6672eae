using Migrations.Build.Diagnostics;

namespace Migrations.Build.Migrations;

/// <summary>Where a project's migrations come from (a folder of SQL scripts in a runner's layout, later an EF Core
/// assembly): the checks see only the <see cref="MigrationSet"/> it gives.</summary>
public interface IMigrationSource
{
    /// <summary>A configuration problem that stops the run before any database is created (e.g. a folder that does
    /// not exist), or null.</summary>
    Diagnostic? Problem { get; }

    /// <summary>The history lock this source's migrations are checked against.</summary>
    string LockFile { get; }

    /// <summary>Reads the migrations, in version order, with what is wrong with them as diagnostics (never
    /// exceptions). Scripts are split into statements in the engine's <paramref name="dialect"/>.</summary>
    MigrationSet Load(SqlDialect dialect);
}
