using Migrations.Build.Diagnostics;

namespace Migrations.Build.Migrations;

/// <summary>Finds the migrations of a directory in any supported layout (see <see cref="MigrationLayouts"/>), in
/// numeric version order, and reports what is wrong with the history as diagnostics (never exceptions).</summary>
/// <remarks>
/// A script may start with a directive comment, <c>-- migrations: no-transaction</c>, to run outside a transaction
/// (see <see cref="ScriptDirectives"/>). Ignored entries: <c>migrations.lock</c> and dotfiles; every other entry the
/// layout does not read is named (see <see cref="UnreadEntries"/>). Of two migrations with the same version only the
/// first (by file path) is in the set.
/// </remarks>
public static class MigrationDiscovery
{
    /// <summary>The history lock's file name in the migrations directory.</summary>
    public const string LockFileName = "migrations.lock";

    /// <param name="layout">Forces one layout (<c>golang-migrate</c>, <c>flyway</c>, <c>folder</c>, <c>dbmate</c>,
    /// <c>goose</c>, <c>diesel</c>, <c>sql-migrate</c>, <c>by-name</c>); null detects each entry's layout (never
    /// by-name, which any SQL file fits).</param>
    /// <param name="requireDowngrade">A migration without a down script is an error instead of a warning.</param>
    public static MigrationSet Discover(string directory, SqlDialect dialect, string? layout = null, bool requireDowngrade = false)
    {
        var diagnostics = new List<Diagnostic>();
        if (layout is not null && !MigrationLayouts.IsKnown(layout))
        {
            diagnostics.Add(new Diagnostic(
                DiagnosticCodes.InvalidOption,
                $"Unknown migrations layout '{layout}'; use one of {string.Join(", ", MigrationLayouts.All)} (or leave it empty to detect it)"));
            layout = null;
        }

        if (!Directory.Exists(directory))
        {
            diagnostics.Add(new Diagnostic(
                DiagnosticCodes.MigrationsDirectoryNotFound,
                $"The migrations directory '{Path.GetFullPath(directory)}' does not exist"));
            return new MigrationSet(directory, [], diagnostics);
        }

        layout = layout?.ToLowerInvariant();
        var root = Path.GetFullPath(directory);
        var scan = new MigrationDirectoryScan(root, dialect, layout, diagnostics);
        scan.Run();
        var candidates = scan.Migrations.Concat(Pair(scan, diagnostics))
            .OrderBy(m => m.Version)
            .ThenBy(m => m.Up.Path, StringComparer.Ordinal)
            .ToList();

        var migrations = new List<Migration>();
        foreach (var migration in candidates)
        {
            if (migrations.Count > 0 && migrations[^1].Version.Equals(migration.Version))
            {
                var first = migrations[^1];
                diagnostics.Add(new Diagnostic(
                    DiagnosticCodes.DuplicateVersion,
                    $"Migrations {scan.DisplayName(first.Up.Path)} and {scan.DisplayName(migration.Up.Path)} have the same version {migration.Version}; give one of them a new version",
                    new SourceLocation(migration.Up.Path)));
                continue;
            }

            migrations.Add(migration);
            if (migration.Down is null)
            {
                diagnostics.Add(new Diagnostic(
                    DiagnosticCodes.MissingDown,
                    $"Migration {scan.DisplayName(migration.Up.Path)} has no down script ({ExpectedDown(migration, scan)})",
                    new SourceLocation(migration.Up.Path),
                    requireDowngrade ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning));
            }
        }

        if (layout is null)
        {
            ReportMixedLayouts(migrations, scan, diagnostics);
        }

        if (migrations.Count == 0)
        {
            diagnostics.Add(NoMigrations(root, layout, scan.Unread.LookLikeMigrations));
        }

        return new MigrationSet(root, migrations, diagnostics);
    }

    /// <summary>An empty folder is a warning; a folder of SQL that no layout reads is an error, since the build would
    /// otherwise pass having checked nothing.</summary>
    private static Diagnostic NoMigrations(string root, string? layout, int unread)
    {
        if (unread == 0)
        {
            return new Diagnostic(DiagnosticCodes.NoMigrations, $"No migrations found in '{root}'");
        }

        var entries = unread == 1 ? "1 SQL file or folder" : $"{unread} SQL files or folders";
        var reader = layout is null ? "no layout reads" : $"the {layout} layout does not read";
        var fix = layout == MigrationLayouts.ByName
            ? "rename them"
            : "rename them to a layout, or set MigrationsLayout (--layout) to the one they use (by-name for scripts applied in file name order)";
        return new Diagnostic(
            DiagnosticCodes.NoMigrations,
            $"No migrations found in '{root}', but it holds {entries} that {reader} (MIG1004): nothing would be checked; {fix}",
            null,
            DiagnosticSeverity.Error);
    }

    /// <summary>Pairs each up file with the down file of the same layout and version (the same name first);
    /// a down left over is DownWithoutUp.</summary>
    private static IEnumerable<Migration> Pair(MigrationDirectoryScan scan, List<Diagnostic> diagnostics)
    {
        var downs = scan.SplitFiles.Where(f => !f.IsUp)
            .GroupBy(f => (f.Layout, f.Version))
            .ToDictionary(g => g.Key, g => g.ToList());
        var paired = new List<Migration>();
        foreach (var up in scan.SplitFiles.Where(f => f.IsUp))
        {
            var sameVersion = downs.GetValueOrDefault((up.Layout, up.Version));
            var down = sameVersion?.Find(d => d.Name == up.Name) ?? sameVersion?.FirstOrDefault();
            if (down is not null)
            {
                sameVersion!.Remove(down);
            }

            paired.Add(scan.Load(up.Version, up.Name, up.Layout, up.Path, down?.Path));
        }

        foreach (var down in downs.Values.SelectMany(d => d))
        {
            var expected = down.Layout switch
            {
                MigrationLayouts.Flyway => $"V{down.Version}__{down.Name}.sql",
                MigrationLayouts.ByName => $"{down.Version}.up.sql or {down.Version}.sql",
                _ => $"{down.Version}_{down.Name}.up.sql",
            };
            diagnostics.Add(new Diagnostic(
                DiagnosticCodes.DownWithoutUp,
                $"{scan.DisplayName(down.Path)} has no up script (expected {expected})",
                new SourceLocation(down.Path)));
        }

        return paired;
    }

    /// <summary>The layout is detected per folder: the one most migrations use. A migration in another layout still
    /// runs (nothing is skipped silently), but is named, since two tools writing one folder is usually a mistake.</summary>
    private static void ReportMixedLayouts(List<Migration> migrations, MigrationDirectoryScan scan, List<Diagnostic> diagnostics)
    {
        var layouts = migrations.GroupBy(m => m.Layout).OrderByDescending(g => g.Count()).ThenBy(g => MigrationLayouts.All.ToList().IndexOf(g.Key)).ToList();
        if (layouts.Count < 2)
        {
            return;
        }

        var main = layouts[0].Key;
        foreach (var migration in layouts.Skip(1).SelectMany(g => g))
        {
            diagnostics.Add(new Diagnostic(
                DiagnosticCodes.MixedLayouts,
                $"{scan.DisplayName(migration.Up.Path)} uses the {migration.Layout} layout, but this folder's migrations use {main} ({layouts[0].Count()} of {migrations.Count}); rename it to the {main} layout, or set MigrationsLayout (--layout) to say which one the folder uses",
                new SourceLocation(migration.Up.Path),
                DiagnosticSeverity.Warning));
        }
    }

    private static string ExpectedDown(Migration migration, MigrationDirectoryScan scan)
    {
        var upName = Path.GetFileName(migration.Up.Path);
        return migration.Layout switch
        {
            MigrationLayouts.GolangMigrate => $"expected {upName[..^".up.sql".Length]}.down.sql",
            MigrationLayouts.ByName => $"expected {migration.Version}.down.sql",
            MigrationLayouts.Flyway => $"expected U{upName[1..]}",
            MigrationLayouts.Folder or MigrationLayouts.Diesel => $"expected {scan.DisplayName(Path.GetDirectoryName(migration.Up.Path)!)}/down.sql",
            MigrationLayouts.Dbmate => "expected a '-- migrate:down' section",
            MigrationLayouts.SqlMigrate => "expected a '-- +migrate Down' section",
            _ => "expected a '-- +goose Down' section",
        };
    }
}
