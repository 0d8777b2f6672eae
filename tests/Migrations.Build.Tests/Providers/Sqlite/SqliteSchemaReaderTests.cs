using Migrations.Build.Schema;

namespace Migrations.Build.Tests.Providers.Sqlite;

[TestClass]
public sealed class SqliteSchemaReaderTests
{
    [TestMethod]
    public async Task Foreign_key_names_are_read_from_the_create_text()
    {
        var schema = await SqliteTestDatabase.ReflectAsync("""
            CREATE TABLE users(id INTEGER PRIMARY KEY, tenant INT, code TEXT, UNIQUE (tenant, code));
            CREATE TABLE leads(
              id INTEGER PRIMARY KEY,
              owner_id INT CONSTRAINT "fk leads owner" REFERENCES users ON DELETE SET NULL,
              reviewer_id INT REFERENCES users(id),
              tenant INT, code TEXT,
              CONSTRAINT fk_leads_user_code FOREIGN KEY (tenant, code) REFERENCES users(tenant, code)
                ON UPDATE CASCADE MATCH FULL DEFERRABLE INITIALLY DEFERRED
            );
            """);

        var keys = schema.Table("leads").ForeignKeys;

        Assert.AreEqual(3, keys.Count);
        Assert.AreEqual(
            new ForeignKey(null, ValueList.Of("reviewer_id"), new ObjectName("users"), ValueList.Of("id")) { NameIsGenerated = true },
            keys[0]);
        Assert.AreEqual(
            new ForeignKey("fk leads owner", ValueList.Of("owner_id"), new ObjectName("users"), ValueList.Of("id")) { OnDelete = "SET NULL" },
            keys[1]);
        Assert.AreEqual(
            new ForeignKey("fk_leads_user_code", ValueList.Of("tenant", "code"), new ObjectName("users"), ValueList.Of("tenant", "code"))
            {
                OnUpdate = "CASCADE",
                Match = "FULL",
                Deferrable = true,
                InitiallyDeferred = true,
            },
            keys[2]);
    }

    [TestMethod]
    public async Task Columns_keep_type_nullability_default_collation_generation_autoincrement_and_rowid_alias()
    {
        var table = (await SqliteTestDatabase.ReflectAsync("""
            CREATE TABLE t(
              id integer CONSTRAINT pk_t PRIMARY KEY AUTOINCREMENT,
              name varchar(40) NOT NULL COLLATE nocase DEFAULT ( 'anon' ),
              twice INT GENERATED ALWAYS AS (id * 2) STORED,
              plain
            )
            """)).Table("t");

        CollectionAssert.AreEqual(
            new[]
            {
                new Column("id", "INTEGER") { AutoIncrement = true, RowidAlias = true },
                new Column("name", "VARCHAR(40)") { NotNull = true, Collation = "NOCASE", Default = "'anon'" },
                new Column("twice", "INTEGER") { GeneratedExpression = "id * 2", GeneratedKind = "STORED" },
                new Column("plain", string.Empty),
            },
            table.Columns.ToArray());
        Assert.AreEqual(new PrimaryKey("pk_t", ValueList.Of("id")), table.PrimaryKey);
    }

    [TestMethod]
    public async Task Composite_primary_key_lists_columns_in_key_order_and_unnamed_keys_are_generated()
    {
        var table = (await SqliteTestDatabase.ReflectAsync("CREATE TABLE t(a INT, b INT, c INT, PRIMARY KEY (c, a)) WITHOUT ROWID, STRICT")).Table("t");

        Assert.AreEqual(new PrimaryKey(null, ValueList.Of("c", "a")) { NameIsGenerated = true }, table.PrimaryKey);
        CollectionAssert.AreEqual(new[] { "STRICT", "WITHOUT ROWID" }, table.Options.ToArray());
        Assert.AreEqual(0, table.Indexes.Count, "the primary key's index is not an index");
    }

    [TestMethod]
    public async Task Unique_constraint_is_told_apart_from_unique_index()
    {
        var table = (await SqliteTestDatabase.ReflectAsync("""
            CREATE TABLE t(id INTEGER PRIMARY KEY, email TEXT, name TEXT, code TEXT UNIQUE, CONSTRAINT uq_email UNIQUE (email));
            CREATE UNIQUE INDEX ix_name ON t(name);
            """)).Table("t");

        CollectionAssert.AreEqual(
            new[]
            {
                new UniqueConstraint(null, ValueList.Of("code")) { NameIsGenerated = true },
                new UniqueConstraint("uq_email", ValueList.Of("email")),
            },
            table.UniqueConstraints.ToArray());
        Assert.AreEqual(1, table.Indexes.Count);
        Assert.AreEqual(new TableIndex("ix_name", ValueList.Of(new IndexKey("name"))) { IsUnique = true }, table.Indexes[0]);
    }

    [TestMethod]
    public async Task Expression_index_keeps_expression_order_collation_and_predicate()
    {
        var table = (await SqliteTestDatabase.ReflectAsync("""
            CREATE TABLE t(name TEXT, score INT, deleted INT);
            CREATE INDEX ix_t ON t (LOWER(name) DESC, score COLLATE NOCASE, "name") WHERE deleted = 0;
            """)).Table("t");

        Assert.AreEqual(
            new TableIndex("ix_t", ValueList.Of(
                new IndexKey("lower(name)", IsExpression: true) { Descending = true },
                new IndexKey("score") { Collation = "NOCASE" },
                new IndexKey("name")))
            {
                Predicate = "deleted = 0",
            },
            table.Indexes.Single());
    }

    [TestMethod]
    public async Task Check_constraints_are_read_named_and_unnamed_at_column_and_table_level()
    {
        var table = (await SqliteTestDatabase.ReflectAsync("""
            CREATE TABLE t(
              a INT CONSTRAINT ck_a CHECK (a > 0) NOT NULL,
              b TEXT CHECK (length(b) < 10),
              CHECK (a < 100),
              CONSTRAINT ck_ab CHECK (a <> b)
            )
            """)).Table("t");

        CollectionAssert.AreEqual(
            new[]
            {
                new CheckConstraint(null, "a < 100") { NameIsGenerated = true },
                new CheckConstraint(null, "length(b) < 10") { NameIsGenerated = true },
                new CheckConstraint("ck_a", "a > 0"),
                new CheckConstraint("ck_ab", "a != b"),
            },
            table.CheckConstraints.ToArray());
        Assert.IsTrue(table.Columns[0].NotNull, "NOT NULL after a named CHECK still belongs to the column");
    }

    [TestMethod]
    public async Task Views_and_triggers_are_present_with_their_definitions()
    {
        var schema = await SqliteTestDatabase.ReflectAsync("""
            CREATE TABLE users(id INTEGER PRIMARY KEY, name TEXT);
            CREATE TABLE audit(user_id INT);
            CREATE VIEW named_users AS SELECT id, name FROM users WHERE name IS NOT NULL;
            CREATE TRIGGER users_audit AFTER INSERT ON Users BEGIN INSERT INTO audit VALUES (new.id); END;
            """);

        Assert.AreEqual(new View(new ObjectName("named_users"), "SELECT id, name FROM users WHERE name IS NOT NULL"), schema.Views.Single());
        Assert.AreEqual(
            new Trigger(
                new ObjectName("users_audit"),
                new ObjectName("users"),
                "CREATE TRIGGER \"users_audit\" AFTER INSERT ON users BEGIN INSERT INTO audit VALUES (new.id); END"),
            schema.Triggers.Single());
    }

    [TestMethod]
    public async Task A_view_over_a_dropped_table_still_reflects()
    {
        var schema = await SqliteTestDatabase.ReflectAsync("CREATE TABLE t(a INT); CREATE VIEW v AS SELECT a FROM t; DROP TABLE t;");

        Assert.AreEqual(0, schema.Tables.Count);
        Assert.AreEqual("SELECT a FROM t", schema.Views.Single().Definition);
    }

    [TestMethod]
    public async Task A_trigger_on_a_view_names_the_view_as_declared()
    {
        var schema = await SqliteTestDatabase.ReflectAsync("""
            CREATE TABLE t(a INT);
            CREATE VIEW Recent AS SELECT a FROM t;
            CREATE TRIGGER recent_insert INSTEAD OF INSERT ON RECENT BEGIN INSERT INTO t VALUES (new.a); END;
            """);

        Assert.AreEqual(new ObjectName("Recent"), schema.Triggers.Single().Table);
    }

    [TestMethod]
    public async Task Internal_tables_and_autoindexes_are_not_reflected()
    {
        var schema = await SqliteTestDatabase.ReflectAsync("""
            CREATE TABLE t(id INTEGER PRIMARY KEY AUTOINCREMENT, code TEXT UNIQUE);
            INSERT INTO t(code) VALUES ('a');
            ANALYZE;
            """);

        CollectionAssert.AreEqual(new[] { "t" }, schema.Tables.Select(t => t.Name.Name).ToArray());
        Assert.AreEqual(0, schema.Table("t").Indexes.Count);
    }

    [TestMethod]
    public async Task A_hundred_table_schema_reflects_completely()
    {
        var sql = new System.Text.StringBuilder("CREATE TABLE t000(id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n");
        for (var i = 1; i < 100; i++)
        {
            sql.Append(System.Globalization.CultureInfo.InvariantCulture, $"""
                CREATE TABLE t{i:000}(
                  id INTEGER PRIMARY KEY,
                  parent_id INT CONSTRAINT fk_t{i:000}_parent REFERENCES t{i - 1:000}(id) ON DELETE CASCADE,
                  code TEXT NOT NULL UNIQUE,
                  amount NUMERIC(10,2) DEFAULT 0 CHECK (amount >= 0)
                );
                CREATE INDEX ix_t{i:000}_parent ON t{i:000}(parent_id);

                """);
        }

        var schema = await SqliteTestDatabase.ReflectAsync(sql.ToString());

        Assert.AreEqual(100, schema.Tables.Count);
        for (var i = 1; i < 100; i++)
        {
            var table = schema.Table($"t{i:000}");
            Assert.AreEqual(4, table.Columns.Count);
            Assert.AreEqual(
                new ForeignKey($"fk_t{i:000}_parent", ValueList.Of("parent_id"), new ObjectName($"t{i - 1:000}"), ValueList.Of("id")) { OnDelete = "CASCADE" },
                table.ForeignKeys.Single());
            Assert.AreEqual($"ix_t{i:000}_parent", table.Indexes.Single().Name);
            Assert.AreEqual(new UniqueConstraint(null, ValueList.Of("code")) { NameIsGenerated = true }, table.UniqueConstraints.Single());
            Assert.AreEqual("amount >= 0", table.CheckConstraints.Single().Expression);
        }
    }
}
