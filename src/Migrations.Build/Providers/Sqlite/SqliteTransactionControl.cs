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

    public static bool AnyCommandRequiresNoTransaction(string sql)
    {
        var tokens = SqliteTokenizer.Tokenize(sql);
        var i = 0;
        while (i < tokens.Count)
        {
            if (RequiresNoTransaction(tokens, i))
            {
                return true;
            }

            i = NextCommand(tokens, i);
        }

        return false;
    }

    private static bool RequiresNoTransaction(List<SqliteToken> tokens, int i)
    {
        var first = tokens[i];
        if (first.Kind == SqliteTokenKind.Word && ControlWords.Contains(first.Text))
        {
            return true;
        }

        if (!first.IsWord("PRAGMA") || i + 1 >= tokens.Count)
        {
            return false;
        }

        // PRAGMA [schema.]name …
        var name = i + 3 < tokens.Count && tokens[i + 2].IsSymbol(".") ? tokens[i + 3] : tokens[i + 1];
        return OutsideTransactionPragmas.Contains(name.Value);
    }

    /// <summary>The index after the <c>;</c> ending the command at <paramref name="start"/>; a trigger body's
    /// semicolons belong to the trigger, which ends at its END (CASE … END nests inside it).</summary>
    private static int NextCommand(List<SqliteToken> tokens, int start)
    {
        var isTrigger = tokens[start].IsWord("CREATE")
            && tokens.Skip(start + 1).Take(3).Any(t => t.IsWord("TRIGGER"));
        var caseDepth = 0;
        var inBody = false;
        for (var i = start; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (isTrigger && token.IsWord("BEGIN"))
            {
                inBody = true;
            }
            else if (inBody && token.IsWord("CASE"))
            {
                caseDepth++;
            }
            else if (inBody && token.IsWord("END"))
            {
                if (caseDepth > 0)
                {
                    caseDepth--;
                }
                else
                {
                    inBody = false;
                    isTrigger = false;
                }
            }
            else if (!inBody && token.IsSymbol(";"))
            {
                return i + 1;
            }
        }

        return tokens.Count;
    }
}
