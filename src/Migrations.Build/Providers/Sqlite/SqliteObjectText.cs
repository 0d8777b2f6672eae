using Migrations.Build.Migrations;

namespace Migrations.Build.Providers.Sqlite;

/// <summary>The compared text of views and triggers, cut from their stored CREATE statements.</summary>
internal static class SqliteObjectText
{
    /// <summary>The SELECT of a view in canonical form, preceded by <c>(columns) AS</c> when the view names its columns.</summary>
    public static string ViewDefinition(string sql)
    {
        var tokens = SqliteToken.Read(sql);
        var i = SqliteTokenScan.ObjectNameIndex(tokens, "VIEW") + 1;
        if (i < tokens.Count && tokens[i].IsSymbol("("))
        {
            return SqliteCanonicalText.Of(tokens, i, tokens.Count);
        }

        return SqliteCanonicalText.Of(tokens, i < tokens.Count && tokens[i].IsWord("AS") ? i + 1 : i, tokens.Count);
    }

    /// <summary>The canonical text of a trigger: <c>CREATE TRIGGER "name"</c> (as declared) and the rest, with SQLite's implied
    /// defaults spelled out the same way (a missing BEFORE) or dropped (FOR EACH ROW, the only kind SQLite has).</summary>
    public static string TriggerDefinition(string name, string sql)
    {
        var tokens = SqliteToken.Read(sql);
        var nameIndex = SqliteTokenScan.ObjectNameIndex(tokens, "TRIGGER");
        if (nameIndex >= tokens.Count)
        {
            return SqliteCanonicalText.Of(tokens, 0, tokens.Count);
        }

        var body = new List<SqliteToken>();
        for (var i = nameIndex + 1; i < tokens.Count; i++)
        {
            if (i + 2 < tokens.Count && tokens[i].IsWord("FOR") && tokens[i + 1].IsWord("EACH") && tokens[i + 2].IsWord("ROW"))
            {
                i += 2;
                continue;
            }

            body.Add(tokens[i]);
        }

        if (body.Count > 0 && (body[0].IsWord("INSERT") || body[0].IsWord("UPDATE") || body[0].IsWord("DELETE")))
        {
            body.Insert(0, new SqliteToken(SqlTokenKind.Word, "BEFORE", -1));
        }

        return "CREATE TRIGGER " + SqliteCanonicalText.QuoteName(name) + " " + SqliteCanonicalText.Of(body, 0, body.Count);
    }
}
