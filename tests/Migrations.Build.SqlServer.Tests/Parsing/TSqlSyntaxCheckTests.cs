using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;
using Migrations.Build.Providers;
using Migrations.Build.SqlServer.Parsing;

namespace Migrations.Build.SqlServer.Tests.Parsing;

/// <summary>Every batch is parsed by ScriptDom without a server; an error is placed at its line and column in the file.</summary>
[TestClass]
public sealed class TSqlSyntaxCheckTests
{
    private const string File = "/m/0001_x.up.sql";

    [TestMethod]
    [DataRow("CREATE TABLE t (id int NOT NULL PRIMARY KEY);\nGO\nCREATE VIEW v AS SELECT id FROM t;\nGO\n", DisplayName = "batches with a view first in its batch")]
    [DataRow("CREATE PROCEDURE p AS BEGIN SELECT 1; SELECT 2; END\nGO 2\n", DisplayName = "a procedure repeated by GO 2")]
    [DataRow("CREATE TABLE [order] ([select] int, \"from\" int);", DisplayName = "quoted identifiers")]
    [DataRow("/* GO\n*/ SELECT 'GO\n' -- GO\n", DisplayName = "GO in comments and strings is text")]
    public void Valid_T_SQL_has_no_errors(string script) =>
        Assert.AreEqual(0, Check(script).Count, string.Join("\n", Check(script)));

    [TestMethod]
    [DataRow("CREATE TABLE t (id int NOT NUL);", 1, 28, DisplayName = "in the first line of the first batch")]
    [DataRow("SELECT 1;\nGO\n\nCREATE TABLE t (\n    id int,\n    name nvarchar(20) NOT NULL DEFALT 'x'\n);\nGO\n", 6, 32, DisplayName = "on a later line of a later batch")]
    [DataRow("SELECT 1\nGO\n  SELECT * FROM WHERE", 3, 12, DisplayName = "an indented batch")]
    public void A_syntax_error_is_reported_at_its_line_and_column_in_the_file(string script, int line, int column)
    {
        var errors = Check(script);

        Assert.AreEqual(1, errors.Count, string.Join("\n", errors));
        Assert.AreEqual("MIG2030", errors[0].Code);
        Assert.AreEqual(new SourceLocation(File, line, column), errors[0].Location, errors[0].ToString());
        Assert.StartsWith("An up script is not valid T-SQL for SQL Server 2025 (170): ", errors[0].Message);
    }

    [TestMethod]
    public void The_version_decides_what_parses()
    {
        // CREATE OR ALTER came with SQL Server 2016 SP1 (parser 130).
        const string Script = "CREATE OR ALTER VIEW v AS SELECT 1 AS one;";

        Assert.AreEqual(0, new TSqlSyntaxCheck(TSqlVersion.Parse("2016")!).Errors(Script).Count);
        Assert.AreNotEqual(0, new TSqlSyntaxCheck(TSqlVersion.Parse("2014")!).Errors(Script).Count);
    }

    [TestMethod]
    [DataRow("2019", 150)]
    [DataRow("150", 150)]
    [DataRow("Sql160", 160)]
    [DataRow(" 2025 ", 170)]
    public void A_version_is_a_release_year_or_a_compatibility_level(string text, int level) =>
        Assert.AreEqual(level, TSqlVersion.Parse(text)?.CompatibilityLevel);

    [TestMethod]
    [DataRow("2000")]
    [DataRow("latest")]
    [DataRow("")]
    public void An_unknown_version_is_not_a_version(string text) => Assert.IsNull(TSqlVersion.Parse(text));

    private static List<Diagnostic> Check(string text)
    {
        var dialect = ProviderRegistry.Resolve("SqlServer").Dialect;
        var split = SqlStatementSplitter.Split(File, text, dialect);
        Assert.AreEqual(0, split.Diagnostics.Count);
        return [.. new TSqlSyntaxCheck(TSqlVersion.Newest).Check(new SqlScript(File, split.Statements), DiagnosticCodes.UpSyntaxError)];
    }
}
