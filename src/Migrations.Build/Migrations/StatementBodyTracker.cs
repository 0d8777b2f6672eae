namespace Migrations.Build.Migrations;

/// <summary>Follows the words of one statement to know when it is inside a body whose semicolons do not end it, by
/// the dialect's <see cref="SqlDialect.BodyRules"/> (SQLite's <c>CREATE TRIGGER … BEGIN … END</c>, PostgreSQL's
/// <c>BEGIN ATOMIC … END</c> routine bodies).</summary>
/// <remarks>Blocks nested in a body that also end with END (<c>CASE … END</c>) are counted, so their END does not
/// close the body.</remarks>
internal sealed class StatementBodyTracker
{
    private readonly (StatementBodyRule Rule, string[][] Starts)[] _rules;
    private readonly int _leadingWordCount;
    private readonly List<string> _leadingWords = [];
    private StatementBodyRule? _rule;
    private int _openingWordsSeen;
    private int _depth;

    public StatementBodyTracker(SqlDialect dialect)
    {
        _rules = [.. dialect.BodyRules.Select(rule => (rule, rule.StatementStarts.Select(start => start.Split(' ')).ToArray()))];
        _leadingWordCount = _rules.SelectMany(r => r.Starts).Select(words => words.Length).DefaultIfEmpty(0).Max();
    }

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
        if (_rules.Length == 0)
        {
            return;
        }

        var upper = word.ToUpperInvariant();
        if (_leadingWords.Count < _leadingWordCount)
        {
            // A rule is chosen by the statement's first words, so only while they are still being read.
            _leadingWords.Add(upper);
            _rule ??= RuleForLeadingWords();
        }

        if (_depth > 0)
        {
            _depth += upper == _rule!.End ? -1 : _rule.NestedBlocks.Contains(upper) ? 1 : 0;
            return;
        }

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

    private StatementBodyRule? RuleForLeadingWords()
    {
        foreach (var (rule, starts) in _rules)
        {
            if (starts.Any(start => start.Length <= _leadingWords.Count && start.Select((w, i) => _leadingWords[i] == w).All(same => same)))
            {
                return rule;
            }
        }

        return null;
    }
}
