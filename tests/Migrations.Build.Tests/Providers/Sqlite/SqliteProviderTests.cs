using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;
using Migrations.Build.Providers.Sqlite;
using Migrations.Build.Schema;

namespace Migrations.Build.Tests.Providers.Sqlite;

[TestClass]
public sealed class SqliteProviderTests
{
    private static readonly SqliteProvider Provider = new();

    [TestMethod]
    [DataRow("BEGIN TRANSACTION;", true)]
    [DataRow("commit", true)]
    [DataRow("END;", true)]
    [DataRow("ROLLBACK", true)]
    [DataRow("VACUUM", true)]
    [DataRow("PRAGMA foreign_keys = OFF", true)]
    [DataRow("pragma main.journal_mode=WAL", true)]
    [DataRow("-- a comment\nPRAGMA foreign_keys=ON;", true)]
    [DataRow("CREATE TABLE t(id INT); PRAGMA foreign_keys=OFF;", true)]
    [DataRow("PRAGMA user_version = 3", false)]
    [DataRow("CREATE TABLE t(id INT)", false)]
    [DataRow("SAVEPOINT s", false)]
    [DataRow("CREATE TABLE \"begin\"(id INT)", false)]
    [DataRow("CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t SET v = CASE WHEN 1 THEN 2 END; END", false)]
    public void Transaction_control_statements_run_outside_a_transaction(string sql, bool expected)
    {
        Assert.AreEqual(expected, Provider.RequiresNoTransaction(new SqlStatement(sql, new SourceLocation("x.sql"))));
    }

    [TestMethod]
    public void Provider_describes_the_engine()
    {
        Assert.AreEqual("SQLite", Provider.DisplayName);
        Assert.AreEqual(SqliteSyntax.Dialect, Provider.Dialect);
        Assert.IsTrue(Provider.Capabilities.NotVerifiable.Count > 0);
    }

    [TestMethod]
    public async Task Created_scratch_database_works_and_starts_empty()
    {
        await using var database = await Provider.CreateScratchDatabaseAsync("migrations", CancellationToken.None);

        Assert.AreEqual(string.Empty, await database.ReadFingerprintAsync(CancellationToken.None));
        Assert.AreEqual(DatabaseSchema.Empty, await database.ReadSchemaAsync(CancellationToken.None));
    }

    [TestMethod]
    public async Task Deferrable_without_initially_deferred_normalizes_to_immediate()
    {
        var immediate = await SqliteTestDatabase.ReflectAsync(
            "CREATE TABLE p(id INTEGER PRIMARY KEY); CREATE TABLE c(pid INT REFERENCES p(id) NOT DEFERRABLE)");
        var deferrable = await SqliteTestDatabase.ReflectAsync(
            "CREATE TABLE p(id INTEGER PRIMARY KEY); CREATE TABLE c(pid INT REFERENCES p(id) DEFERRABLE INITIALLY IMMEDIATE)");

        Assert.AreNotEqual(immediate, deferrable, "the reader reports what was written");
        Assert.AreEqual(Provider.Normalize(immediate), Provider.Normalize(deferrable));
    }

    [TestMethod]
    public void Normalize_applies_the_engine_rules_to_a_schema_from_any_source()
    {
        var users = new Table(new ObjectName("users")) { Columns = ValueList.Of(new Column("id", "INTEGER"), new Column("Name", "TEXT")) };
        var written = new DatabaseSchema
        {
            Tables = ValueList.Of(
                users,
                new Table(new ObjectName("t"))
                {
                    Columns = ValueList.Of(
                        new Column("a", "varchar( 20 )") { Default = "(  0 )", Collation = "binary" },
                        new Column("b", "text") { Collation = "nocase" }),
                    ForeignKeys = ValueList.Of(new ForeignKey(null, ValueList.Of("a"), new ObjectName("USERS"), ValueList.Of("NAME"))),
                    CheckConstraints = ValueList.Of(new CheckConstraint(null, "A  >  0")),
                }),
        };

        var table = Provider.Normalize(written).Tables[1];

        Assert.AreEqual(new Column("a", "VARCHAR(20)") { Default = "0" }, table.Columns[0]);
        Assert.AreEqual("NOCASE", table.Columns[1].Collation);
        Assert.AreEqual(new ForeignKey(null, ValueList.Of("a"), new ObjectName("users"), ValueList.Of("Name")), table.ForeignKeys[0]);
        Assert.AreEqual("a > 0", table.CheckConstraints[0].Expression);
    }
}
