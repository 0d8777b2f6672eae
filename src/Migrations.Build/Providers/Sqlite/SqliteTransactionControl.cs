using Migrations.Build.Migrations;

namespace Migrations.Build.Providers.Sqlite;

/// <summary>Recognizes commands that control transactions or that SQLite refuses (or silently ignores) inside one.</summary>
internal static class SqliteTransactionControl
{
    private static readonly HashSet<string> ControlWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "BEGIN", "COMMIT", "END", "ROLLBACK", "VACUUM", "ATTACH", "DETACH",
    };

    /// <summary>Pragmas that are no-ops inside a transaction.</summary>
    private static readonly HashSet<string> OutsideTransactionPragmas = new(StringComparer.OrdinalIgnoreCase)
    {
        "foreign_keys", "journal_mode",
    };

    /// <summary>True when any command of <paramref name="sql"/> (cut by the statement scanner, so a trigger body's
    /// semicolons stay inside the trigger) controls transactions or must run outside one.</summary>
    public static bool AnyCommandRequiresNoTransaction(string sql) =>
        SqlStatementSplitter.Split(string.Empty, sql, SqliteSyntax.Dialect).Statements
            .Any(command => RequiresNoTransaction(SqliteToken.Read(command.Text)));

    private static bool RequiresNoTransaction(List<SqliteToken> tokens)
    {
        var first = tokens[0];
        if (first.Kind == SqlTokenKind.Word && ControlWords.Contains(first.Text))
        {
            return true;
        }

        if (!first.IsWord("PRAGMA") || tokens.Count < 2)
        {
            return false;
        }

        // PRAGMA [schema.]name …
        var name = tokens.Count > 3 && tokens[2].IsSymbol(".") ? tokens[3] : tokens[1];
        return OutsideTransactionPragmas.Contains(name.Value);
    }
}
