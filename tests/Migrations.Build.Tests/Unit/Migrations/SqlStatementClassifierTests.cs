using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;
using Migrations.Build.Providers.PostgreSql;

namespace Migrations.Build.Tests.Unit.Migrations;

[TestClass]
public sealed class SqlStatementClassifierTests
{
    [TestMethod]
    [DataRow("INSERT INTO t VALUES (1)", true)]
    [DataRow("update t set x = 1", true)]
    [DataRow("DELETE FROM t", true)]
    [DataRow("MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE", true)]
    [DataRow("COPY t FROM stdin", true)]
    [DataRow("REPLACE INTO t VALUES (1)", true)]
    [DataRow("TRUNCATE t", true)]
    [DataRow("WITH moved AS (DELETE FROM a RETURNING *) SELECT * FROM moved", true)]
    [DataRow("WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x", true)]
    [DataRow("WITH x AS (SELECT * FROM t FOR UPDATE) SELECT * FROM x", false)]
    [DataRow("CREATE TABLE t (a int REFERENCES b ON UPDATE CASCADE)", false)]
    [DataRow("CREATE TRIGGER tr AFTER INSERT ON a BEGIN INSERT INTO b VALUES (1); END", false)]
    [DataRow("SELECT 'INSERT'", false)]
    public void Data_changing_statements_are_recognized(string sql, bool expected) =>
        Assert.AreEqual(expected, SqlStatementClassifier.ChangesData(new SqlStatement(sql, new SourceLocation("x.sql")), PostgreSqlSyntax.Dialect));
}
