namespace Migrations.Build.Migrations;

/// <summary>Follows the words of one statement to know when it is inside a body whose semicolons do not end it, by
/// the dialect's <see cref="SqlDialect.BodyRules"/> (SQLite's <c>CREATE TRIGGER … BEGIN … END</c>, PostgreSQL's
/// <c>BEGIN ATOMIC … END</c> routine bodies).</summary>
/// <remarks>Blocks nested in a body that also end with END (<c>CASE … END</c>) are counted, so their END does not
/// close the body.</remarks>
internal sealed class StatementBodyTracker(SqlDialect dialect)
{
    private readonly int _leadingWordCount = dialect.BodyRules.Count == 0 ? 0 : dialect.BodyRules.Max(r => r.LeadingWordCount);
    private readonly List<string> _leadingWords = [];
    private StatementBodyRule? _rule;
    private int _openingWordsSeen;
    private int _depth;

    public bool InsideBody => _depth > 0;

    public void Reset()
    {
        _leadingWords.Clear();
        _rule = null;
        _openingWordsSeen = 0;
        _depth = 0;
    }

    public void ObserveWord(string word)
    {
        if (dialect.BodyRules.Count == 0)
        {
            return;
        }

        var upper = word.ToUpperInvariant();
        if (_leadingWords.Count < _leadingWordCount)
        {
            _leadingWords.Add(upper);
        }

        if (_depth > 0)
        {
            _depth += upper == _rule!.End ? -1 : _rule.NestedBlocks.Contains(upper) ? 1 : 0;
            return;
        }

        _rule ??= dialect.BodyRules.FirstOrDefault(r => r.AppliesTo(_leadingWords));
        if (_rule is null)
        {
            return;
        }

        // The opening words must follow one another: BEGIN then ATOMIC, with no other token between them.
        _openingWordsSeen = upper == _rule.Opening[_openingWordsSeen] ? _openingWordsSeen + 1
            : upper == _rule.Opening[0] ? 1
            : 0;
        if (_openingWordsSeen == _rule.Opening.Count)
        {
            _openingWordsSeen = 0;
            _depth = 1;
        }
    }

    public void ObserveOtherToken() => _openingWordsSeen = 0;
}
