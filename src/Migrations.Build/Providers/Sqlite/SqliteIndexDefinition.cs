namespace Migrations.Build.Providers.Sqlite;

/// <summary>What only the stored CREATE INDEX text tells: the text of expression keys and the partial predicate.</summary>
/// <param name="KeyExpressions">Per key, in key order, its canonical expression without COLLATE/ASC/DESC.</param>
/// <param name="Predicate">The canonical WHERE predicate of a partial index, or null.</param>
internal sealed record SqliteIndexDefinition(IReadOnlyList<string> KeyExpressions, string? Predicate)
{
    public static SqliteIndexDefinition Parse(string sql, IReadOnlySet<string> tableColumns)
    {
        var tokens = SqliteToken.Read(sql);
        var open = SqliteTokenScan.ObjectNameIndex(tokens, "INDEX");
        while (open < tokens.Count && !tokens[open].IsSymbol("("))
        {
            open++;
        }

        if (open >= tokens.Count)
        {
            return new SqliteIndexDefinition([], null);
        }

        var close = SqliteTokenScan.MatchingParenthesis(tokens, open);
        var keys = new List<string>();
        foreach (var item in SqliteTokenScan.SplitOnCommas(tokens, open + 1, close))
        {
            var end = item.End.Value;
            if (end > item.Start.Value && (tokens[end - 1].IsWord("ASC") || tokens[end - 1].IsWord("DESC")))
            {
                end--;
            }

            if (end - 2 > item.Start.Value && tokens[end - 2].IsWord("COLLATE"))
            {
                end -= 2;
            }

            keys.Add(SqliteCanonicalText.Of(tokens, item.Start.Value, end, tableColumns));
        }

        string? predicate = null;
        if (close + 1 < tokens.Count && tokens[close + 1].IsWord("WHERE"))
        {
            var end = tokens.Count > 0 && tokens[^1].IsSymbol(";") ? tokens.Count - 1 : tokens.Count;
            predicate = SqliteCanonicalText.Of(tokens, close + 2, end, tableColumns);
        }

        return new SqliteIndexDefinition(keys, predicate);
    }
}
