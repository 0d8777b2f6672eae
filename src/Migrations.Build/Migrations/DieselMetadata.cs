using Migrations.Build.Diagnostics;

namespace Migrations.Build.Migrations;

/// <summary>A diesel migration folder's <c>metadata.toml</c>: <c>run_in_transaction = false</c> runs the up and the
/// down outside a transaction, as diesel does.</summary>
internal static class DieselMetadata
{
    public const string FileName = "metadata.toml";

    private const string RunInTransaction = "run_in_transaction";

    /// <summary>The migration with the metadata's options applied; an unreadable file or an unknown key is reported
    /// and leaves the migration as it is.</summary>
    public static Migration Apply(Migration migration, string path, string displayName, List<Diagnostic> diagnostics)
    {
        var file = ScriptFile.Read(path, displayName);
        if (file.Text is null)
        {
            diagnostics.Add(file.Error!);
            return migration;
        }

        var noTransaction = false;
        foreach (var line in TextLine.Read(file.Text))
        {
            var content = line.Text(file.Text).Split('#')[0].Trim();
            if (content.Length == 0)
            {
                continue;
            }

            var parts = content.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && parts[0] == RunInTransaction && parts[1] is "true" or "false")
            {
                noTransaction = parts[1] == "false";
                continue;
            }

            diagnostics.Add(new Diagnostic(
                DiagnosticCodes.InvalidDirective,
                $"Unknown diesel metadata '{content}' in {displayName} (known: {RunInTransaction} = true|false); it is ignored",
                new SourceLocation(path, line.Number)));
        }

        return noTransaction
            ? migration with { Up = migration.Up with { NoTransaction = true }, Down = migration.Down is null ? null : migration.Down with { NoTransaction = true } }
            : migration;
    }
}
