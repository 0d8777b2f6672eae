using Migrations.Build.Providers;
using static Migrations.Build.Tests.Providers.PostgreSql.PostgreSqlTestServer;

namespace Migrations.Build.Tests.Providers.PostgreSql;

/// <summary>The downgrade proof trusts equal fingerprints as equal schemas: every change the reflection sees must
/// change the fingerprint, and an identical re-creation should not (else the proof falls back to reflecting).</summary>
[TestClass]
public sealed class PostgreSqlFingerprintTests
{
    private const string Base =
        "CREATE TYPE mood AS ENUM ('sad', 'happy');\n" +
        "CREATE DOMAIN positive AS integer CHECK (VALUE > 0);\n" +
        "CREATE SEQUENCE invoice_numbers START 1000;\n" +
        "CREATE TABLE users (id integer PRIMARY KEY, name varchar(100), feeling mood, score positive);\n" +
        "CREATE TABLE leads (id integer PRIMARY KEY, owner_id integer CONSTRAINT fk_leads_owner REFERENCES users (id), note text);\n" +
        "CREATE INDEX ix_users_name ON users (name) WHERE name <> '';\n" +
        "CREATE VIEW user_names AS SELECT id, name FROM users;\n" +
        "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END; $$;\n" +
        "CREATE TRIGGER trg_users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch();\n";

    [ClassInitialize]
    public static Task StartServer(TestContext context) => AcquireAsync();

    [ClassCleanup]
    public static Task StopServer() => ReleaseAsync();

    [TestMethod]
    [DataRow("ALTER TABLE users ADD COLUMN email text")]
    [DataRow("ALTER TABLE leads ALTER COLUMN note TYPE varchar(50)")]
    [DataRow("ALTER TABLE users ALTER COLUMN name SET DEFAULT 'x'")]
    [DataRow("ALTER TABLE users ALTER COLUMN name SET NOT NULL")]
    [DataRow("ALTER TABLE leads ALTER COLUMN note SET DATA TYPE text COLLATE \"C\"")]
    [DataRow("ALTER TABLE users ADD COLUMN code integer GENERATED ALWAYS AS IDENTITY")]
    [DataRow("ALTER TABLE users RENAME COLUMN name TO full_name")]
    [DataRow("DROP INDEX ix_users_name; CREATE INDEX ix_users_name ON users (name) WHERE name IS NOT NULL")]
    [DataRow("DROP INDEX ix_users_name; CREATE INDEX ix_users_name ON users (name DESC) WHERE name <> ''")]
    [DataRow("ALTER INDEX ix_users_name RENAME TO ix_users_full_name")]
    [DataRow("ALTER TYPE mood ADD VALUE 'ok' BEFORE 'happy'")]
    [DataRow("ALTER TYPE mood RENAME VALUE 'sad' TO 'blue'")]
    [DataRow("ALTER DOMAIN positive SET DEFAULT 1")]
    [DataRow("ALTER SEQUENCE invoice_numbers INCREMENT 2")]
    [DataRow("ALTER SEQUENCE invoice_numbers OWNED BY users.id")]
    [DataRow("ALTER TABLE leads RENAME CONSTRAINT fk_leads_owner TO fk_leads_owner_id")]
    [DataRow("ALTER TABLE leads DROP CONSTRAINT fk_leads_owner; ALTER TABLE leads ADD CONSTRAINT fk_leads_owner FOREIGN KEY (owner_id) REFERENCES users (id) ON DELETE CASCADE")]
    [DataRow("ALTER TABLE users ADD CONSTRAINT ck_users_id CHECK (id > 0) NOT VALID")]
    [DataRow("CREATE OR REPLACE VIEW user_names AS SELECT id, name, feeling FROM users")]
    [DataRow("CREATE OR REPLACE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END; $$")]
    [DataRow("DROP TRIGGER trg_users_touch ON users; CREATE TRIGGER trg_users_touch AFTER UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch()")]
    [DataRow("ALTER TABLE users ENABLE ROW LEVEL SECURITY")]
    [DataRow("COMMENT ON COLUMN users.name IS 'display name'")]
    [DataRow("COMMENT ON TABLE users IS 'people'")]
    [DataRow("CREATE SCHEMA billing")]
    [DataRow("CREATE TYPE pair AS (a integer, b text)")]
    [DataRow("CREATE TABLE events (id integer, at date) PARTITION BY RANGE (at)")]
    public async Task A_change_the_reflection_sees_changes_the_fingerprint(string change)
    {
        await using var database = await Provider.CreateScratchDatabaseAsync("test", CancellationToken.None);
        await database.ExecuteAsync(Script(Base), CancellationToken.None);
        var (schemaBefore, before) = await ReadAsync(database);

        await database.ExecuteAsync(Script(change), CancellationToken.None);
        var (schemaAfter, after) = await ReadAsync(database);

        Assert.AreNotEqual(schemaBefore, schemaAfter, "the change should be visible to the reflection");
        Assert.AreNotEqual(before, after);
    }

    [TestMethod]
    [DataRow("DROP TABLE leads; CREATE TABLE leads (id integer PRIMARY KEY, owner_id integer CONSTRAINT fk_leads_owner REFERENCES users (id), note text)")]
    [DataRow("ALTER TABLE leads ADD COLUMN extra text; ALTER TABLE leads DROP COLUMN extra")]
    [DataRow("DROP INDEX ix_users_name; CREATE INDEX ix_users_name ON users (name) WHERE name <> ''")]
    [DataRow("ALTER TABLE users RENAME COLUMN name TO full_name; ALTER TABLE users RENAME COLUMN full_name TO name")]
    [DataRow("DROP SEQUENCE invoice_numbers; CREATE SEQUENCE invoice_numbers START 1000")]
    [DataRow("DROP VIEW user_names; CREATE VIEW user_names AS SELECT id, name FROM users")]
    [DataRow("INSERT INTO users (id, name) VALUES (1, 'a')")]
    public async Task An_identical_re_creation_keeps_the_fingerprint(string change)
    {
        await using var database = await Provider.CreateScratchDatabaseAsync("test", CancellationToken.None);
        await database.ExecuteAsync(Script(Base), CancellationToken.None);
        var (schemaBefore, before) = await ReadAsync(database);

        await database.ExecuteAsync(Script(change), CancellationToken.None);
        var (schemaAfter, after) = await ReadAsync(database);

        Assert.AreEqual(schemaBefore, schemaAfter);
        Assert.AreEqual(before, after);
    }

    [TestMethod]
    public async Task The_fingerprint_is_read_inside_a_transaction_and_after_a_rollback_to_a_savepoint()
    {
        await using var database = await Provider.CreateScratchDatabaseAsync("test", CancellationToken.None);
        await database.ExecuteAsync(Script(Base), CancellationToken.None);
        var before = await database.ReadFingerprintAsync(CancellationToken.None);

        await database.BeginTransactionAsync(CancellationToken.None);
        await database.SavepointAsync("before", CancellationToken.None);
        await database.ExecuteAsync(Script("CREATE TABLE notes (id integer)"), CancellationToken.None);
        var inside = await database.ReadFingerprintAsync(CancellationToken.None);
        await database.RollbackToSavepointAsync("before", CancellationToken.None);
        var rolledBack = await database.ReadFingerprintAsync(CancellationToken.None);
        await database.CommitAsync(CancellationToken.None);

        Assert.AreNotEqual(before, inside);
        Assert.AreEqual(before, rolledBack);
        Assert.AreEqual(before, await database.ReadFingerprintAsync(CancellationToken.None));
    }

    [TestMethod]
    [DataRow("CREATE TABLE child (id integer) INHERITS (parent_a)", "CREATE TABLE child (id integer) INHERITS (parent_b)")]
    [DataRow("CREATE TABLE child (id integer) INHERITS (parent_a, parent_b)", "CREATE TABLE child (id integer) INHERITS (parent_b, parent_a)")]
    [DataRow("CREATE TABLE child (id integer) INHERITS (parent_a)", "CREATE TABLE child (id integer)")]
    [DataRow("CREATE SEQUENCE counter MINVALUE 5", "CREATE SEQUENCE counter MINVALUE 6")]
    [DataRow("CREATE SEQUENCE counter AS integer", "CREATE SEQUENCE counter AS bigint")]
    [DataRow("CREATE TYPE size AS ENUM ('s', 'm')", "CREATE TYPE size AS ENUM ('m', 's')")]
    public async Task Schemas_that_differ_only_in_a_joined_detail_have_different_fingerprints(string one, string other)
    {
        const string parents = "CREATE TABLE parent_a (id integer);\nCREATE TABLE parent_b (id integer);\n";

        Assert.AreNotEqual(await FingerprintOfAsync(parents + one), await FingerprintOfAsync(parents + other));
        Assert.AreEqual(await FingerprintOfAsync(parents + one), await FingerprintOfAsync(parents + one));
    }

    [TestMethod]
    public async Task A_fingerprint_planned_again_after_the_schema_grew_is_the_same()
    {
        await using var database = await Provider.CreateScratchDatabaseAsync("test", CancellationToken.None);
        await database.ExecuteAsync(Script(Base), CancellationToken.None);
        var small = await database.ReadFingerprintAsync(CancellationToken.None);
        var tables = string.Concat(Enumerable.Range(1, 300).Select(i => $"CREATE TABLE t{i} (id integer PRIMARY KEY, v text);\n"));
        await database.ExecuteAsync(Script(tables), CancellationToken.None);

        var grown = await database.ReadFingerprintAsync(CancellationToken.None);
        var replanned = await database.ReadFingerprintAsync(CancellationToken.None);

        Assert.AreNotEqual(small, grown);
        Assert.AreEqual(grown, replanned);
        Assert.AreEqual(grown, await FingerprintOfAsync(Base + tables));
    }

    private static async Task<string> FingerprintOfAsync(string script)
    {
        await using var database = await Provider.CreateScratchDatabaseAsync("test", CancellationToken.None);
        await database.ExecuteAsync(Script(script), CancellationToken.None);
        return await database.ReadFingerprintAsync(CancellationToken.None);
    }

    private static async Task<(Schema.DatabaseSchema Schema, string Fingerprint)> ReadAsync(IScratchDatabase database) =>
        (Provider.Normalize(await database.ReadSchemaAsync(CancellationToken.None)), await database.ReadFingerprintAsync(CancellationToken.None));
}
