using Migrations.Build.Providers;
using Migrations.Build.Providers.Sqlite;
using Migrations.Build.Schema;
using Migrations.Build.Schema.Comparison;
using Migrations.Build.Tests.Providers.Sqlite;

namespace Migrations.Build.Tests.Providers.Reflection;

/// <summary>The reflection cases on SQLite in memory, and SQLite's own spellings.</summary>
[TestClass]
public sealed class SqliteReflectionCases : ReflectionCases
{
    private static readonly SqliteProvider Sqlite = new();

    protected override IDatabaseProvider Provider => Sqlite;

    protected override bool ReflectsNormalized => true;

    protected override Task<DatabaseSchema> ReflectAsync(string sql) => SqliteTestDatabase.ReflectAsync(sql);

    [TestMethod]
    [DataRow("identifier quoting with brackets and backticks",
        "CREATE TABLE users(id INTEGER PRIMARY KEY, name TEXT, CHECK (name <> ''))",
        "CREATE TABLE \"users\"([id] INTEGER PRIMARY KEY, `name` TEXT, CHECK (\"name\" <> ''))")]
    [DataRow("collation case",
        "CREATE TABLE t(a TEXT COLLATE NOCASE); CREATE INDEX ix ON t(a COLLATE RTRIM)",
        "CREATE TABLE t(a TEXT collate nocase); CREATE INDEX ix ON t(a collate rtrim)")]
    [DataRow("table constraints without commas",
        "CREATE TABLE t(a INT, b INT, CONSTRAINT pk PRIMARY KEY (a), CONSTRAINT uq UNIQUE (b))",
        "CREATE TABLE t(a INT, b INT, CONSTRAINT pk PRIMARY KEY (a) CONSTRAINT uq UNIQUE (b))")]
    [DataRow("view text with IF NOT EXISTS",
        "CREATE TABLE t(id INT, name TEXT); CREATE VIEW v AS SELECT id, name FROM t WHERE id > 0",
        "CREATE TABLE t(id INT, name TEXT); create view if not exists v as\n  select id,name\n  from t\n  where id>0")]
    [DataRow("trigger text and implied clauses",
        "CREATE TABLE t(id INT); CREATE TABLE log(id INT); CREATE TRIGGER tr BEFORE INSERT ON t BEGIN INSERT INTO log VALUES (new.id); END",
        "CREATE TABLE t(id INT); CREATE TABLE log(id INT); create trigger tr insert on t for each row\nbegin\n  insert into log values(NEW.id);\nend")]
    [DataRow("generated column spelling",
        "CREATE TABLE t(a INT, b INT GENERATED ALWAYS AS (a * 2) VIRTUAL)",
        "CREATE TABLE t(a INT, b INT AS (a*2))")]
    [DataRow("INT and INTEGER outside a rowid key (also STRICT, also a WITHOUT ROWID key)",
        "CREATE TABLE t(a INT, b int NOT NULL); CREATE TABLE s(id INTEGER PRIMARY KEY, n INT) STRICT; CREATE TABLE w(id INT PRIMARY KEY) WITHOUT ROWID",
        "CREATE TABLE t(a INTEGER, b integer NOT NULL); CREATE TABLE s(id INTEGER PRIMARY KEY, n INTEGER) STRICT; CREATE TABLE w(id INTEGER PRIMARY KEY) WITHOUT ROWID")]
    public Task Two_sqlite_spellings_of_one_schema_reflect_equal(string why, string first, string second) =>
        Two_spellings_of_one_schema_reflect_equal(why, first, second);

    [TestMethod]
    [DataRow("type (another type, not an alias)", "CREATE TABLE t(a INT)", "CREATE TABLE t(a BIGINT)", ObjectKind.Column, ObjectAttribute.Type)]
    [DataRow("rowid alias (INT PRIMARY KEY is a column of its own)", "CREATE TABLE t(id INT PRIMARY KEY)", "CREATE TABLE t(id INTEGER PRIMARY KEY)", ObjectKind.Column, ObjectAttribute.RowidAlias)]
    [DataRow("collation", "CREATE TABLE t(a TEXT)", "CREATE TABLE t(a TEXT COLLATE NOCASE)", ObjectKind.Column, ObjectAttribute.Collation)]
    [DataRow("default quoted identifier case", "CREATE TABLE t(a TEXT DEFAULT \"a\")", "CREATE TABLE t(a TEXT DEFAULT \"A\")", ObjectKind.Column, ObjectAttribute.Default)]
    [DataRow("autoincrement", "CREATE TABLE t(id INTEGER PRIMARY KEY)", "CREATE TABLE t(id INTEGER PRIMARY KEY AUTOINCREMENT)", ObjectKind.Column, ObjectAttribute.AutoIncrement)]
    [DataRow("virtual generated column", "CREATE TABLE t(a INT, b INT)", "CREATE TABLE t(a INT, b INT AS (a + 1))", ObjectKind.Column, ObjectAttribute.Generated)]
    [DataRow("virtual generated expression", "CREATE TABLE t(a INT, b INT AS (a + 1))", "CREATE TABLE t(a INT, b INT AS (a + 2))", ObjectKind.Column, ObjectAttribute.Generated)]
    [DataRow("generated kind", "CREATE TABLE t(a INT, b INT AS (a + 1) STORED)", "CREATE TABLE t(a INT, b INT AS (a + 1) VIRTUAL)", ObjectKind.Column, ObjectAttribute.Generated)]
    [DataRow("strict", "CREATE TABLE t(a INT)", "CREATE TABLE t(a INT) STRICT", ObjectKind.Table, ObjectAttribute.Options)]
    [DataRow("without rowid", "CREATE TABLE t(a INT PRIMARY KEY NOT NULL)", "CREATE TABLE t(a INT PRIMARY KEY NOT NULL) WITHOUT ROWID", ObjectKind.Table, ObjectAttribute.Options)]
    [DataRow("trigger body",
        "CREATE TABLE t(a INT); CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END",
        "CREATE TABLE t(a INT); CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 2; END",
        ObjectKind.Trigger, ObjectAttribute.Definition)]
    [DataRow("trigger timing",
        "CREATE TABLE t(a INT); CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END",
        "CREATE TABLE t(a INT); CREATE TRIGGER tr BEFORE INSERT ON t BEGIN SELECT 1; END",
        ObjectKind.Trigger, ObjectAttribute.Definition)]
    public Task A_single_changed_sqlite_attribute_reflects_as_one_difference(string what, string first, string second, ObjectKind kind, ObjectAttribute attribute) =>
        AssertOneChangeAsync(what, first, second, kind, attribute);

    /// <summary>Changes that make more than one difference (an unnamed check is its expression, another table, another
    /// kind of object, a column moved, WITHOUT ROWID's NOT NULL key), still never equal.</summary>
    [TestMethod]
    [DataRow("unique constraint vs unique index", "CREATE TABLE t(a INT UNIQUE)", "CREATE TABLE t(a INT); CREATE UNIQUE INDEX ix ON t(a)")]
    [DataRow("unnamed check expression", "CREATE TABLE t(a INT CHECK (a > 0))", "CREATE TABLE t(a INT CHECK (a >= 0))")]
    [DataRow("unnamed check string literal case", "CREATE TABLE t(a TEXT CHECK (a <> 'x'))", "CREATE TABLE t(a TEXT CHECK (a <> 'X'))")]
    [DataRow("without rowid, which makes the key NOT NULL", "CREATE TABLE t(a INT PRIMARY KEY)", "CREATE TABLE t(a INT PRIMARY KEY) WITHOUT ROWID")]
    [DataRow("table name case", "CREATE TABLE users(id INT)", "CREATE TABLE Users(id INT)")]
    [DataRow("column order", "CREATE TABLE t(a INT, b INT)", "CREATE TABLE t(b INT, a INT)")]
    public async Task A_single_change_never_reflects_equal(string what, string first, string second)
    {
        var a = await ReflectAsync(first);
        var b = await ReflectAsync(second);

        Assert.AreNotEqual(a, b, what);
        Assert.AreNotEqual(Provider.Normalize(a), Provider.Normalize(b), what);
        Assert.AreNotEqual(0, (await CompareAsync(first, second)).Count, what);
    }
}
