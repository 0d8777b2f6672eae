using Migrations.Build.Providers.Sqlite;

namespace Migrations.Build.Tests.Providers.Sqlite;

/// <summary>The table of reflection cases: two SQL texts of the same schema must reflect equal, and a change of a
/// single attribute must reflect different (also after the provider's normalization).</summary>
[TestClass]
public sealed class SqliteReflectionCasesTests
{
    private static readonly SqliteProvider Provider = new();

    [TestMethod]
    [DataRow("keyword case and whitespace",
        "CREATE TABLE users(id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT 'x', age INT CHECK(age>0))",
        "create   table users (\n  id integer primary key,\n  name text not null default 'x',\n  age int check ( age > 0 )\n)")]
    [DataRow("identifier quoting",
        "CREATE TABLE users(id INTEGER PRIMARY KEY, name TEXT, CHECK (name <> ''))",
        "CREATE TABLE \"users\"([id] INTEGER PRIMARY KEY, `name` TEXT, CHECK (\"name\" <> ''))")]
    [DataRow("comments in the table text",
        "CREATE TABLE t(a INT, b TEXT)",
        "CREATE TABLE t( -- the key\n a INT, /* a note */ b TEXT)")]
    [DataRow("column-level and table-level foreign key, referenced column implied",
        "CREATE TABLE p(id INTEGER PRIMARY KEY); CREATE TABLE c(id INTEGER PRIMARY KEY, pid INTEGER REFERENCES p(id) ON DELETE CASCADE)",
        "CREATE TABLE p(id INTEGER PRIMARY KEY); CREATE TABLE c(id INTEGER PRIMARY KEY, pid INTEGER, FOREIGN KEY (pid) REFERENCES p ON DELETE CASCADE)")]
    [DataRow("reference written in another case",
        "CREATE TABLE p(id INTEGER PRIMARY KEY); CREATE TABLE c(pid INTEGER CONSTRAINT fk_p REFERENCES p(id))",
        "CREATE TABLE p(id INTEGER PRIMARY KEY); CREATE TABLE c(pid INTEGER, CONSTRAINT fk_p FOREIGN KEY (PID) REFERENCES P(ID))")]
    [DataRow("index creation order",
        "CREATE TABLE t(x INT, y INT); CREATE INDEX ix_x ON t(x); CREATE UNIQUE INDEX ix_y ON t(y DESC)",
        "CREATE TABLE t(x INT, y INT); CREATE UNIQUE INDEX ix_y ON t (y desc); CREATE INDEX ix_x ON t (x)")]
    [DataRow("order of check constraints",
        "CREATE TABLE t(a INT, b INT, CHECK (a > 0), CHECK (b > 0))",
        "CREATE TABLE t(a INT, b INT, CHECK (b > 0), CHECK (a > 0))")]
    [DataRow("parenthesized default",
        "CREATE TABLE t(a INT DEFAULT 0, b TEXT DEFAULT CURRENT_TIMESTAMP)",
        "CREATE TABLE t(a INT DEFAULT (0), b TEXT DEFAULT (current_timestamp))")]
    [DataRow("type spelling",
        "CREATE TABLE t(a VARCHAR(20), b NUMERIC(10,2))",
        "CREATE TABLE t(a varchar ( 20 ), b numeric(10, 2))")]
    [DataRow("collation case",
        "CREATE TABLE t(a TEXT COLLATE NOCASE); CREATE INDEX ix ON t(a COLLATE RTRIM)",
        "CREATE TABLE t(a TEXT collate nocase); CREATE INDEX ix ON t(a collate rtrim)")]
    [DataRow("table constraints without commas",
        "CREATE TABLE t(a INT, b INT, CONSTRAINT pk PRIMARY KEY (a), CONSTRAINT uq UNIQUE (b))",
        "CREATE TABLE t(a INT, b INT, CONSTRAINT pk PRIMARY KEY (a) CONSTRAINT uq UNIQUE (b))")]
    [DataRow("view text",
        "CREATE TABLE t(id INT, name TEXT); CREATE VIEW v AS SELECT id, name FROM t WHERE id > 0",
        "CREATE TABLE t(id INT, name TEXT); create view if not exists v as\n  select id,name\n  from t\n  where id>0")]
    [DataRow("trigger text and implied clauses",
        "CREATE TABLE t(id INT); CREATE TABLE log(id INT); CREATE TRIGGER tr BEFORE INSERT ON t BEGIN INSERT INTO log VALUES (new.id); END",
        "CREATE TABLE t(id INT); CREATE TABLE log(id INT); create trigger tr insert on t for each row\nbegin\n  insert into log values(NEW.id);\nend")]
    [DataRow("generated column spelling",
        "CREATE TABLE t(a INT, b INT GENERATED ALWAYS AS (a * 2) VIRTUAL)",
        "CREATE TABLE t(a INT, b INT AS (a*2))")]
    [DataRow("partial and expression index spelling",
        "CREATE TABLE t(a TEXT, b INT); CREATE INDEX ix ON t(lower(a)) WHERE b IS NOT NULL",
        "CREATE TABLE t(a TEXT, b INT); CREATE INDEX ix ON t( LOWER( a ) ) where b is not null")]
    public async Task Two_texts_of_the_same_schema_reflect_equal(string why, string first, string second)
    {
        var a = await SqliteTestDatabase.ReflectAsync(first);
        var b = await SqliteTestDatabase.ReflectAsync(second);

        Assert.AreEqual(a, b, why);
        Assert.AreEqual(Provider.Normalize(a), Provider.Normalize(b), why);
        Assert.AreEqual(a, Provider.Normalize(a), $"{why}: normalizing a reflected schema changes nothing");
    }

    [TestMethod]
    [DataRow("type", "CREATE TABLE t(a INTEGER)", "CREATE TABLE t(a TEXT)")]
    [DataRow("type alias", "CREATE TABLE t(a INT)", "CREATE TABLE t(a INTEGER)")]
    [DataRow("not null", "CREATE TABLE t(a INT)", "CREATE TABLE t(a INT NOT NULL)")]
    [DataRow("default", "CREATE TABLE t(a INT DEFAULT 1)", "CREATE TABLE t(a INT DEFAULT 2)")]
    [DataRow("default string case", "CREATE TABLE t(a TEXT DEFAULT 'a')", "CREATE TABLE t(a TEXT DEFAULT 'A')")]
    [DataRow("default quoted identifier case", "CREATE TABLE t(a TEXT DEFAULT \"a\")", "CREATE TABLE t(a TEXT DEFAULT \"A\")")]
    [DataRow("collation", "CREATE TABLE t(a TEXT)", "CREATE TABLE t(a TEXT COLLATE NOCASE)")]
    [DataRow("foreign key action",
        "CREATE TABLE p(id INTEGER PRIMARY KEY); CREATE TABLE c(pid INT REFERENCES p(id) ON DELETE CASCADE)",
        "CREATE TABLE p(id INTEGER PRIMARY KEY); CREATE TABLE c(pid INT REFERENCES p(id) ON DELETE SET NULL)")]
    [DataRow("foreign key name",
        "CREATE TABLE p(id INTEGER PRIMARY KEY); CREATE TABLE c(pid INT, CONSTRAINT fk_a FOREIGN KEY (pid) REFERENCES p(id))",
        "CREATE TABLE p(id INTEGER PRIMARY KEY); CREATE TABLE c(pid INT, CONSTRAINT fk_b FOREIGN KEY (pid) REFERENCES p(id))")]
    [DataRow("foreign key deferred",
        "CREATE TABLE p(id INTEGER PRIMARY KEY); CREATE TABLE c(pid INT REFERENCES p(id))",
        "CREATE TABLE p(id INTEGER PRIMARY KEY); CREATE TABLE c(pid INT REFERENCES p(id) DEFERRABLE INITIALLY DEFERRED)")]
    [DataRow("foreign key target",
        "CREATE TABLE p(id INTEGER PRIMARY KEY, k INT UNIQUE); CREATE TABLE c(pid INT REFERENCES p(id))",
        "CREATE TABLE p(id INTEGER PRIMARY KEY, k INT UNIQUE); CREATE TABLE c(pid INT REFERENCES p(k))")]
    [DataRow("index unique", "CREATE TABLE t(a INT); CREATE INDEX ix ON t(a)", "CREATE TABLE t(a INT); CREATE UNIQUE INDEX ix ON t(a)")]
    [DataRow("index sort order", "CREATE TABLE t(a INT); CREATE INDEX ix ON t(a)", "CREATE TABLE t(a INT); CREATE INDEX ix ON t(a DESC)")]
    [DataRow("index column order", "CREATE TABLE t(a INT, b INT); CREATE INDEX ix ON t(a, b)", "CREATE TABLE t(a INT, b INT); CREATE INDEX ix ON t(b, a)")]
    [DataRow("index expression", "CREATE TABLE t(a TEXT); CREATE INDEX ix ON t(lower(a))", "CREATE TABLE t(a TEXT); CREATE INDEX ix ON t(upper(a))")]
    [DataRow("partial predicate",
        "CREATE TABLE t(a INT); CREATE INDEX ix ON t(a) WHERE a > 0", "CREATE TABLE t(a INT); CREATE INDEX ix ON t(a) WHERE a > 1")]
    [DataRow("check expression", "CREATE TABLE t(a INT CHECK (a > 0))", "CREATE TABLE t(a INT CHECK (a >= 0))")]
    [DataRow("check string literal case", "CREATE TABLE t(a TEXT CHECK (a <> 'x'))", "CREATE TABLE t(a TEXT CHECK (a <> 'X'))")]
    [DataRow("check name",
        "CREATE TABLE t(a INT, CONSTRAINT ck_a CHECK (a > 0))", "CREATE TABLE t(a INT, CONSTRAINT ck_b CHECK (a > 0))")]
    [DataRow("unique constraint vs unique index",
        "CREATE TABLE t(a INT UNIQUE)", "CREATE TABLE t(a INT); CREATE UNIQUE INDEX ix ON t(a)")]
    [DataRow("primary key name",
        "CREATE TABLE t(a INT, CONSTRAINT pk_t PRIMARY KEY (a))", "CREATE TABLE t(a INT, PRIMARY KEY (a))")]
    [DataRow("primary key column order",
        "CREATE TABLE t(a INT, b INT, PRIMARY KEY (a, b))", "CREATE TABLE t(a INT, b INT, PRIMARY KEY (b, a))")]
    [DataRow("view body",
        "CREATE TABLE t(a INT); CREATE VIEW v AS SELECT a FROM t", "CREATE TABLE t(a INT); CREATE VIEW v AS SELECT a FROM t WHERE a > 0")]
    [DataRow("trigger body",
        "CREATE TABLE t(a INT); CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END",
        "CREATE TABLE t(a INT); CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 2; END")]
    [DataRow("trigger timing",
        "CREATE TABLE t(a INT); CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END",
        "CREATE TABLE t(a INT); CREATE TRIGGER tr BEFORE INSERT ON t BEGIN SELECT 1; END")]
    [DataRow("strict", "CREATE TABLE t(a INT)", "CREATE TABLE t(a INT) STRICT")]
    [DataRow("without rowid", "CREATE TABLE t(a INT PRIMARY KEY)", "CREATE TABLE t(a INT PRIMARY KEY) WITHOUT ROWID")]
    [DataRow("autoincrement", "CREATE TABLE t(id INTEGER PRIMARY KEY)", "CREATE TABLE t(id INTEGER PRIMARY KEY AUTOINCREMENT)")]
    [DataRow("generated column", "CREATE TABLE t(a INT, b INT)", "CREATE TABLE t(a INT, b INT AS (a + 1))")]
    [DataRow("generated kind", "CREATE TABLE t(a INT, b INT AS (a + 1) STORED)", "CREATE TABLE t(a INT, b INT AS (a + 1) VIRTUAL)")]
    [DataRow("generated expression", "CREATE TABLE t(a INT, b INT AS (a + 1))", "CREATE TABLE t(a INT, b INT AS (a + 2))")]
    [DataRow("table name case", "CREATE TABLE users(id INT)", "CREATE TABLE Users(id INT)")]
    [DataRow("column order", "CREATE TABLE t(a INT, b INT)", "CREATE TABLE t(b INT, a INT)")]
    public async Task A_single_changed_attribute_reflects_different(string what, string first, string second)
    {
        var a = await SqliteTestDatabase.ReflectAsync(first);
        var b = await SqliteTestDatabase.ReflectAsync(second);

        Assert.AreNotEqual(a, b, what);
        Assert.AreNotEqual(Provider.Normalize(a), Provider.Normalize(b), what);
    }
}
