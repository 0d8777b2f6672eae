using Migrations.Build.Providers;
using Migrations.Build.Schema;
using Migrations.Build.Schema.Comparison;

namespace Migrations.Build.Tests.Providers.Reflection;

/// <summary>The reflection cases, written once; each engine's subclass runs them on a real database and adds its own
/// spellings. Two spellings of one schema reflect equal; each single change reflects as exactly one difference of
/// the expected kind. Every case is run on the engine, reflected, normalized by the provider and compared.</summary>
public abstract class ReflectionCases
{
    /// <summary>The engine under test; the base never disposes it.</summary>
    protected abstract IDatabaseProvider Provider { get; }

    /// <summary>True when the reader already gives the normalized form (normalizing a reflected schema changes nothing).</summary>
    protected virtual bool ReflectsNormalized => false;

    /// <summary>Runs <paramref name="sql"/> on a fresh scratch database of the engine and reflects it.</summary>
    protected abstract Task<DatabaseSchema> ReflectAsync(string sql);

    [TestMethod]
    [DataRow("keyword case and whitespace",
        "CREATE TABLE users(id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT 'x', age INT CHECK(age>0))",
        "create   table users (\n  id integer primary key,\n  name text not null default 'x',\n  age int check ( age > 0 )\n)")]
    [DataRow("identifier quoting",
        "CREATE TABLE users(id INTEGER PRIMARY KEY, name TEXT, CHECK (name <> ''))",
        "CREATE TABLE \"users\"(\"id\" INTEGER PRIMARY KEY, \"name\" TEXT, CHECK (\"name\" <> ''))")]
    [DataRow("comments in the table text",
        "CREATE TABLE t(a INT, b TEXT)",
        "CREATE TABLE t( -- the key\n a INT, /* a note */ b TEXT)")]
    [DataRow("column-level and table-level foreign key, referenced column implied",
        "CREATE TABLE p(id INTEGER PRIMARY KEY); CREATE TABLE c(id INTEGER PRIMARY KEY, pid INTEGER REFERENCES p(id) ON DELETE CASCADE)",
        "CREATE TABLE p(id INTEGER PRIMARY KEY); CREATE TABLE c(id INTEGER PRIMARY KEY, pid INTEGER, FOREIGN KEY (pid) REFERENCES p ON DELETE CASCADE)")]
    [DataRow("reference written in another case",
        "CREATE TABLE p(id INTEGER PRIMARY KEY); CREATE TABLE c(pid INTEGER CONSTRAINT fk_p REFERENCES p(id))",
        "CREATE TABLE p(id INTEGER PRIMARY KEY); CREATE TABLE c(pid INTEGER, CONSTRAINT fk_p FOREIGN KEY (PID) REFERENCES P(ID))")]
    [DataRow("constraints written inline and separately",
        "CREATE TABLE t(id INT PRIMARY KEY, a INT UNIQUE, b INT CONSTRAINT ck_b CHECK (b > 0))",
        "CREATE TABLE t(id INT, a INT, b INT, PRIMARY KEY (id), UNIQUE (a), CONSTRAINT ck_b CHECK (b > 0))")]
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
    [DataRow("view text",
        "CREATE TABLE t(id INT, name TEXT); CREATE VIEW v AS SELECT id, name FROM t WHERE id > 0",
        "CREATE TABLE t(id INT, name TEXT); create view v as\n  select id,name\n  from t\n  where id>0")]
    [DataRow("partial and expression index spelling",
        "CREATE TABLE t(a TEXT, b INT); CREATE INDEX ix ON t(lower(a)) WHERE b IS NOT NULL",
        "CREATE TABLE t(a TEXT, b INT); CREATE INDEX ix ON t( LOWER( a ) ) where b is not null")]
    public async Task Two_spellings_of_one_schema_reflect_equal(string why, string first, string second)
    {
        var a = await ReflectAsync(first);
        var b = await ReflectAsync(second);

        var differences = SchemaComparer.Compare(Provider.Normalize(a), Provider.Normalize(b), ComparisonOptions.Exact);
        Assert.AreEqual(0, differences.Count, $"{why}:\n{string.Join("\n", differences)}");
        Assert.AreEqual(Provider.Normalize(a), Provider.Normalize(b), why);
        if (ReflectsNormalized)
        {
            Assert.AreEqual(a, b, why);
            Assert.AreEqual(a, Provider.Normalize(a), $"{why}: normalizing a reflected schema changes nothing");
        }
    }

    [TestMethod]
    [DataRow("type", "CREATE TABLE t(a INTEGER)", "CREATE TABLE t(a TEXT)", ObjectKind.Column, ObjectAttribute.Type)]
    [DataRow("not null", "CREATE TABLE t(a INT)", "CREATE TABLE t(a INT NOT NULL)", ObjectKind.Column, ObjectAttribute.Nullability)]
    [DataRow("default", "CREATE TABLE t(a INT DEFAULT 1)", "CREATE TABLE t(a INT DEFAULT 2)", ObjectKind.Column, ObjectAttribute.Default)]
    [DataRow("default string case", "CREATE TABLE t(a TEXT DEFAULT 'a')", "CREATE TABLE t(a TEXT DEFAULT 'A')", ObjectKind.Column, ObjectAttribute.Default)]
    [DataRow("generated expression",
        "CREATE TABLE t(a INT, b INT GENERATED ALWAYS AS (a + 1) STORED)", "CREATE TABLE t(a INT, b INT GENERATED ALWAYS AS (a + 2) STORED)",
        ObjectKind.Column, ObjectAttribute.Generated)]
    [DataRow("generated column", "CREATE TABLE t(a INT, b INT)", "CREATE TABLE t(a INT, b INT GENERATED ALWAYS AS (a + 1) STORED)", ObjectKind.Column, ObjectAttribute.Generated)]
    [DataRow("foreign key action",
        "CREATE TABLE p(id INTEGER PRIMARY KEY); CREATE TABLE c(pid INT REFERENCES p(id) ON DELETE CASCADE)",
        "CREATE TABLE p(id INTEGER PRIMARY KEY); CREATE TABLE c(pid INT REFERENCES p(id) ON DELETE SET NULL)",
        ObjectKind.ForeignKey, ObjectAttribute.OnDelete)]
    [DataRow("foreign key deferred",
        "CREATE TABLE p(id INTEGER PRIMARY KEY); CREATE TABLE c(pid INT REFERENCES p(id))",
        "CREATE TABLE p(id INTEGER PRIMARY KEY); CREATE TABLE c(pid INT REFERENCES p(id) DEFERRABLE INITIALLY DEFERRED)",
        ObjectKind.ForeignKey, ObjectAttribute.Deferrability)]
    [DataRow("foreign key target",
        "CREATE TABLE p(id INTEGER PRIMARY KEY, k INT UNIQUE); CREATE TABLE c(pid INT REFERENCES p(id))",
        "CREATE TABLE p(id INTEGER PRIMARY KEY, k INT UNIQUE); CREATE TABLE c(pid INT REFERENCES p(k))",
        ObjectKind.ForeignKey, ObjectAttribute.References)]
    [DataRow("index unique", "CREATE TABLE t(a INT); CREATE INDEX ix ON t(a)", "CREATE TABLE t(a INT); CREATE UNIQUE INDEX ix ON t(a)", ObjectKind.Index, ObjectAttribute.Uniqueness)]
    [DataRow("index sort order", "CREATE TABLE t(a INT); CREATE INDEX ix ON t(a)", "CREATE TABLE t(a INT); CREATE INDEX ix ON t(a DESC)", ObjectKind.Index, ObjectAttribute.Keys)]
    [DataRow("index column order", "CREATE TABLE t(a INT, b INT); CREATE INDEX ix ON t(a, b)", "CREATE TABLE t(a INT, b INT); CREATE INDEX ix ON t(b, a)", ObjectKind.Index, ObjectAttribute.Keys)]
    [DataRow("index expression", "CREATE TABLE t(a TEXT); CREATE INDEX ix ON t(lower(a))", "CREATE TABLE t(a TEXT); CREATE INDEX ix ON t(upper(a))", ObjectKind.Index, ObjectAttribute.Keys)]
    [DataRow("partial predicate",
        "CREATE TABLE t(a INT); CREATE INDEX ix ON t(a) WHERE a > 0", "CREATE TABLE t(a INT); CREATE INDEX ix ON t(a) WHERE a > 1", ObjectKind.Index, ObjectAttribute.Where)]
    [DataRow("check expression",
        "CREATE TABLE t(a INT, CONSTRAINT ck_a CHECK (a > 0))", "CREATE TABLE t(a INT, CONSTRAINT ck_a CHECK (a >= 0))", ObjectKind.CheckConstraint, ObjectAttribute.Check)]
    [DataRow("check string literal case",
        "CREATE TABLE t(a TEXT, CONSTRAINT ck_a CHECK (a <> 'x'))", "CREATE TABLE t(a TEXT, CONSTRAINT ck_a CHECK (a <> 'X'))", ObjectKind.CheckConstraint, ObjectAttribute.Check)]
    [DataRow("primary key column order",
        "CREATE TABLE t(a INT, b INT, PRIMARY KEY (a, b))", "CREATE TABLE t(a INT, b INT, PRIMARY KEY (b, a))", ObjectKind.PrimaryKey, ObjectAttribute.Columns)]
    [DataRow("unique constraint columns",
        "CREATE TABLE t(a INT, b INT, CONSTRAINT uq_t UNIQUE (a))", "CREATE TABLE t(a INT, b INT, CONSTRAINT uq_t UNIQUE (a, b))", ObjectKind.UniqueConstraint, ObjectAttribute.Columns)]
    [DataRow("view body",
        "CREATE TABLE t(a INT); CREATE VIEW v AS SELECT a FROM t", "CREATE TABLE t(a INT); CREATE VIEW v AS SELECT a FROM t WHERE a > 0", ObjectKind.View, ObjectAttribute.Definition)]
    public Task A_single_changed_attribute_reflects_as_one_difference(string what, string first, string second, ObjectKind kind, ObjectAttribute attribute) =>
        AssertOneChangeAsync(what, first, second, kind, attribute);

    [TestMethod]
    [DataRow("foreign key name",
        "CREATE TABLE p(id INTEGER PRIMARY KEY); CREATE TABLE c(pid INT, CONSTRAINT fk_a FOREIGN KEY (pid) REFERENCES p(id))",
        "CREATE TABLE p(id INTEGER PRIMARY KEY); CREATE TABLE c(pid INT, CONSTRAINT fk_b FOREIGN KEY (pid) REFERENCES p(id))",
        ObjectKind.ForeignKey)]
    [DataRow("check name", "CREATE TABLE t(a INT, CONSTRAINT ck_a CHECK (a > 0))", "CREATE TABLE t(a INT, CONSTRAINT ck_b CHECK (a > 0))", ObjectKind.CheckConstraint)]
    [DataRow("unique constraint name", "CREATE TABLE t(a INT, CONSTRAINT uq_a UNIQUE (a))", "CREATE TABLE t(a INT, CONSTRAINT uq_b UNIQUE (a))", ObjectKind.UniqueConstraint)]
    [DataRow("primary key name", "CREATE TABLE t(a INT, CONSTRAINT pk_t PRIMARY KEY (a))", "CREATE TABLE t(a INT, PRIMARY KEY (a))", ObjectKind.PrimaryKey)]
    [DataRow("index name", "CREATE TABLE t(a INT); CREATE INDEX ix_a ON t(a)", "CREATE TABLE t(a INT); CREATE INDEX ix_b ON t(a)", ObjectKind.Index)]
    public async Task A_single_changed_name_reflects_as_one_rename(string what, string first, string second, ObjectKind kind)
    {
        var differences = await CompareAsync(first, second);

        Assert.AreEqual(1, differences.Count, $"{what}:\n{string.Join("\n", differences)}");
        Assert.AreEqual(kind, ((RenamedObject)differences[0]).Object.Kind, what);
    }

    /// <summary>Asserts that <paramref name="second"/> reflects as <paramref name="first"/> with exactly one attribute
    /// of one object changed.</summary>
    protected async Task AssertOneChangeAsync(string what, string first, string second, ObjectKind kind, ObjectAttribute attribute)
    {
        var differences = await CompareAsync(first, second);

        Assert.AreEqual(1, differences.Count, $"{what}:\n{string.Join("\n", differences)}");
        var changed = differences[0] as ChangedAttribute;
        Assert.IsNotNull(changed, $"{what}: {differences[0]}");
        Assert.AreEqual(kind, changed.Object.Kind, what);
        Assert.AreEqual(attribute, changed.Attribute, what);
    }

    /// <summary>Reflects both scripts, normalizes them by the provider and compares them exactly (names included).</summary>
    protected async Task<IReadOnlyList<SchemaDifference>> CompareAsync(string first, string second)
    {
        var a = Provider.Normalize(await ReflectAsync(first));
        var b = Provider.Normalize(await ReflectAsync(second));
        return SchemaComparer.Compare(a, b, ComparisonOptions.Exact);
    }
}
