namespace Migrations.Build.Migrations;

/// <summary>Follows the words of one statement to know when it is inside a body whose semicolons do not end it:
/// SQLite's <c>CREATE TRIGGER … BEGIN … END</c> and PostgreSQL's <c>BEGIN ATOMIC … END</c> routine bodies.</summary>
/// <remarks><c>CASE … END</c> inside a body also ends with END, so it is counted as a nested block.</remarks>
internal sealed class StatementBodyTracker(SqlDialect dialect)
{
    private const int LeadingWordCount = 4;
    private readonly List<string> _leadingWords = new(LeadingWordCount);
    private int _depth;
    private bool _afterBegin;

    public bool InsideBody => _depth > 0;

    public void Reset()
    {
        _leadingWords.Clear();
        _depth = 0;
        _afterBegin = false;
    }

    public void ObserveWord(string word)
    {
        var upper = word.ToUpperInvariant();
        if (_leadingWords.Count < LeadingWordCount)
        {
            _leadingWords.Add(upper);
        }

        var afterBegin = _afterBegin;
        _afterBegin = false;
        if (_depth > 0)
        {
            _depth += upper switch
            {
                "CASE" => 1,
                "END" => -1,
                _ => 0,
            };
            return;
        }

        if (afterBegin && upper == "ATOMIC")
        {
            _depth = 1;
        }
        else if (upper == "BEGIN" && IsSqliteTrigger())
        {
            _depth = 1;
        }
        else if (upper == "BEGIN" && IsPostgreSqlRoutine())
        {
            _afterBegin = true;
        }
    }

    public void ObserveOtherToken() => _afterBegin = false;

    private bool IsSqliteTrigger() =>
        dialect == SqlDialect.Sqlite
        && (LeadingWordsAre("CREATE", "TRIGGER") || LeadingWordsAre("CREATE", "TEMP", "TRIGGER") || LeadingWordsAre("CREATE", "TEMPORARY", "TRIGGER"));

    private bool IsPostgreSqlRoutine() =>
        dialect == SqlDialect.PostgreSql && _leadingWords.Count > 0 && _leadingWords[0] == "CREATE"
        && (_leadingWords.Contains("FUNCTION") || _leadingWords.Contains("PROCEDURE"));

    private bool LeadingWordsAre(params string[] words) =>
        _leadingWords.Count >= words.Length && words.Select((w, i) => _leadingWords[i] == w).All(same => same);
}
