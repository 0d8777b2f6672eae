using System.Text;
using Migrations.Build.Diagnostics;
using Migrations.Build.Schema;

namespace Migrations.Build.Migrations;

/// <summary>The history lock, <c>migrations.lock</c>: one line per released migration, <c>version checksum name</c>.
/// Committed beside the migrations, it shows when a branch edits, deletes or inserts before a released migration.</summary>
public static class HistoryLock
{
    private const string Header =
        """
        # migrations.lock: the released migrations, checked by Migrations.Build. Commit this file.
        # One line per migration: <version> <SHA-256 of its up and down scripts> <name>
        # A released migration must not be edited, deleted or preceded by a new one: add a new migration instead.
        # New migrations at the end are appended by the build.


        """;

    /// <summary>Reads a lock file; a missing file is an empty lock, a malformed line is InvalidLockFile at that line.</summary>
    public static HistoryLockReadResult Read(string path)
    {
        if (Directory.Exists(path))
        {
            return new HistoryLockReadResult(path, true, [], ValueList.Of(new Diagnostic(
                DiagnosticCodes.NotARegularFile,
                $"The history lock {Path.GetFileName(path)} is a directory, not a regular file: it was not read. A script, model or lock file must be a file.",
                new SourceLocation(path))));
        }

        if (!File.Exists(path))
        {
            return new HistoryLockReadResult(path, false, [], []);
        }

        if (SourceFileReader.Read(path, $"The history lock {Path.GetFileName(path)}", out var problem) is not { } bytes)
        {
            return new HistoryLockReadResult(path, true, [], ValueList.Of(problem!));
        }

        var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');

        var entries = new List<HistoryLockEntry>();
        var diagnostics = new List<Diagnostic>();
        foreach (var line in TextLine.Read(text))
        {
            var content = line.Text(text).Trim();
            if (content.Length == 0 || content.StartsWith('#'))
            {
                continue;
            }

            var parts = content.Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
            var location = new SourceLocation(path, line.Number);
            if (parts.Length < 3 || !MigrationVersion.TryParseLockText(parts[0], out var version) || !IsChecksum(parts[1]))
            {
                diagnostics.Add(Invalid($"Line {line.Number} of the history lock is not '<version> <sha256> <name>': '{content}'", location));
            }
            else if (entries.FirstOrDefault(e => e.Version.Equals(version)) is { } earlier)
            {
                diagnostics.Add(Invalid($"Version {version} is in the history lock twice (lines {earlier.Line} and {line.Number})", location));
            }
            else
            {
                entries.Add(new HistoryLockEntry(version, parts[1].ToLowerInvariant(), parts[2].Trim(), line.Number));
            }
        }

        return new HistoryLockReadResult(path, true, entries, diagnostics);
    }

    /// <summary>The lock's own errors plus each released migration that was edited or deleted and each new migration
    /// that sorts before the last released one.</summary>
    public static IReadOnlyList<Diagnostic> Compare(HistoryLockReadResult lockFile, MigrationSet set)
    {
        var diagnostics = new List<Diagnostic>(lockFile.Diagnostics);
        var lockName = Path.GetFileName(lockFile.Path);
        var byVersion = set.Migrations.GroupBy(m => m.Version).ToDictionary(g => g.Key, g => g.First());
        foreach (var entry in lockFile.Entries)
        {
            if (!byVersion.TryGetValue(entry.Version, out var migration))
            {
                diagnostics.Add(new Diagnostic(
                    DiagnosticCodes.ReleasedMigrationDeleted,
                    $"Released migration {entry} was deleted; restore it (to undo it, add a new migration)",
                    new SourceLocation(lockFile.Path, entry.Line)));
            }
            else if (!migration.Checksum.Equals(entry.Checksum, StringComparison.OrdinalIgnoreCase))
            {
                diagnostics.Add(new Diagnostic(
                    DiagnosticCodes.ReleasedMigrationEdited,
                    $"Released migration {migration} was edited (its checksum differs from {lockName} line {entry.Line}); revert the edit and make the change in a new migration",
                    new SourceLocation(migration.Up.Path)));
            }
        }

        if (lockFile.Last is { } last)
        {
            var released = lockFile.Entries.Select(e => e.Version).ToHashSet();
            foreach (var migration in set.Migrations.Where(m => m.Version < last.Version))
            {
                if (!released.Contains(migration.Version))
                {
                    diagnostics.Add(new Diagnostic(
                        DiagnosticCodes.MigrationInsertedBeforeReleased,
                        $"Migration {migration} is not in {lockName} but sorts before the last released migration {last}; give it a version after {last.Version}",
                        new SourceLocation(migration.Up.Path)));
                }
            }
        }

        return diagnostics;
    }

    /// <summary>Appends the migrations newer than the last locked one, creating the file with its header if needed.
    /// A lock with malformed lines is left alone: the build reports it instead. A lock that cannot be written (its
    /// folder missing, no permission) is the diagnostic returned.</summary>
    public static Diagnostic? AppendNew(string path, HistoryLockReadResult lockFile, MigrationSet set)
    {
        if (lockFile.Diagnostics.Count > 0)
        {
            return null;
        }

        var last = lockFile.Last;
        var lines = new StringBuilder();
        foreach (var migration in set.Migrations.Where(m => last is null || m.Version > last.Version))
        {
            lines.Append(migration.Version.LockText).Append(' ').Append(migration.Checksum).Append(' ').Append(migration.Name).Append('\n');
        }

        if (lines.Length == 0)
        {
            return null;
        }

        try
        {
            var existing = File.Exists(path) ? File.ReadAllText(path) : string.Empty;
            var prefix = existing.Length == 0 ? Header : existing.EndsWith('\n') ? string.Empty : "\n";
            File.AppendAllText(path, prefix + lines, new UTF8Encoding(false));
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new Diagnostic(DiagnosticCodes.LockNotWritten, $"The history lock {Path.GetFileName(path)} could not be written: {e.Message}", new SourceLocation(path));
        }
    }

    private static bool IsChecksum(string text) => text.Length == 64 && text.All(char.IsAsciiHexDigit);

    private static Diagnostic Invalid(string message, SourceLocation location) =>
        new(DiagnosticCodes.InvalidLockFile, message, location);
}
