using Migrations.Build.Providers;
using Migrations.Build.Providers.PostgreSql;
using static Migrations.Build.Tests.Providers.PostgreSql.PostgreSqlTestServer;

namespace Migrations.Build.Tests.Providers.PostgreSql;

/// <summary>The incremental fingerprints (only changed objects printed again) must always equal a full read of the same
/// state: a false "equal" would be a wrong downgrade verdict. The oracle is a full read taken inside a savepoint (or a
/// transaction) that is rolled back, so it leaves the incremental read's kept state as it was. Each way of finding
/// the changed objects runs every case (the subclasses below).</summary>
public abstract class PostgreSqlIncrementalFingerprintTests
{
    private const string Base =
        "CREATE TYPE mood AS ENUM ('sad', 'happy');\n" +
        "CREATE DOMAIN positive AS integer CHECK (VALUE > 0);\n" +
        "CREATE SEQUENCE invoice_numbers START 1000;\n" +
        "CREATE TABLE users (id integer PRIMARY KEY, name varchar(100), feeling mood DEFAULT 'sad' CHECK (feeling <> 'happy'), feelings mood[], score positive);\n" +
        "CREATE TABLE leads (id integer PRIMARY KEY, owner_id integer CONSTRAINT fk_leads_owner REFERENCES users (id), note text);\n" +
        "CREATE TABLE invoices (number integer DEFAULT nextval('invoice_numbers'), code serial, total numeric);\n" +
        "CREATE INDEX ix_users_name ON users (name) WHERE name <> '';\n" +
        "CREATE INDEX ix_users_lower_name ON users (lower(name));\n" +
        "CREATE VIEW user_names AS SELECT id, name FROM users;\n" +
        "CREATE VIEW user_name_lengths AS SELECT id, length(name) AS size FROM user_names;\n" +
        "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END; $$;\n" +
        "CREATE TRIGGER trg_users_touch BEFORE UPDATE OF name ON users FOR EACH ROW EXECUTE FUNCTION touch();\n" +
        "CREATE SCHEMA billing;\n" +
        "CREATE TABLE billing.accounts (id integer PRIMARY KEY, kind mood);\n" +
        "CREATE COLLATION billing.plain FROM \"C\";\n" +
        "CREATE TABLE payments (account_id integer REFERENCES billing.accounts (id));\n" +
        "CREATE VIEW account_ids AS SELECT id FROM billing.accounts;\n" +
        "CREATE TABLE parent (id integer);\n" +
        "CREATE TABLE child (extra text) INHERITS (parent);\n" +
        "COMMENT ON TABLE users IS 'people';\n" +
        "COMMENT ON COLUMN users.name IS 'display name';\n" +
        "COMMENT ON CONSTRAINT fk_leads_owner ON leads IS 'owner';\n" +
        "CREATE TEXT SEARCH CONFIGURATION words (COPY = english);\n" +
        "CREATE INDEX ix_leads_note_words ON leads USING gin (to_tsvector('words', note));\n";

    /// <summary>Whether the changed objects come from event triggers (else from scanning the catalogs).</summary>
    protected abstract bool Tracked { get; }

    [TestMethod]
    [DataRow("ALTER TABLE users RENAME COLUMN name TO full_name")]
    [DataRow("ALTER TABLE users RENAME COLUMN id TO user_id")]
    [DataRow("ALTER TABLE users RENAME TO people")]
    [DataRow("ALTER TABLE billing.accounts RENAME COLUMN id TO account_id")]
    [DataRow("ALTER SEQUENCE invoice_numbers RENAME TO invoice_sequence")]
    [DataRow("ALTER SEQUENCE invoices_code_seq RENAME TO invoice_codes")]
    [DataRow("ALTER SEQUENCE invoice_numbers OWNED BY invoices.number")]
    [DataRow("ALTER SEQUENCE invoices_code_seq OWNED BY NONE")]
    [DataRow("ALTER SCHEMA billing RENAME TO accounting")]
    [DataRow("ALTER TABLE billing.accounts SET SCHEMA public")]
    [DataRow("ALTER TYPE mood RENAME TO feeling")]
    [DataRow("ALTER TYPE mood ADD VALUE 'ok' BEFORE 'happy'")]
    [DataRow("ALTER TYPE mood RENAME VALUE 'sad' TO 'blue'")]
    [DataRow("ALTER DOMAIN positive RENAME TO strictly_positive")]
    [DataRow("ALTER FUNCTION touch() RENAME TO touch_row")]
    [DataRow("ALTER VIEW user_names RENAME TO people_names")]
    [DataRow("ALTER VIEW user_names RENAME COLUMN name TO label")]
    [DataRow("ALTER INDEX users_pkey RENAME TO pk_users")]
    [DataRow("ALTER INDEX users_pkey SET (fillfactor = 50)")]
    [DataRow("ALTER TABLE leads RENAME CONSTRAINT fk_leads_owner TO fk_leads_owner_id")]
    [DataRow("ALTER TABLE child NO INHERIT parent")]
    [DataRow("ALTER TABLE users ALTER COLUMN feeling DROP DEFAULT")]
    [DataRow("ALTER TABLE users DROP COLUMN name CASCADE")]
    [DataRow("COMMENT ON COLUMN users.id IS 'key'")]
    [DataRow("COMMENT ON TABLE users IS NULL")]
    [DataRow("COMMENT ON COLUMN users.name IS NULL")]
    [DataRow("COMMENT ON CONSTRAINT fk_leads_owner ON leads IS NULL")]
    [DataRow("SET search_path = billing, public")]
    [DataRow("SET search_path = public, billing")]
    [DataRow("CREATE TABLE billing.users (id integer)")]
    [DataRow("CREATE TABLE accounts (id integer)")]
    [DataRow("CREATE FUNCTION length(varchar) RETURNS integer LANGUAGE sql AS 'SELECT 1'")]
    [DataRow("CREATE TEMPORARY TABLE users (id integer)")]
    [DataRow("ALTER FUNCTION pg_catalog.lower(text) RENAME TO lower_text")]
    [DataRow("ALTER TYPE pg_catalog.int4 RENAME TO whole_number")]
    [DataRow("DROP TABLE leads; CREATE TABLE leads (id integer PRIMARY KEY, owner_id integer CONSTRAINT fk_leads_owner REFERENCES users (id), note text)")]
    [DataRow("DROP VIEW user_name_lengths; DROP VIEW user_names; CREATE VIEW user_names AS SELECT id, name FROM users; CREATE VIEW user_name_lengths AS SELECT id, length(name) AS size FROM user_names")]
    [DataRow("DROP SEQUENCE invoice_numbers CASCADE")]
    [DataRow("DROP SCHEMA billing CASCADE")]
    [DataRow("DROP TYPE mood CASCADE")]
    [DataRow("CREATE EXTENSION IF NOT EXISTS pg_trgm")]
    [DataRow("ALTER TEXT SEARCH CONFIGURATION words RENAME TO terms")]
    [DataRow("ALTER TABLE leads ALTER COLUMN note TYPE varchar(200)")]
    [DataRow("ALTER TABLE leads ALTER COLUMN id TYPE bigint")]
    [DataRow("ALTER TABLE users ALTER COLUMN score TYPE bigint")]
    [DataRow("ALTER TABLE leads ADD CONSTRAINT ck_leads_note CHECK (note <> ''), ADD CONSTRAINT uq_leads_note UNIQUE (note)")]
    [DataRow("ALTER TABLE leads DROP CONSTRAINT fk_leads_owner")]
    [DataRow("ALTER TABLE leads DROP CONSTRAINT leads_pkey; CREATE UNIQUE INDEX ix_leads_id ON leads (id); ALTER TABLE leads ADD CONSTRAINT pk_leads PRIMARY KEY USING INDEX ix_leads_id")]
    [DataRow("ALTER TABLE leads ALTER COLUMN note SET DEFAULT 'none', ALTER COLUMN owner_id SET NOT NULL")]
    [DataRow("CREATE SCHEMA reports CREATE TABLE totals (id integer PRIMARY KEY) CREATE VIEW total_ids AS SELECT id FROM totals")]
    [DataRow("DO $$ BEGIN EXECUTE 'CREATE TABLE made_by_do (id integer CHECK (id > 0))'; END $$")]
    [DataRow("CREATE FUNCTION make_table() RETURNS void LANGUAGE plpgsql AS $$ BEGIN CREATE TABLE made_by_function (id integer); END $$; SELECT make_table()")]
    [DataRow("CREATE TABLE measures (at date NOT NULL, v integer) PARTITION BY RANGE (at); CREATE TABLE measures_2026 PARTITION OF measures FOR VALUES FROM ('2026-01-01') TO ('2027-01-01'); CREATE INDEX ix_measures_v ON measures (v)")]
    [DataRow("CREATE TABLE standalone (id integer); ALTER TABLE standalone INHERIT parent")]
    [DataRow("CREATE TRIGGER trg_leads_touch BEFORE INSERT ON leads FOR EACH ROW EXECUTE FUNCTION touch(); ALTER TABLE leads DISABLE TRIGGER trg_leads_touch")]
    [DataRow("DROP TRIGGER trg_users_touch ON users")]
    [DataRow("CREATE OR REPLACE VIEW user_names AS SELECT id, name, 1 AS one FROM users")]
    [DataRow("ALTER DOMAIN positive ADD CONSTRAINT below_million CHECK (VALUE < 1000000)")]
    [DataRow("CREATE INDEX ix_leads_owner ON leads (owner_id); ALTER INDEX ix_leads_owner RENAME TO ix_leads_owner_id")]
    [DataRow("GRANT SELECT ON users TO PUBLIC; REVOKE SELECT ON users FROM PUBLIC")]
    [DataRow("SET session_replication_role = replica; ALTER TABLE users ADD COLUMN email text; RESET session_replication_role")]
    [DataRow("CREATE TABLE users_copy AS SELECT * FROM users")]
    [DataRow("ALTER TABLE users RENAME CONSTRAINT users_feeling_check TO ck_users_feeling")]
    [DataRow("ALTER SEQUENCE invoice_numbers INCREMENT BY 5 MAXVALUE 100000")]
    [DataRow("ALTER TABLE invoices ALTER COLUMN number DROP DEFAULT; DROP SEQUENCE invoice_numbers")]
    public async Task The_incremental_fingerprint_equals_a_full_read_after(string change)
    {
        // Outside a transaction.
        await using (var database = await CreateAsync())
        {
            await database.ExecuteAsync(Script(Base), CancellationToken.None);
            var before = await CheckedReadAsync(database);

            await database.ExecuteAsync(Script(change), CancellationToken.None);
            var after = await CheckedReadAsync(database);
            await database.ExecuteAsync(Script("RESET search_path"), CancellationToken.None);
            await CheckedReadAsync(database);

            Assert.IsNotNull(before);
            Assert.IsNotNull(after);
        }

        // Inside one, then rolled back: the kept state must follow the rollback.
        await using (var database = await CreateAsync())
        {
            await database.ExecuteAsync(Script(Base), CancellationToken.None);
            var before = await CheckedReadAsync(database);

            await database.BeginTransactionAsync(CancellationToken.None);
            await CheckedReadAsync(database);
            await database.SavepointAsync("before_change", CancellationToken.None);
            await database.ExecuteAsync(Script(change), CancellationToken.None);
            var changed = await CheckedReadAsync(database);
            await database.RollbackToSavepointAsync("before_change", CancellationToken.None);
            Assert.AreEqual(before, await CheckedReadAsync(database), "after ROLLBACK TO SAVEPOINT");
            await database.ExecuteAsync(Script(change), CancellationToken.None);
            Assert.AreEqual(changed, await CheckedReadAsync(database), "the change made again");
            await database.RollbackAsync(CancellationToken.None);
            await database.ExecuteAsync(Script("RESET search_path"), CancellationToken.None);

            Assert.AreEqual(before, await CheckedReadAsync(database), "after ROLLBACK");
        }
    }

    [TestMethod]
    public async Task The_incremental_fingerprint_equals_a_full_read_at_every_step_of_a_realistic_migration_set()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestData", "PostgreSqlFingerprintWorkload");
        var ups = Directory.GetFiles(folder, "*.up.sql").Order(StringComparer.Ordinal).ToList();
        Assert.IsGreaterThanOrEqualTo(50, ups.Count);
        await using var database = await CreateAsync();
        var current = await CheckedReadAsync(database);

        for (var i = 0; i < ups.Count; i++)
        {
            var up = Script(await File.ReadAllTextAsync(ups[i]));
            var down = Script(await File.ReadAllTextAsync(ups[i].Replace(".up.sql", ".down.sql", StringComparison.Ordinal)));
            var before = current;
            var step = Path.GetFileName(ups[i]);
            switch (i % 3)
            {
                case 0:
                    // Each script on its own (autocommit): up, down, up.
                    await database.ExecuteAsync(up, CancellationToken.None);
                    var afterUp = await CheckedReadAsync(database, step);
                    await database.ExecuteAsync(down, CancellationToken.None);
                    Assert.AreEqual(before, await CheckedReadAsync(database, step), step + ": down");
                    await database.ExecuteAsync(up, CancellationToken.None);
                    Assert.AreEqual(afterUp, await CheckedReadAsync(database, step), step + ": up again");
                    current = afterUp;
                    break;
                case 1:
                    // The savepoint path: up, savepoint, down, rollback to it, down, up, in one transaction.
                    await database.BeginTransactionAsync(CancellationToken.None);
                    await database.SavepointAsync("before_up", CancellationToken.None);
                    await database.ExecuteAsync(up, CancellationToken.None);
                    var inside = await CheckedReadAsync(database, step);
                    await database.SavepointAsync("after_up", CancellationToken.None);
                    await database.ExecuteAsync(down, CancellationToken.None);
                    Assert.AreEqual(before, await CheckedReadAsync(database, step), step + ": down");
                    await database.RollbackToSavepointAsync("after_up", CancellationToken.None);
                    Assert.AreEqual(inside, await CheckedReadAsync(database, step), step + ": rolled back to after the up");
                    await database.ExecuteAsync(down, CancellationToken.None);
                    await database.ExecuteAsync(up, CancellationToken.None);
                    Assert.AreEqual(inside, await CheckedReadAsync(database, step), step + ": down and up");
                    await database.CommitAsync(CancellationToken.None);
                    Assert.AreEqual(inside, await CheckedReadAsync(database, step), step + ": committed");
                    current = inside;
                    break;
                default:
                    // Each up and each down in its own transaction, one of them rolled back.
                    await database.BeginTransactionAsync(CancellationToken.None);
                    await database.ExecuteAsync(up, CancellationToken.None);
                    var applied = await CheckedReadAsync(database, step);
                    await database.RollbackAsync(CancellationToken.None);
                    Assert.AreEqual(before, await CheckedReadAsync(database, step), step + ": rolled back");
                    await database.BeginTransactionAsync(CancellationToken.None);
                    await database.ExecuteAsync(up, CancellationToken.None);
                    await database.CommitAsync(CancellationToken.None);
                    Assert.AreEqual(applied, await CheckedReadAsync(database, step), step + ": up");
                    await database.BeginTransactionAsync(CancellationToken.None);
                    await database.ExecuteAsync(down, CancellationToken.None);
                    await database.CommitAsync(CancellationToken.None);
                    Assert.AreEqual(before, await CheckedReadAsync(database, step), step + ": down");
                    await database.BeginTransactionAsync(CancellationToken.None);
                    await database.ExecuteAsync(up, CancellationToken.None);
                    Assert.AreEqual(applied, await CheckedReadAsync(database, step), step + ": up again");
                    await database.CommitAsync(CancellationToken.None);
                    current = applied;
                    break;
            }
        }

        // Only the first read printed everything: the migrations rename columns, add and drop tables, types, views
        // and sequences, none of which needs a full read.
        Assert.AreEqual(1, IncrementalReadsThatWereFull.GetValueOrDefault(database));
    }

    [TestMethod]
    public async Task A_statement_that_drops_temporary_objects_leaves_the_fingerprint_exact()
    {
        await using var database = await CreateAsync();
        await database.ExecuteAsync(Script(Base), CancellationToken.None);
        var before = await CheckedReadAsync(database);

        await database.ExecuteAsync(Script("DISCARD ALL"), CancellationToken.None);
        Assert.AreEqual(before, await CheckedReadAsync(database));
        await database.ExecuteAsync(Script("ALTER TABLE users ADD COLUMN email text"), CancellationToken.None);
        var changed = await CheckedReadAsync(database);

        Assert.AreNotEqual(before, changed);
    }

    [TestMethod]
    public async Task A_migration_that_ends_its_own_transaction_leaves_the_fingerprint_exact()
    {
        await using var database = await CreateAsync();
        await database.ExecuteAsync(Script(Base), CancellationToken.None);
        var before = await database.ReadFingerprintAsync(CancellationToken.None);

        await database.ExecuteAsync(Script("BEGIN"), CancellationToken.None);
        await database.ExecuteAsync(Script("ALTER TABLE users RENAME COLUMN name TO full_name"), CancellationToken.None);
        var inside = await database.ReadFingerprintAsync(CancellationToken.None);
        await database.ExecuteAsync(Script("ROLLBACK"), CancellationToken.None);

        Assert.AreNotEqual(before, inside);
        Assert.AreEqual(before, await CheckedReadAsync(database));
    }

    [TestMethod]
    public async Task A_failed_concurrent_index_leaves_the_fingerprint_exact()
    {
        await using var database = await CreateAsync();
        await database.ExecuteAsync(Script(Base + "INSERT INTO leads (id, note) VALUES (1, 'a'), (2, 'a');\n"), CancellationToken.None);
        var before = await CheckedReadAsync(database);

        await Assert.ThrowsExactlyAsync<StatementFailedException>(() =>
            database.ExecuteAsync(Script("CREATE UNIQUE INDEX CONCURRENTLY ix_leads_note ON leads (note)"), CancellationToken.None));

        Assert.AreNotEqual(before, await CheckedReadAsync(database), "the invalid index it left is part of the schema");
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<PostgreSqlScratchDatabase, int> IncrementalReadsThatWereFull = new();

    /// <summary>A scratch database that reads this class's incremental fingerprint.</summary>
    private async Task<PostgreSqlScratchDatabase> CreateAsync()
    {
        var database = (PostgreSqlScratchDatabase)await Provider.CreateScratchDatabaseAsync("test", CancellationToken.None);
        if (Tracked)
        {
            Assert.IsTrue(await database.InstallTrackingAsync(CancellationToken.None), "the test server's role is a superuser");
        }

        await database.UseFingerprintAsync(Tracked ? FingerprintMethod.Tracked : FingerprintMethod.Scanned, CancellationToken.None);
        return database;
    }

    /// <summary>Reads the incremental fingerprint and asserts it equals a full read of the same state.</summary>
    private static async Task<string> CheckedReadAsync(PostgreSqlScratchDatabase database, string? step = null)
    {
        var fullBefore = database.FullReads;
        var incremental = await database.ReadFingerprintAsync(CancellationToken.None);
        IncrementalReadsThatWereFull.AddOrUpdate(database, database.FullReads - fullBefore, (_, count) => count + database.FullReads - fullBefore);
        Assert.AreEqual(await FullReadAsync(database), incremental, step);
        return incremental;
    }

    private static async Task<string> FullReadAsync(PostgreSqlScratchDatabase database)
    {
        if (database.InTransaction)
        {
            await database.SavepointAsync("migrations_build_oracle", CancellationToken.None);
            var inside = await database.ReadFingerprintAsync(full: true, CancellationToken.None);
            await database.RollbackToSavepointAsync("migrations_build_oracle", CancellationToken.None);
            return inside;
        }

        await database.BeginTransactionAsync(CancellationToken.None);
        var full = await database.ReadFingerprintAsync(full: true, CancellationToken.None);
        await database.RollbackAsync(CancellationToken.None);
        return full;
    }
}

/// <summary>The changed objects found by scanning the catalogs' xmins.</summary>
[TestClass]
public sealed class PostgreSqlScannedFingerprintTests : PostgreSqlIncrementalFingerprintTests
{
    protected override bool Tracked => false;

    [ClassInitialize]
    public static Task StartServer(TestContext context) => AcquireAsync();

    [ClassCleanup]
    public static Task StopServer() => ReleaseAsync();
}

/// <summary>The changed objects as the event triggers recorded them.</summary>
[TestClass]
public sealed class PostgreSqlTrackedFingerprintTests : PostgreSqlIncrementalFingerprintTests
{
    protected override bool Tracked => true;

    [ClassInitialize]
    public static Task StartServer(TestContext context) => AcquireAsync();

    [ClassCleanup]
    public static Task StopServer() => ReleaseAsync();
}
