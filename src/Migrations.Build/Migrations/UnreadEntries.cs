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

    /// <summary>The one warning naming the files the check cannot see, at the first of them.</summary>
    public void ReportUnseen()
    {
        if (_unseen.Count == 0)
        {
            return;
        }

        var names = string.Join(", ", _unseen.Take(NamesShown).Select(u => u.Name));
        var more = _unseen.Count > NamesShown ? $" and {_unseen.Count - NamesShown} more" : string.Empty;
        var count = _unseen.Count == 1 ? "1 entry" : $"{_unseen.Count} entries";
        diagnostics.Add(new Diagnostic(
            DiagnosticCodes.UnseenFiles,
            $"The check cannot see {count} of the migrations directory, which are not SQL migrations: {names}{more}. What they change in the schema is not checked; move them out of the folder if they are not migrations",
            new SourceLocation(_unseen[0].Path)));
    }

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
