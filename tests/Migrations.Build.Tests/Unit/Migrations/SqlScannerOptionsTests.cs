using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;

namespace Migrations.Build.Tests.Unit.Migrations;

/// <summary>The statement scanner's options, one at a time: each row turns one option on (or leaves all off) and
/// shows what it changes. The providers' dialects are combinations of these (see SqlStatementSplitterTests).</summary>
[TestClass]
public sealed class SqlScannerOptionsTests
{
    private const string Path = "/m/0001_x.sql";

    private static readonly StatementBodyRule TriggerBody = new(["CREATE TRIGGER", "CREATE TEMP TRIGGER"], ["BEGIN"]);

    private static readonly StatementBodyRule AtomicBody = new(["CREATE FUNCTION", "CREATE OR REPLACE FUNCTION"], ["BEGIN", "ATOMIC"]);

    /// <summary>A dialect with every option off except the one named.</summary>
    private static SqlDialect With(string option)
    {
        var plain = new SqlDialect(option);
        return option switch
        {
            "none" => plain,
            "brackets" => plain with { IdentifierQuotes = [IdentifierQuote.Double, new IdentifierQuote('[', ']')] },
            "brackets without escape" => plain with { IdentifierQuotes = [IdentifierQuote.Double, new IdentifierQuote('[', ']', DoubledCloseEscapes: false)] },
            "backticks" => plain with { IdentifierQuotes = [IdentifierQuote.Double, new IdentifierQuote('`', '`')] },
            "escape strings" => plain with { EscapeStrings = true },
            "dollar quotes" => plain with { DollarQuotes = true },
            "nested comments" => plain with { NestedBlockComments = true },
            "blobs" => plain with { BlobLiterals = true },
            "parameters" => plain with { ParameterPrefixes = "?:@$" },
            "operators" => plain with { Operators = ["->>", "->", "||"] },
            "trigger body" => plain with { BodyRules = [TriggerBody] },
            "atomic body" => plain with { BodyRules = [AtomicBody] },
            "GO" => plain with { BatchSeparator = "GO" },
            _ => throw new ArgumentException($"no option {option}", nameof(option)),
        };
    }

    /// <summary>The statements joined by <c>|</c>, then <c>|!</c> when a token is never closed.</summary>
    private static string Split(string option, string sql)
    {
        var result = SqlStatementSplitter.Split(Path, sql, With(option));
        var texts = result.Statements.Select(s => s.Text).ToList();
        if (result.Diagnostics.Any(d => d.Descriptor == DiagnosticCodes.UnterminatedToken))
        {
            texts.Add("!");
        }

        return string.Join("|", texts);
    }

    [TestMethod]
    [DataRow("none", "SELECT [a;b]; SELECT 2", "SELECT [a|b]|SELECT 2")]
    [DataRow("brackets", "SELECT [a;b]; SELECT 2", "SELECT [a;b]|SELECT 2")]
    [DataRow("brackets", "SELECT [a]];b]; SELECT 2", "SELECT [a]];b]|SELECT 2")]
    [DataRow("brackets without escape", "SELECT [a]];b]; SELECT 2", "SELECT [a]]|b]|SELECT 2")]
    [DataRow("none", "SELECT `a;b`; SELECT 2", "SELECT `a|b`|SELECT 2")]
    [DataRow("backticks", "SELECT `a;b`; SELECT 2", "SELECT `a;b`|SELECT 2")]
    [DataRow("none", "SELECT \"a;\"\"b\"; SELECT 2", "SELECT \"a;\"\"b\"|SELECT 2")]
    [DataRow("none", "SELECT E'a\\';b'; SELECT 2", "SELECT E'a\\'|!")]
    [DataRow("escape strings", "SELECT E'a\\';b'; SELECT 2", "SELECT E'a\\';b'|SELECT 2")]
    [DataRow("escape strings", "SELECT 'a\\'; SELECT 2", "SELECT 'a\\'|SELECT 2")]
    [DataRow("none", "SELECT $$a;b$$; SELECT 2", "SELECT $$a|b$$|SELECT 2")]
    [DataRow("dollar quotes", "SELECT $$a;b$$; SELECT 2", "SELECT $$a;b$$|SELECT 2")]
    [DataRow("dollar quotes", "SELECT $f$ $$; $f$; SELECT 2", "SELECT $f$ $$; $f$|SELECT 2")]
    [DataRow("dollar quotes", "SELECT $1; SELECT a$b$c; SELECT 2", "SELECT $1|SELECT a$b$c|SELECT 2")]
    [DataRow("none", "SELECT /* a /* b */ c; */ 1; SELECT 2", "SELECT /* a /* b */ c|*/ 1|SELECT 2")]
    [DataRow("nested comments", "SELECT /* a /* b */ c; */ 1; SELECT 2", "SELECT /* a /* b */ c; */ 1|SELECT 2")]
    [DataRow("nested comments", "SELECT 1; /* a /* b */ SELECT 2;", "SELECT 1|!")]
    [DataRow("none", "CREATE TRIGGER t AFTER INSERT ON a BEGIN DELETE FROM b; END; SELECT 2", "CREATE TRIGGER t AFTER INSERT ON a BEGIN DELETE FROM b|END|SELECT 2")]
    [DataRow("trigger body", "CREATE TRIGGER t AFTER INSERT ON a BEGIN DELETE FROM b; END; SELECT 2", "CREATE TRIGGER t AFTER INSERT ON a BEGIN DELETE FROM b; END|SELECT 2")]
    [DataRow("trigger body", "create temp trigger t after insert on a begin update b set x = case when 1 then 2 end; end; select 2", "create temp trigger t after insert on a begin update b set x = case when 1 then 2 end; end|select 2")]
    [DataRow("trigger body", "BEGIN; CREATE TABLE a (x int); END;", "BEGIN|CREATE TABLE a (x int)|END")]
    [DataRow("none", "CREATE FUNCTION f() RETURNS int BEGIN ATOMIC SELECT 1; END; SELECT 2", "CREATE FUNCTION f() RETURNS int BEGIN ATOMIC SELECT 1|END|SELECT 2")]
    [DataRow("atomic body", "CREATE FUNCTION f() RETURNS int BEGIN ATOMIC SELECT 1; END; SELECT 2", "CREATE FUNCTION f() RETURNS int BEGIN ATOMIC SELECT 1; END|SELECT 2")]
    [DataRow("atomic body", "CREATE OR REPLACE FUNCTION f(a int) RETURNS int BEGIN ATOMIC SELECT CASE WHEN a > 0 THEN 1 END; END; SELECT 2", "CREATE OR REPLACE FUNCTION f(a int) RETURNS int BEGIN ATOMIC SELECT CASE WHEN a > 0 THEN 1 END; END|SELECT 2")]
    [DataRow("atomic body", "CREATE FUNCTION f() RETURNS int AS 'SELECT 1' BEGIN; SELECT 2", "CREATE FUNCTION f() RETURNS int AS 'SELECT 1' BEGIN|SELECT 2")]
    [DataRow("atomic body", "CREATE TRIGGER t AFTER INSERT ON a BEGIN ATOMIC; SELECT 2", "CREATE TRIGGER t AFTER INSERT ON a BEGIN ATOMIC|SELECT 2")]
    public void Statements_split_as_the_option_says(string option, string sql, string expected) =>
        Assert.AreEqual(expected, Split(option, sql));

    [TestMethod]
    [DataRow("none", "SELECT 1;\nGO\nSELECT 2", "SELECT 1|GO\nSELECT 2", DisplayName = "without a separator GO is a word")]
    [DataRow("GO", "SELECT 1;\nSELECT 2\nGO\nSELECT 3", "SELECT 1;\nSELECT 2|SELECT 3", DisplayName = "a batch is one statement, semicolons included")]
    [DataRow("GO", "SELECT 1\ngo  \r\nSELECT 2\n  Go\t\n", "SELECT 1|SELECT 2", DisplayName = "any case, blanks around it")]
    [DataRow("GO", "INSERT INTO t DEFAULT VALUES\nGO 3\nSELECT 2", "INSERT INTO t DEFAULT VALUES|INSERT INTO t DEFAULT VALUES|INSERT INTO t DEFAULT VALUES|SELECT 2", DisplayName = "GO 3 runs the batch three times")]
    [DataRow("GO", "SELECT 1\nGO 1\nGO 2\nSELECT 2", "SELECT 1|SELECT 2", DisplayName = "a count repeats nothing after an empty batch")]
    [DataRow("GO", "SELECT 1\nGO 0\nSELECT 2\nGO x", "SELECT 1\nGO 0\nSELECT 2\nGO x", DisplayName = "GO 0 and GO x are not separators")]
    [DataRow("GO", "SELECT 1 GO\nSELECT 2 -- GO\n", "SELECT 1 GO\nSELECT 2", DisplayName = "GO after other text is a word")]
    [DataRow("GO", "SELECT '\nGO\n'\n/*\nGO\n*/\nGO\nSELECT 2", "SELECT '\nGO\n'|SELECT 2", DisplayName = "GO inside a string or comment is text")]
    [DataRow("GO", "SELECT 1\nGOTO x\nGO2\nGO", "SELECT 1\nGOTO x\nGO2", DisplayName = "only the word itself")]
    [DataRow("GO", "GO\n\nGO\n", "", DisplayName = "empty batches are dropped")]
    public void A_batch_separator_line_ends_a_batch(string option, string sql, string expected) =>
        Assert.AreEqual(expected, Split(option, sql));

    [TestMethod]
    public void Every_run_of_a_repeated_batch_is_located_at_the_batch()
    {
        var result = SqlStatementSplitter.Split(Path, "SELECT 1\nGO\n\n  INSERT INTO t DEFAULT VALUES\nGO 2\n", With("GO"));

        CollectionAssert.AreEqual(
            new[] { new SourceLocation(Path, 1, 1), new SourceLocation(Path, 4, 3), new SourceLocation(Path, 4, 3) },
            result.Statements.Select(s => s.Location).ToArray());
    }

    [TestMethod]
    [DataRow("none", "X'0a' ?1 :a @b", "Word X|String '0a'|Punctuation ?|Number 1|Punctuation :|Word a|Punctuation @|Word b")]
    [DataRow("blobs", "X'0a' x'' ax'1'", "Blob X'0a'|Blob x''|Word ax|String '1'")]
    [DataRow("parameters", "?1 ? :a @b $c", "Parameter ?1|Parameter ?|Parameter :a|Parameter @b|Parameter $c")]
    [DataRow("parameters", ": :: @", "Punctuation :|Punctuation :|Punctuation :|Punctuation @")]
    [DataRow("none", "a->>'k' || b", "Word a|Punctuation -|Punctuation >|Punctuation >|String 'k'|Punctuation ||Punctuation ||Word b")]
    [DataRow("operators", "a->>'k'->b || c", "Word a|Punctuation ->>|String 'k'|Punctuation ->|Word b|Punctuation |||Word c")]
    [DataRow("none", "1 1.5e3 .5 0x1F 1_000 1e", "Number 1|Number 1.5e3|Number .5|Number 0x1F|Number 1_000|Number 1|Word e")]
    [DataRow("none", "a$b _x é1 [a]", "Word a$b|Word _x|Word é1|Punctuation [|Word a|Punctuation ]")]
    [DataRow("dollar quotes", "$1 $a$ x $a$", "Punctuation $|Number 1|DollarString $a$ x $a$")]
    [DataRow("GO", "GO 2\nGO", "BatchSeparator GO 2|BatchSeparator GO")]
    public void Tokens_are_read_as_the_option_says(string option, string sql, string expected)
    {
        var tokens = SqlLexer.Tokenize(sql, With(option)).Where(t => !t.IsTrivia);

        Assert.AreEqual(expected, string.Join("|", tokens.Select(t => $"{t.Kind} {t.TextIn(sql)}")));
    }
}
