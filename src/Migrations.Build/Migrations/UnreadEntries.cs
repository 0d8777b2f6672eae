using Migrations.Build.Diagnostics;

namespace Migrations.Build.Migrations;

/// <summary>The entries of a migrations directory that its layout does not read. One that looks like a migration (a SQL
/// file, a folder holding SQL files) is an error naming it: a misnamed migration would otherwise go unchecked. Every
/// other file is named in one warning, since the check cannot see what it does (a README, a goose <c>.go</c> step).</summary>
internal sealed class UnreadEntries(List<Diagnostic> diagnostics)
{
    /// <summary>At most this many names in the warning: a directory of hundreds of Go steps stays one readable line.</summary>
    private const int NamesShown = 20;

    private readonly List<(string Path, string Name)> _unseen = [];

    private readonly List<(string Path, string Name)> _repeatables = [];

    /// <summary>How many entries that look like migrations were not read (each an error).</summary>
    public int LookLikeMigrations { get; private set; }

    /// <summary>Reports <paramref name="path"/>: an error with <paramref name="message"/> when it looks like a migration,
    /// else one more name (<paramref name="displayName"/>) for the warning.</summary>
    public void Add(string path, string displayName, string message)
    {
        if (!LooksLikeMigration(path))
        {
            _unseen.Add((path, displayName));
            return;
        }

        LookLikeMigrations++;
        diagnostics.Add(new Diagnostic(DiagnosticCodes.UnrecognizedFile, message, new SourceLocation(path)));
    }

    /// <summary>A Flyway repeatable migration (<c>R__name.sql</c>): Flyway reads it, but the check applies versioned
    /// migrations only. A warning, not an error: the project is right to have it, and nothing it could rename would
    /// make it checked.</summary>
    public void AddRepeatable(string path, string name) => _repeatables.Add((path, name));

    /// <summary>The warnings naming the files the check cannot see, each at the first of them.</summary>
    public void ReportUnseen()
    {
        if (_unseen.Count > 0)
        {
            var count = _unseen.Count == 1 ? "1 entry" : $"{_unseen.Count} entries";
            diagnostics.Add(new Diagnostic(
                DiagnosticCodes.UnseenFiles,
                $"The check cannot see {count} of the migrations directory, which are not SQL migrations: {Names(_unseen)}. What they change in the schema is not checked; move them out of the folder if they are not migrations",
                new SourceLocation(_unseen[0].Path)));
        }

        if (_repeatables.Count > 0)
        {
            _repeatables.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            var count = _repeatables.Count == 1 ? "1 Flyway repeatable migration" : $"{_repeatables.Count} Flyway repeatable migrations";
            diagnostics.Add(new Diagnostic(
                DiagnosticCodes.UnseenFiles,
                $"The check cannot see {count}: {Names(_repeatables)}. It applies the versioned migrations only, so what they create is not checked (a model that has it reports it missing: list it in MigrationsIgnore)",
                new SourceLocation(_repeatables[0].Path)));
        }
    }

    private static string Names(List<(string Path, string Name)> entries) =>
        string.Join(", ", entries.Take(NamesShown).Select(u => u.Name)) + (entries.Count > NamesShown ? $" and {entries.Count - NamesShown} more" : string.Empty);

    /// <summary>A <c>.sql</c> file, or a folder with one anywhere below it (hidden folders aside, and symbolic links,
    /// which may loop or lead out of the repository). A folder that cannot be listed, or holds one, may hold migrations,
    /// so it counts as one.</summary>
    private static bool LooksLikeMigration(string path)
    {
        if (!Directory.Exists(path))
        {
            return IsSql(path);
        }

        try
        {
            var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = false, AttributesToSkip = FileAttributes.Hidden | FileAttributes.ReparsePoint };
            return Directory.EnumerateFiles(path, "*", options).Any(IsSql);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }

    private static bool IsSql(string path) => path.EndsWith(".sql", StringComparison.OrdinalIgnoreCase);
}
