using Migrations.Build.Diagnostics;

namespace Migrations.Build.Migrations;

/// <summary>Migrations as SQL scripts in a folder, in one of the runners' layouts (see <see cref="MigrationDiscovery"/>).</summary>
/// <param name="layout">Forces one layout; null detects it.</param>
/// <param name="lockFile">The history lock; null: <c>migrations.lock</c> in the folder.</param>
public sealed class SqlFolderMigrationSource(string directory, string? layout = null, bool requireDowngrade = false, string? lockFile = null) : IMigrationSource
{
    public Diagnostic? Problem => Directory.Exists(directory)
        ? null
        : new Diagnostic(
            DiagnosticCodes.MigrationsDirectoryNotFound,
            $"The migrations directory '{directory}' does not exist. Set MigrationsDirectory (--migrations) to the folder that holds your migrations.",
            new SourceLocation(directory));

    public string LockFile { get; } = lockFile ?? Path.Combine(directory, MigrationDiscovery.LockFileName);

    public MigrationSet Load(SqlDialect dialect) => MigrationDiscovery.Discover(directory, dialect, layout, requireDowngrade);
}
