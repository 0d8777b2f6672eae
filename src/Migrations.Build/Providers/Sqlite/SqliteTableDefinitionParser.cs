using Migrations.Build.Migrations;

namespace Migrations.Build.Providers.Sqlite;

/// <summary>Reads a stored CREATE TABLE statement into a <see cref="SqliteTableDefinition"/>: column definitions
/// and table constraints, respecting quotes, brackets, backticks and nested parentheses.</summary>
/// <remarks>The text is one SQLite already accepted, so the parser follows SQLite's grammar without validating it;
/// unknown words are skipped rather than rejected.</remarks>
internal sealed class SqliteTableDefinitionParser
{
    private static readonly HashSet<string> TableConstraintStarts = new(StringComparer.OrdinalIgnoreCase)
    {
        "CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN",
    };

    private static readonly HashSet<string> ColumnConstraintStarts = new(StringComparer.OrdinalIgnoreCase)
    {
        "CONSTRAINT", "PRIMARY", "NOT", "NULL", "UNIQUE", "CHECK", "DEFAULT", "COLLATE", "REFERENCES", "GENERATED", "AS",
    };

    private readonly List<SqliteToken> _tokens;
    private readonly List<SqliteColumnDefinition> _columns = [];
    private readonly List<SqliteForeignKeyDefinition> _foreignKeys = [];
    private readonly List<SqliteNamedConstraint> _uniques = [];
    private readonly List<SqliteNamedConstraint> _checks = [];
    private HashSet<string> _columnNames = new(StringComparer.OrdinalIgnoreCase);
    private string? _primaryKeyName;

    private SqliteTableDefinitionParser(string sql) => _tokens = SqliteToken.Read(sql);

    public static SqliteTableDefinition Parse(string sql) => new SqliteTableDefinitionParser(sql).Parse();

    private SqliteTableDefinition Parse()
    {
        var open = SqliteTokenScan.ObjectNameIndex(_tokens, "TABLE") + 1;
        if (open >= _tokens.Count || !_tokens[open].IsSymbol("("))
        {
            return SqliteTableDefinition.Empty;
        }

        var close = SqliteTokenScan.MatchingParenthesis(_tokens, open);
        var elements = SqliteTokenScan.SplitOnCommas(_tokens, open + 1, close);

        // Columns come first in SQLite's grammar; the first table constraint ends them.
        var columnCount = elements.FindIndex(e => e.Start.Value >= e.End.Value || IsTableConstraintStart(_tokens[e.Start.Value]));
        columnCount = columnCount < 0 ? elements.Count : columnCount;
        _columnNames = elements.Take(columnCount).Select(e => _tokens[e.Start.Value].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);

        for (var i = 0; i < elements.Count; i++)
        {
            if (i < columnCount)
            {
                ParseColumn(elements[i].Start.Value, elements[i].End.Value);
            }
            else
            {
                ParseTableConstraints(elements[i].Start.Value, elements[i].End.Value);
            }
        }

        return new SqliteTableDefinition(_columns, _primaryKeyName, _foreignKeys, _uniques, _checks);
    }

    private static bool IsTableConstraintStart(SqliteToken token) =>
        token.Kind == SqlTokenKind.Word && TableConstraintStarts.Contains(token.Text);

    private void ParseColumn(int start, int end)
    {
        var name = _tokens[start].Value;
        var i = start + 1;
        while (i < end && !(_tokens[i].Kind == SqlTokenKind.Word && ColumnConstraintStarts.Contains(_tokens[i].Text)))
        {
            i = _tokens[i].IsSymbol("(") ? SqliteTokenScan.MatchingParenthesis(_tokens, i) + 1 : i + 1;
        }

        string? collation = null;
        string? generated = null;
        var autoIncrement = false;
        string? constraintName = null;
        while (i < end)
        {
            var token = _tokens[i];
            var named = constraintName;
            constraintName = null;
            if (token.IsWord("CONSTRAINT") && i + 1 < end)
            {
                constraintName = _tokens[i + 1].Value;
                i += 2;
            }
            else if (token.IsWord("PRIMARY"))
            {
                _primaryKeyName = named;
                i += 2;
                while (i < end)
                {
                    if (_tokens[i].IsWord("ASC") || _tokens[i].IsWord("DESC"))
                    {
                        i++;
                    }
                    else if (_tokens[i].IsWord("AUTOINCREMENT"))
                    {
                        autoIncrement = true;
                        i++;
                    }
                    else if (IsConflictClause(i, end))
                    {
                        i += 3;
                    }
                    else
                    {
                        break;
                    }
                }
            }
            else if (token.IsWord("NOT") || token.IsWord("NULL") || token.IsWord("UNIQUE"))
            {
                if (token.IsWord("UNIQUE"))
                {
                    _uniques.Add(new SqliteNamedConstraint(named, [name], string.Empty));
                }

                i += token.IsWord("NOT") ? 2 : 1;
                i = IsConflictClause(i, end) ? i + 3 : i;
            }
            else if (token.IsWord("CHECK"))
            {
                i = AddCheck(named, i + 1);
            }
            else if (token.IsWord("DEFAULT"))
            {
                i++;
                i = i < end && _tokens[i].IsSymbol("(") ? SqliteTokenScan.MatchingParenthesis(_tokens, i) + 1
                    : i < end && (_tokens[i].IsSymbol("-") || _tokens[i].IsSymbol("+")) ? i + 2
                    : i + 1;
            }
            else if (token.IsWord("COLLATE") && i + 1 < end)
            {
                collation = _tokens[i + 1].Value;
                i += 2;
            }
            else if (token.IsWord("REFERENCES"))
            {
                i = ParseReferences(named, [name], i + 1, end);
            }
            else if (token.IsWord("GENERATED") || token.IsWord("AS"))
            {
                i += token.IsWord("GENERATED") ? 3 : 1;
                if (i < end && _tokens[i].IsSymbol("("))
                {
                    var close = SqliteTokenScan.MatchingParenthesis(_tokens, i);
                    generated = SqliteCanonicalText.Of(_tokens, i + 1, close, _columnNames);
                    i = close + 1;
                }

                i = i < end && (_tokens[i].IsWord("STORED") || _tokens[i].IsWord("VIRTUAL")) ? i + 1 : i;
            }
            else
            {
                i++;
            }
        }

        _columns.Add(new SqliteColumnDefinition(name, collation, autoIncrement, generated));
    }

    private void ParseTableConstraints(int start, int end)
    {
        // SQLite accepts table constraints without commas between them, so one element may hold several.
        string? constraintName = null;
        var i = start;
        while (i < end)
        {
            var token = _tokens[i];
            var named = constraintName;
            constraintName = null;
            if (token.IsWord("CONSTRAINT") && i + 1 < end)
            {
                constraintName = _tokens[i + 1].Value;
                i += 2;
            }
            else if ((token.IsWord("PRIMARY") || token.IsWord("UNIQUE")) && NextParenthesis(i, end) is var open and >= 0)
            {
                var close = SqliteTokenScan.MatchingParenthesis(_tokens, open);
                if (token.IsWord("PRIMARY"))
                {
                    _primaryKeyName = named;
                }
                else
                {
                    _uniques.Add(new SqliteNamedConstraint(named, ColumnList(open, close), string.Empty));
                }

                i = close + 1;
                i = IsConflictClause(i, end) ? i + 3 : i;
            }
            else if (token.IsWord("CHECK"))
            {
                i = AddCheck(named, i + 1);
                i = IsConflictClause(i, end) ? i + 3 : i;
            }
            else if (token.IsWord("FOREIGN") && NextParenthesis(i, end) is var fkOpen and >= 0)
            {
                var close = SqliteTokenScan.MatchingParenthesis(_tokens, fkOpen);
                var columns = ColumnList(fkOpen, close);
                i = close + 1;
                i = i < end && _tokens[i].IsWord("REFERENCES") ? ParseReferences(named, columns, i + 1, end) : i;
            }
            else
            {
                i++;
            }
        }
    }

    /// <summary>Reads <c>table [(columns)] [ON DELETE|UPDATE action] [MATCH name] [[NOT] DEFERRABLE [INITIALLY …]]</c>
    /// and returns the index after it.</summary>
    private int ParseReferences(string? name, IReadOnlyList<string> columns, int i, int end)
    {
        var table = i < end ? _tokens[i].Value : string.Empty;
        i++;
        if (i < end && _tokens[i].IsSymbol("("))
        {
            i = SqliteTokenScan.MatchingParenthesis(_tokens, i) + 1;
        }

        var match = "SIMPLE";
        var deferrable = false;
        var initiallyDeferred = false;
        while (i < end)
        {
            if (_tokens[i].IsWord("ON") && i + 2 < end)
            {
                i += _tokens[i + 2].IsWord("SET") || _tokens[i + 2].IsWord("NO") ? 4 : 3;
            }
            else if (_tokens[i].IsWord("MATCH") && i + 1 < end)
            {
                match = _tokens[i + 1].Value.ToUpperInvariant();
                i += 2;
            }
            else if (_tokens[i].IsWord("NOT") && i + 1 < end && _tokens[i + 1].IsWord("DEFERRABLE"))
            {
                // NOT DEFERRABLE is immediate whatever INITIALLY says (SQLite's grammar).
                i += 2;
                i = i < end && _tokens[i].IsWord("INITIALLY") ? i + 2 : i;
            }
            else if (_tokens[i].IsWord("DEFERRABLE"))
            {
                deferrable = true;
                i++;
                if (i + 1 < end && _tokens[i].IsWord("INITIALLY"))
                {
                    initiallyDeferred = _tokens[i + 1].IsWord("DEFERRED");
                    i += 2;
                }
            }
            else
            {
                break;
            }
        }

        _foreignKeys.Add(new SqliteForeignKeyDefinition(name, columns, table, match, deferrable, initiallyDeferred));
        return i;
    }

    private int AddCheck(string? name, int open)
    {
        if (open >= _tokens.Count || !_tokens[open].IsSymbol("("))
        {
            return open;
        }

        var close = SqliteTokenScan.MatchingParenthesis(_tokens, open);
        _checks.Add(new SqliteNamedConstraint(name, [], SqliteCanonicalText.Of(_tokens, open + 1, close, _columnNames)));
        return close + 1;
    }

    private bool IsConflictClause(int i, int end) =>
        i + 1 < end && _tokens[i].IsWord("ON") && _tokens[i + 1].IsWord("CONFLICT");

    private int NextParenthesis(int i, int end)
    {
        for (var j = i; j < end && j < i + 3; j++)
        {
            if (_tokens[j].IsSymbol("("))
            {
                return j;
            }
        }

        return -1;
    }

    /// <summary>The column names of <c>(a COLLATE x DESC, b)</c>: the first token of each item.</summary>
    private List<string> ColumnList(int open, int close) =>
        SqliteTokenScan.SplitOnCommas(_tokens, open + 1, close)
            .Where(r => r.Start.Value < r.End.Value)
            .Select(r => _tokens[r.Start.Value].Value)
            .ToList();
}
