using Migrations.Build.Diagnostics;

namespace Migrations.Build.Migrations;

/// <summary>One pass over a migrations directory: recognizes each entry's layout, reads single-file and folder
/// migrations whole, and collects the up and down files of golang-migrate, Flyway and by-name for pairing. What the
/// layout does not read goes to <see cref="Unread"/>.</summary>
internal sealed class MigrationDirectoryScan(string root, SqlDialect dialect, string? layout, List<Diagnostic> diagnostics)
{
    public List<Migration> Migrations { get; } = [];

    public List<MigrationFile> SplitFiles { get; } = [];

    public UnreadEntries Unread { get; } = new(diagnostics);

    /// <summary>Files discovery passes over without a word: the history lock and dotfiles (<c>.gitkeep</c>). Everything
    /// else is a migration, or named as what the check cannot read.</summary>
    public static bool IsIgnored(string name) =>
        name.StartsWith('.') || name.Equals(MigrationDiscovery.LockFileName, StringComparison.OrdinalIgnoreCase);

    public string DisplayName(string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    public void Run()
    {
        if (List(root, Directory.EnumerateDirectories) is not { } folders || List(root, Directory.EnumerateFiles) is not { } files)
        {
            return;
        }

        foreach (var folder in folders)
        {
            if (!Path.GetFileName(folder).StartsWith('.'))
            {
                ScanFolder(folder);
            }
        }

        foreach (var file in files)
        {
            if (!IsIgnored(Path.GetFileName(file)))
            {
                ScanFile(file);
            }
        }

        Unread.ReportUnseen();
    }

    private void ScanFolder(string folder)
    {
        var name = Path.GetFileName(folder);
        if (FolderMigration(name) is not { } found)
        {
            NotRead(folder, $"{DisplayName(folder)}/ is a folder that is not a migration ({Expected()})");
            return;
        }

        string? up = null;
        string? down = null;
        string? metadata = null;
        var strays = new List<string>();
        if (List(folder, Directory.EnumerateFileSystemEntries) is not { } entries)
        {
            return;
        }

        foreach (var entry in entries)
        {
            var entryName = Path.GetFileName(entry);
            if (File.Exists(entry) && entryName.Equals("up.sql", StringComparison.OrdinalIgnoreCase))
            {
                up = entry;
            }
            else if (File.Exists(entry) && entryName.Equals("down.sql", StringComparison.OrdinalIgnoreCase))
            {
                down = entry;
            }
            else if (found.Layout == MigrationLayouts.Diesel && File.Exists(entry) && entryName.Equals(DieselMetadata.FileName, StringComparison.OrdinalIgnoreCase))
            {
                metadata = entry;
            }
            else if (!IsIgnored(entryName))
            {
                strays.Add(entry);
            }
        }

        if (up is null && down is null)
        {
            // Not a migration at all: the folder is named once, not each file in it.
            NotRead(folder, $"{DisplayName(folder)}/ contains no up.sql, so it is not a migration ({Expected()})");
            return;
        }

        var holds = found.Layout == MigrationLayouts.Diesel ? "up.sql, down.sql and metadata.toml" : "up.sql and down.sql";
        foreach (var stray in strays)
        {
            NotRead(stray, $"{DisplayName(stray)} is not part of the {found.Layout} layout (a migration folder holds only {holds})");
        }

        if (up is null)
        {
            diagnostics.Add(new Diagnostic(
                DiagnosticCodes.DownWithoutUp,
                $"{DisplayName(down!)} has no up script (expected {DisplayName(folder)}/up.sql)",
                new SourceLocation(down!)));
        }
        else
        {
            var migration = Load(found.Version, found.Name, found.Layout, up, down);
            Migrations.Add(metadata is null ? migration : DieselMetadata.Apply(migration, metadata, DisplayName(metadata), diagnostics));
        }
    }

    /// <summary>The layout, version and name a migration folder's name gives, or null when it names no migration.
    /// Auto-detection takes diesel's timestamped names as diesel and other digit-prefixed names as the folder layout;
    /// a forced diesel layout also takes digit-prefixed names, since diesel accepts any version before the first
    /// underscore.</summary>
    private (string Layout, MigrationVersion Version, string Name)? FolderMigration(string name)
    {
        if (MigrationLayouts.Allows(layout, MigrationLayouts.Diesel) && MigrationLayouts.DieselFolder().Match(name) is { Success: true } diesel)
        {
            var digits = string.Concat(diesel.Groups["timestamp"].Value.Where(char.IsAsciiDigit));
            return (MigrationLayouts.Diesel, new MigrationVersion(digits), diesel.Groups["name"].Value);
        }

        var forced = layout is MigrationLayouts.Folder or MigrationLayouts.Diesel ? layout : MigrationLayouts.Folder;
        if (MigrationLayouts.Allows(layout, forced) && MigrationLayouts.MigrationFolder().Match(name) is { Success: true } folder)
        {
            return (forced, new MigrationVersion(folder.Groups["version"].Value), folder.Groups["name"].Value);
        }

        return null;
    }

    private void ScanFile(string path)
    {
        var name = Path.GetFileName(path);
        if (layout == MigrationLayouts.ByName)
        {
            ScanByNameFile(path, name);
            return;
        }

        if (MigrationLayouts.Allows(layout, MigrationLayouts.GolangMigrate) && MigrationLayouts.GolangMigrateFile().Match(name) is { Success: true } golang)
        {
            var isUp = golang.Groups["role"].Value.Equals("up", StringComparison.OrdinalIgnoreCase);
            SplitFiles.Add(new MigrationFile(MigrationLayouts.GolangMigrate, new MigrationVersion(golang.Groups["version"].Value), golang.Groups["name"].Value, path, isUp));
            return;
        }

        if (MigrationLayouts.Allows(layout, MigrationLayouts.Flyway) && MigrationLayouts.FlywayRepeatableFile().IsMatch(name))
        {
            Unread.AddRepeatable(path, name);
            return;
        }

        if (MigrationLayouts.Allows(layout, MigrationLayouts.Flyway) && MigrationLayouts.FlywayFile().Match(name) is { Success: true } flyway)
        {
            var versionText = flyway.Groups["version"].Value;
            if (!MigrationVersion.TryParse(versionText, out var version))
            {
                diagnostics.Add(new Diagnostic(
                    DiagnosticCodes.InvalidVersion,
                    $"The version '{versionText}' of {name} is not a version: use digits, optionally in parts separated by dots or underscores (V2__name.sql, V2.1__name.sql)",
                    new SourceLocation(path)));
                return;
            }

            SplitFiles.Add(new MigrationFile(MigrationLayouts.Flyway, version, flyway.Groups["name"].Value, path, flyway.Groups["role"].Value == "V"));
            return;
        }

        var sectionedAllowed = MigrationLayouts.Allows(layout, MigrationLayouts.Dbmate) || MigrationLayouts.Allows(layout, MigrationLayouts.Goose)
            || MigrationLayouts.Allows(layout, MigrationLayouts.SqlMigrate);
        if (sectionedAllowed && MigrationLayouts.SectionedFile().Match(name) is { Success: true } sectioned)
        {
            ScanSectionedFile(path, new MigrationVersion(sectioned.Groups["version"].Value), sectioned.Groups["name"].Value);
            return;
        }

        NotRead(path, $"{name} matches no migration layout ({Expected()})");
    }

    /// <summary>A by-name file: its stem is the version and the name; <c>.down.sql</c> pairs with the same stem's
    /// <c>.up.sql</c> or <c>.sql</c>.</summary>
    private void ScanByNameFile(string path, string name)
    {
        if (MigrationLayouts.ByNameFile().Match(name) is not { Success: true } file)
        {
            NotRead(path, $"{name} matches no migration layout ({Expected()})");
            return;
        }

        var stem = file.Groups["stem"].Value;
        var isUp = !file.Groups["role"].Value.Equals("down", StringComparison.OrdinalIgnoreCase);
        SplitFiles.Add(new MigrationFile(MigrationLayouts.ByName, MigrationVersion.ByName(stem), stem, path, isUp));
    }

    private void ScanSectionedFile(string path, MigrationVersion version, string name)
    {
        var displayName = DisplayName(path);
        var file = ScriptFile.Read(path, displayName);
        if (file.Text is null)
        {
            diagnostics.Add(file.Error!);
            return;
        }

        var found = SectionedScript.DetectLayout(file.Text);
        if (found is null || !MigrationLayouts.Allows(layout, found))
        {
            var markers = layout switch
            {
                null => "'-- migrate:up', '-- +goose Up' or '-- +migrate Up'",
                MigrationLayouts.Dbmate => "'-- migrate:up'",
                MigrationLayouts.SqlMigrate => "'-- +migrate Up'",
                _ => "'-- +goose Up'",
            };
            NotRead(path, $"{displayName} has no {markers} section marker, so it is not a migration ({Expected()})");
            return;
        }

        var parsed = SectionedScript.Parse(path, displayName, file.Text, dialect, found);
        diagnostics.AddRange(parsed.Diagnostics);
        Migrations.Add(new Migration(version, name, parsed.Up!, parsed.Down)
        {
            Checksum = MigrationChecksum.Compute(file.Bytes, null),
            Layout = found,
        });
    }

    /// <summary>Reads an up file and an optional down file into a migration.</summary>
    public Migration Load(MigrationVersion version, string name, string layoutName, string upPath, string? downPath)
    {
        var up = ScriptFile.Read(upPath, DisplayName(upPath));
        var down = downPath is null ? null : ScriptFile.Read(downPath, DisplayName(downPath));
        return new Migration(
            version,
            name,
            SqlScriptAssembler.FromFile(up, DisplayName(upPath), dialect, diagnostics),
            down is null ? null : SqlScriptAssembler.FromFile(down, DisplayName(down.Path), dialect, diagnostics))
        {
            Checksum = MigrationChecksum.Compute(up.Bytes, down?.Bytes),
            Layout = layoutName,
        };
    }

    private string Expected() => layout?.ToLowerInvariant() switch
    {
        MigrationLayouts.GolangMigrate => "the golang-migrate layout expects 0001_name.up.sql and 0001_name.down.sql",
        MigrationLayouts.Flyway => "the flyway layout expects V1__name.sql and U1__name.sql",
        MigrationLayouts.Folder => "the folder layout expects 20240101120000_name/up.sql and down.sql",
        MigrationLayouts.Dbmate => "the dbmate layout expects 20240101120000_name.sql with '-- migrate:up' and '-- migrate:down'",
        MigrationLayouts.Goose => "the goose layout expects 00001_name.sql with '-- +goose Up' and '-- +goose Down'",
        MigrationLayouts.Diesel => "the diesel layout expects 2019-02-26-002946_name/up.sql and down.sql",
        MigrationLayouts.SqlMigrate => "the sql-migrate layout expects 1_name.sql with '-- +migrate Up' and '-- +migrate Down'",
        MigrationLayouts.ByName => "the by-name layout reads the .sql files directly in the migrations directory: NAME.sql, or NAME.up.sql and NAME.down.sql",
        _ => "expected e.g. 0001_name.up.sql, V1__name.sql, 0001_name/up.sql, 2019-02-26-002946_name/up.sql, or 0001_name.sql with '-- migrate:up', '-- +goose Up' or '-- +migrate Up'; scripts applied in name order need MigrationsLayout (--layout) by-name",
    };

    /// <summary>The folder's entries in ordinal order, or null after a diagnostic when it cannot be listed: a folder
    /// that cannot be read is an error, never a silent skip of the migrations in it.</summary>
    private List<string>? List(string folder, Func<string, IEnumerable<string>> entries)
    {
        try
        {
            return entries(folder).Order(StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var name = folder == root ? root : DisplayName(folder) + "/";
            diagnostics.Add(SourceFileReader.FolderUnreadable(folder, name, e));
            return null;
        }
    }

    private void NotRead(string path, string message) =>
        Unread.Add(path, Directory.Exists(path) ? DisplayName(path) + "/" : DisplayName(path), message);
}
