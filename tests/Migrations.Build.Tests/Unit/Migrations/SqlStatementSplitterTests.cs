using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;
using Migrations.Build.Providers;

namespace Migrations.Build.Tests.Unit.Migrations;

[TestClass]
public sealed class SqlStatementSplitterTests
{
    private const string Path = "/m/0001_x.up.sql";

    private static SqlDialect Dialect(string provider) => ProviderRegistry.Resolve(provider).Dialect;

    private static string[] Texts(string sql, string provider)
    {
        var result = SqlStatementSplitter.Split(Path, sql, Dialect(provider));
        Assert.AreEqual(0, result.Diagnostics.Count, string.Join("\n", result.Diagnostics));
        return [.. result.Statements.Select(s => s.Text)];
    }

    [TestMethod]
    [DataRow("SELECT 'a;b'; SELECT 2", "Sqlite", "SELECT 'a;b'|SELECT 2", DisplayName = "semicolon in a string")]
    [DataRow("SELECT 'it''s;'; SELECT 2;", "PostgreSql", "SELECT 'it''s;'|SELECT 2", DisplayName = "doubled quote escape")]
    [DataRow("CREATE TABLE \"a;b\" (x int); SELECT 2", "PostgreSql", "CREATE TABLE \"a;b\" (x int)|SELECT 2", DisplayName = "semicolon in a quoted identifier")]
    [DataRow("CREATE TABLE [a;b] (x); CREATE TABLE `c;d` (y);", "Sqlite", "CREATE TABLE [a;b] (x)|CREATE TABLE `c;d` (y)", DisplayName = "SQLite bracket and backtick identifiers")]
    [DataRow("SELECT 1 -- not; a split\n; SELECT -- a; b\n 2", "Sqlite", "SELECT 1|SELECT -- a; b\n 2", DisplayName = "semicolon in a line comment (trailing comments are not part of the text)")]
    [DataRow("SELECT /* ; */ 1; SELECT 2", "Sqlite", "SELECT /* ; */ 1|SELECT 2", DisplayName = "semicolon in a block comment")]
    [DataRow("SELECT /* a /* nested; */ still; */ 1; SELECT 2", "PostgreSql", "SELECT /* a /* nested; */ still; */ 1|SELECT 2", DisplayName = "nested PostgreSQL comment")]
    [DataRow("/* a /* b */ SELECT 1; SELECT 2", "Sqlite", "SELECT 1|SELECT 2", DisplayName = "SQLite comments do not nest")]
    [DataRow("CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql; SELECT 2", "PostgreSql", "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql|SELECT 2", DisplayName = "dollar quote")]
    [DataRow("DO $body$ BEGIN RAISE NOTICE '$$;'; END $body$; SELECT 2", "PostgreSql", "DO $body$ BEGIN RAISE NOTICE '$$;'; END $body$|SELECT 2", DisplayName = "tagged dollar quote containing $$")]
    [DataRow("SELECT $1; SELECT a$b$ FROM t; SELECT 3", "PostgreSql", "SELECT $1|SELECT a$b$ FROM t|SELECT 3", DisplayName = "parameters and $ in names are not dollar quotes")]
    [DataRow("SELECT E'a\\';b'; SELECT 2", "PostgreSql", "SELECT E'a\\';b'|SELECT 2", DisplayName = "E string with a backslash-escaped quote")]
    [DataRow("SELECT 'a\\'; SELECT 2", "PostgreSql", "SELECT 'a\\'|SELECT 2", DisplayName = "backslash is plain in a standard string")]
    [DataRow(
        "CREATE TRIGGER t AFTER INSERT ON a BEGIN INSERT INTO b VALUES (1); UPDATE c SET x = CASE WHEN 1 THEN 2 END; END; SELECT 2",
        "Sqlite",
        "CREATE TRIGGER t AFTER INSERT ON a BEGIN INSERT INTO b VALUES (1); UPDATE c SET x = CASE WHEN 1 THEN 2 END; END|SELECT 2",
        DisplayName = "SQLite trigger body with CASE")]
    [DataRow(
        "CREATE TEMP TRIGGER t AFTER INSERT ON a WHEN CASE WHEN 1 THEN 1 END BEGIN DELETE FROM b; END; SELECT 2",
        "Sqlite",
        "CREATE TEMP TRIGGER t AFTER INSERT ON a WHEN CASE WHEN 1 THEN 1 END BEGIN DELETE FROM b; END|SELECT 2",
        DisplayName = "SQLite temp trigger with CASE in WHEN")]
    [DataRow(
        "CREATE OR REPLACE FUNCTION f(a int) RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT CASE WHEN a > 0 THEN 1 END; SELECT 2; END; SELECT 3",
        "PostgreSql",
        "CREATE OR REPLACE FUNCTION f(a int) RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT CASE WHEN a > 0 THEN 1 END; SELECT 2; END|SELECT 3",
        DisplayName = "PostgreSQL BEGIN ATOMIC body")]
    [DataRow("BEGIN; CREATE TABLE a (x int); COMMIT;", "Sqlite", "BEGIN|CREATE TABLE a (x int)|COMMIT", DisplayName = "a transaction BEGIN is a statement of its own")]
    [DataRow("SELECT 1;;  ; SELECT 2 -- trailing\n-- only a comment;\n", "Sqlite", "SELECT 1|SELECT 2", DisplayName = "empty and comment-only statements are dropped")]
    public void Splits_only_at_top_level_semicolons(string sql, string provider, string expected) =>
        CollectionAssert.AreEqual(expected.Split('|'), Texts(sql, provider));

    [TestMethod]
    public void A_script_of_comments_only_has_no_statements() =>
        Assert.AreEqual(0, Texts("-- nothing here;\n/* nor; here */\n", "PostgreSql").Length);

    [TestMethod]
    public void Statement_location_points_at_the_first_token_after_comments()
    {
        var result = SqlStatementSplitter.Split(Path, "-- header\n\n  /* c */ SELECT 1;\nSELECT\n2;", Dialect("Sqlite"));

        Assert.AreEqual(new SourceLocation(Path, 3, 11), result.Statements[0].Location);
        Assert.AreEqual(new SourceLocation(Path, 4, 1), result.Statements[1].Location);
        Assert.AreEqual("SELECT\n2", result.Statements[1].Text);
    }

    [TestMethod]
    public void Bom_is_not_a_column_and_crlf_is_one_line_break()
    {
        var result = SqlStatementSplitter.Split(Path, "\uFEFFSELECT 1;\r\n\r\n  SELECT 2;\rSELECT 3;", Dialect("Sqlite"));

        CollectionAssert.AreEqual(
            new[] { new SourceLocation(Path, 1, 1), new SourceLocation(Path, 3, 3), new SourceLocation(Path, 4, 1) },
            result.Statements.Select(s => s.Location).ToArray());
    }

    [TestMethod]
    public void Text_that_starts_inside_a_file_is_located_in_that_file()
    {
        var result = SqlStatementSplitter.Split(Path, "SELECT 1;\nSELECT 2;", Dialect("Sqlite"), firstLine: 10, firstColumn: 5);

        Assert.AreEqual(new SourceLocation(Path, 10, 5), result.Statements[0].Location);
        Assert.AreEqual(new SourceLocation(Path, 11, 1), result.Statements[1].Location);
    }

    [TestMethod]
    [DataRow("SELECT 1;\nSELECT 'abc;\nSELECT 2;", "Sqlite", 2, 8, "string literal", DisplayName = "quote")]
    [DataRow("SELECT 1;\n  SELECT \"abc", "PostgreSql", 2, 10, "quoted identifier", DisplayName = "identifier")]
    [DataRow("SELECT 1;\r\nSELECT [abc", "Sqlite", 2, 8, "quoted identifier", DisplayName = "bracket identifier")]
    [DataRow("SELECT 1; /* a /* b */\nSELECT 2;", "PostgreSql", 1, 11, "block comment", DisplayName = "nested comment left open")]
    [DataRow("SELECT 1;\nDO $x$ BEGIN END $y$;", "PostgreSql", 2, 4, "dollar-quoted string", DisplayName = "dollar quote")]
    [DataRow("\uFEFFSELECT E'ab\\'", "PostgreSql", 1, 8, "escape string", DisplayName = "E string after a BOM")]
    public void Unterminated_token_is_reported_where_it_starts(string sql, string provider, int line, int column, string what)
    {
        var result = SqlStatementSplitter.Split(Path, sql, Dialect(provider));

        Assert.AreEqual(1, result.Diagnostics.Count);
        var diagnostic = result.Diagnostics[0];
        Assert.AreEqual(DiagnosticCodes.UnterminatedToken, diagnostic.Descriptor);
        Assert.AreEqual(new SourceLocation(Path, line, column), diagnostic.Location);
        StringAssert.Contains(diagnostic.Message, what);
        Assert.IsTrue(result.Statements.All(s => s.Location.Line < line || (s.Location.Line == line && s.Location.Column < column)));
    }

    [TestMethod]
    public void Unterminated_quote_prints_as_a_canonical_error_line()
    {
        var result = SqlStatementSplitter.Split(Path, "CREATE TABLE a (x int);\n\nINSERT INTO a VALUES ('oops);\n", Dialect("Sqlite"));

        Assert.AreEqual(
            $"{Path}(3,23): error MIG1006: The string literal that starts here is never closed (missing '), so the rest of the script is inside it",
            result.Diagnostics.Single().ToString());
        Assert.AreEqual("CREATE TABLE a (x int)", result.Statements.Single().Text);
    }
}
