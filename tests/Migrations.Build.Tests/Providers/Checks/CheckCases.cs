using System.Globalization;
using System.Text.RegularExpressions;
using Migrations.Build.Checks;
using Migrations.Build.Cli;
using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;
using Migrations.Build.Models;
using Migrations.Build.Providers;
using Migrations.Build.Schema;
using Migrations.Build.Tests.Unit.Migrations;

namespace Migrations.Build.Tests.Providers.Checks;

/// <summary>The checks' cases, written once; each engine's subclass runs them on a real database.</summary>
public abstract class CheckCases
{
    private const string Users = "CREATE TABLE users (\n    id INTEGER PRIMARY KEY,\n    email VARCHAR(200) NOT NULL\n);\n";
    private const string Leads = "CREATE TABLE leads (\n    id INTEGER PRIMARY KEY,\n    owner_id INTEGER NOT NULL,\n    CONSTRAINT fk_leads_owner FOREIGN KEY (owner_id) REFERENCES users (id) ON DELETE CASCADE\n);\n";

    /// <summary>The engine under test; the base never disposes it.</summary>
    protected abstract IDatabaseProvider Provider { get; }

    /// <summary>SQL creating a trigger named <c>trg_users_audit</c> on users.</summary>
    protected abstract string CreateTrigger { get; }

    /// <summary>SQL dropping the trigger <c>trg_users_audit</c>.</summary>
    protected abstract string DropTrigger { get; }

    private protected async Task<ValidationResult> RunAsync(TemporaryFolder folder, bool withModel = true, Func<ValidationRequest, ValidationRequest>? configure = null)
    {
        var request = new ValidationRequest(Path.Combine(folder.Path, "Migrations"))
        {
            ModelPath = withModel ? Path.Combine(folder.Path, "schema.sql") : null,
            Provider = Provider.DisplayName,
        };
        return await CheckComposition.RunAsync(configure?.Invoke(request) ?? request, Provider, CancellationToken.None);
    }

    private static TemporaryFolder Healthy()
    {
        var folder = new TemporaryFolder();
        folder.Write("Migrations/0001_create_users.up.sql", Users);
        folder.Write("Migrations/0001_create_users.down.sql", "DROP TABLE users;\n");
        folder.Write("Migrations/0002_create_leads.up.sql", Leads + "CREATE INDEX ix_leads_owner ON leads (owner_id);\n");
        folder.Write("Migrations/0002_create_leads.down.sql", "DROP INDEX ix_leads_owner;\nDROP TABLE leads;\n");
        folder.Write("schema.sql", Users + Leads + "CREATE INDEX ix_leads_owner ON leads (owner_id);\n");
        return folder;
    }

    private static string[] Codes(ValidationResult result) =>
        result.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info).Select(d => d.Code).ToArray();

    [TestMethod]
    public async Task Healthy_migrations_pass_every_check()
    {
        using var folder = Healthy();

        var result = await RunAsync(folder);

        CollectionAssert.AreEqual(Array.Empty<string>(), Codes(result), string.Join("\n", result.Diagnostics));
        Assert.AreEqual("downgrades 2/2 proven", result.Checks.Single(c => c.Check == "downgrade").Summary);
        Assert.AreEqual("drift 0", result.Checks.Single(c => c.Check == "drift").Summary);
        Assert.IsNotNull(result.MigratedSchema);
        Assert.AreEqual(2, result.MigratedSchema.Tables.Count);
    }

    [TestMethod]
    public async Task Foreign_key_action_that_differs_from_the_model_is_reported_with_both_values()
    {
        using var folder = Healthy();
        folder.Write("Migrations/0002_create_leads.up.sql", Leads.Replace(" ON DELETE CASCADE", string.Empty, StringComparison.Ordinal) + "CREATE INDEX ix_leads_owner ON leads (owner_id);\n");

        var result = await RunAsync(folder);

        var drift = result.Diagnostics.Single(d => d.Code == "MIG3004");
        StringAssert.Contains(drift.Message, "leads.owner_id -> users(id)");
        StringAssert.Contains(drift.Message, ": ON DELETE CASCADE in the model, NO ACTION after migrations.");
        Assert.AreEqual(Path.Combine(folder.Path, "schema.sql"), drift.Location?.Path);
        Assert.AreEqual(1, Codes(result).Length, string.Join("\n", result.Diagnostics));
    }

    [TestMethod]
    public async Task Down_that_drops_a_misnamed_index_is_reported_at_the_down_script()
    {
        using var folder = Healthy();
        folder.Write("Migrations/0003_index_email.up.sql", "CREATE INDEX ix_users_email ON users (email);\n");
        var down = folder.Write("Migrations/0003_index_email.down.sql", "-- undo\nDROP INDEX IF EXISTS idx_users_email;\n");
        folder.Write("schema.sql", Users + Leads + "CREATE INDEX ix_leads_owner ON leads (owner_id);\nCREATE INDEX ix_users_email ON users (email);\n");

        var result = await RunAsync(folder);

        var leftover = result.Diagnostics.Single(d => d.Code == "MIG4002");
        Assert.AreEqual(down, leftover.Location?.Path);
        Assert.AreEqual(2, leftover.Location?.Line);
        StringAssert.Contains(leftover.Message, "index ix_users_email on users behind");
        Assert.AreEqual("downgrades 2/3 proven", result.Checks.Single(c => c.Check == "downgrade").Summary);
    }

    [TestMethod]
    public async Task Model_table_without_a_migration_is_reported_unless_listed_as_pending()
    {
        using var folder = Healthy();
        folder.Write("schema.sql", Users + Leads + "CREATE INDEX ix_leads_owner ON leads (owner_id);\n\nCREATE TABLE audit_log (\n    id INTEGER PRIMARY KEY\n);\n");

        var failing = await RunAsync(folder);
        var passing = await RunAsync(folder, configure: r => r with { PendingTables = ["audit_log"] });

        var missing = failing.Diagnostics.Single(d => d.Code == "MIG3006");
        StringAssert.Contains(missing.Message, "Table audit_log is in the model, but no migration creates it");
        Assert.AreEqual(new SourceLocation(Path.Combine(folder.Path, "schema.sql"), 12, 1), missing.Location);
        CollectionAssert.AreEqual(Array.Empty<string>(), Codes(passing), string.Join("\n", passing.Diagnostics));
    }

    [TestMethod]
    public async Task A_failing_down_outside_a_transaction_does_not_stop_the_other_proofs()
    {
        using var folder = Healthy();
        var failingDown = folder.Write("Migrations/0002_create_leads.down.sql", "-- migrations: no-transaction\nDROP TABLE missing_table;\n");
        folder.Write("Migrations/0002_create_leads.up.sql", "-- migrations: no-transaction\n" + Leads + "CREATE INDEX ix_leads_owner ON leads (owner_id);\n");
        folder.Write("Migrations/0003_index_email.up.sql", "CREATE INDEX ix_users_email ON users (email);\n");
        var misnamed = folder.Write("Migrations/0003_index_email.down.sql", "DROP INDEX IF EXISTS idx_users_email;\n");
        folder.Write("Migrations/0004_add_name.up.sql", "ALTER TABLE users ADD COLUMN name VARCHAR(100);\n");

        var result = await RunAsync(folder, withModel: false);

        Assert.AreEqual(failingDown, result.Diagnostics.Single(d => d.Code == "MIG4001").Location?.Path);
        Assert.AreEqual(misnamed, result.Diagnostics.Single(d => d.Code == "MIG4002").Location?.Path);
        Assert.AreEqual("upgrade ok", result.Checks.Single(c => c.Check == "upgrade").Summary);
        Assert.AreEqual("downgrades 1/4 proven (1 without down)", result.Checks.Single(c => c.Check == "downgrade").Summary);
        CollectionAssert.AreEquivalent(new[] { "MIG4001", "MIG4002", "MIG1003" }, Codes(result), string.Join("\n", result.Diagnostics));
    }

    [TestMethod]
    public async Task Files_that_manage_their_own_transactions_keep_being_checked_past_a_failing_and_a_non_restoring_down()
    {
        static string Own(string body) => "BEGIN;\n" + body + "COMMIT;\n";
        using var folder = new TemporaryFolder();
        folder.Write("Migrations/0001_create_users.up.sql", Own(Users));
        folder.Write("Migrations/0001_create_users.down.sql", Own("DROP TABLE users;\n"));
        folder.Write("Migrations/0002_create_leads.up.sql", Own(Leads));
        var failingDown = folder.Write("Migrations/0002_create_leads.down.sql", Own("DROP TABLE leads;\nDROP TABLE missing_table;\n"));
        folder.Write("Migrations/0003_index_email.up.sql", Own("CREATE INDEX ix_users_email ON users (email);\n"));
        folder.Write("Migrations/0003_index_email.down.sql", Own("DROP INDEX ix_users_email;\n"));
        folder.Write("Migrations/0004_index_owner.up.sql", Own("CREATE INDEX ix_leads_owner ON leads (owner_id);\n"));
        var misnamed = folder.Write("Migrations/0004_index_owner.down.sql", Own("DROP INDEX IF EXISTS idx_leads_owner;\n"));
        folder.Write("Migrations/0005_add_name.up.sql", Own("ALTER TABLE users ADD COLUMN name VARCHAR(100);\n"));
        folder.Write("Migrations/0005_add_name.down.sql", Own("ALTER TABLE users DROP COLUMN name;\n"));

        var result = await RunAsync(folder, withModel: false);

        CollectionAssert.AreEquivalent(new[] { "MIG4001", "MIG4002" }, Codes(result), string.Join("\n", result.Diagnostics));
        Assert.AreEqual(failingDown, result.Diagnostics.Single(d => d.Code == "MIG4001").Location?.Path);
        Assert.AreEqual(misnamed, result.Diagnostics.Single(d => d.Code == "MIG4002").Location?.Path);
        Assert.AreEqual("upgrade ok", result.Checks.Single(c => c.Check == "upgrade").Summary);
        Assert.AreEqual("downgrades 3/5 proven", result.Checks.Single(c => c.Check == "downgrade").Summary);
        Assert.AreEqual(0, result.NotChecked.Count);
    }

    [TestMethod]
    public async Task A_failing_up_in_the_middle_names_the_migrations_after_it_as_not_checked()
    {
        using var folder = Healthy();
        var failing = folder.Write("Migrations/0003_fill_leads.up.sql", "INSERT INTO missing_table VALUES (1);\n");
        folder.Write("Migrations/0003_fill_leads.down.sql", "DELETE FROM leads;\n");
        var first = folder.Write("Migrations/0004_index_email.up.sql", "CREATE INDEX ix_users_email ON users (email);\n");
        folder.Write("Migrations/0004_index_email.down.sql", "DROP INDEX ix_users_email;\n");
        folder.Write("Migrations/0005_add_name.up.sql", "ALTER TABLE users ADD COLUMN name VARCHAR(100);\n");

        var result = await RunAsync(folder, withModel: false);

        Assert.AreEqual(failing, result.Diagnostics.Single(d => d.Code == "MIG2001").Location?.Path);
        var notChecked = result.Diagnostics.Single(d => d.Code == "MIG2002");
        Assert.AreEqual(DiagnosticSeverity.Warning, notChecked.Severity, "a green build must not hide that part of the history went unchecked");
        Assert.AreEqual("2 migrations after 0003_fill_leads were not applied or checked (from 0004_index_email on): fix the failing up to check them.", notChecked.Message);
        Assert.AreEqual(first, notChecked.Location?.Path);
        Assert.AreEqual("upgrade failed at 0003_fill_leads", result.Checks.Single(c => c.Check == "upgrade").Summary);
        CollectionAssert.AreEqual(new[] { "0004_index_email", "0005_add_name" }, result.NotChecked.Select(m => m.ToString()).ToArray());
        StringAssert.StartsWith(
            SummaryLine.Render(result),
            $"Migrations: 5 migrations on {Provider.DisplayName}, 3 checked, 2 not checked (upgrade stopped at 0003_fill_leads) — upgrade failed at 0003_fill_leads, drift not checked (no model), ");
    }

    [TestMethod]
    public async Task A_goose_no_transaction_migration_whose_down_fails_never_reads_as_a_failed_upgrade()
    {
        using var folder = new TemporaryFolder();
        folder.Write("Migrations/00001_create_users.sql", "-- +goose Up\n" + Users + "\n-- +goose Down\nDROP TABLE users;\n");
        folder.Write("Migrations/00002_create_leads.sql", "-- +goose Up\n" + Leads + "\n-- +goose Down\nDROP TABLE leads;\n");
        var failingDown = folder.Write(
            "Migrations/00003_index_email.sql",
            "-- +goose Up\n-- +goose NO TRANSACTION\nCREATE INDEX ix_users_email ON users (email);\n\n-- +goose Down\nDROP INDEX ix_users_email;\nDROP TABLE missing_table;\n");
        folder.Write("Migrations/00004_add_name.sql", "-- +goose Up\nALTER TABLE users ADD COLUMN name VARCHAR(100);\n\n-- +goose Down\nALTER TABLE users DROP COLUMN name;\n");
        folder.Write("Migrations/00005_index_owner.sql", "-- +goose Up\nCREATE INDEX ix_leads_owner ON leads (owner_id);\n\n-- +goose Down\nDROP INDEX ix_leads_owner;\n");

        var result = await RunAsync(folder, withModel: false);

        Assert.AreEqual(failingDown, result.Diagnostics.Single(d => d.Code == "MIG4001").Location?.Path, string.Join("\n", result.Diagnostics));
        Assert.AreEqual("upgrade ok", result.Checks.Single(c => c.Check == "upgrade").Summary);
        Assert.AreEqual("downgrades 4/5 proven", result.Checks.Single(c => c.Check == "downgrade").Summary);
        Assert.AreEqual(0, result.NotChecked.Count);
        var summary = SummaryLine.Render(result);
        StringAssert.StartsWith(summary, $"Migrations: 5 migrations on {Provider.DisplayName} — upgrade ok, ");
        Assert.DoesNotContain("upgrade failed", summary);
        CollectionAssert.AreEqual(new[] { "MIG4001" }, Codes(result), string.Join("\n", result.Diagnostics));
    }

    [TestMethod]
    public async Task A_model_source_that_gives_a_ready_schema_is_compared_and_its_locator_places_the_finding()
    {
        using var folder = Healthy();
        folder.Write("schema.sql", Users + Leads + "CREATE INDEX ix_leads_owner ON leads (owner_id);\n\nCREATE TABLE audit_log (\n    id INTEGER PRIMARY KEY\n);\n");
        var ready = (await RunAsync(folder)).ModelSchema!;
        var entity = new SourceLocation(Path.Combine(folder.Path, "Entities", "AuditLog.cs"), 7, 5);
        var request = new ValidationRequest(Path.Combine(folder.Path, "Migrations")) { Provider = Provider.DisplayName };

        var result = await CheckRunner.RunAsync(request, CheckComposition.MigrationSource(request), new ReadySchemaModel(ready, entity), Provider, null, CancellationToken.None);

        var missing = result.Diagnostics.Single(d => d.Code == "MIG3006");
        Assert.AreEqual(entity, missing.Location);
        Assert.AreEqual("drift 1", result.Checks.Single(c => c.Check == "drift").Summary);
        Assert.AreEqual(1, Codes(result).Length, string.Join("\n", result.Diagnostics));
    }

    /// <summary>A model read without an engine (as a dacpac or an EF Core model will be), whose locator knows only
    /// where the audit_log table is defined.</summary>
    private sealed class ReadySchemaModel(DatabaseSchema schema, SourceLocation auditLog) : IModelSource, ISchemaLocator
    {
        public Diagnostic? Problem => null;

        public ModelContent Load(SqlDialect dialect) => new([], schema, this, null, []);

        public SourceLocation? FindCreation(string name) => name == "audit_log" ? auditLog : null;

        public SourceLocation? FindInTable(string table, string? child) => FindCreation(table);
    }

    [TestMethod]
    public async Task Trigger_left_behind_by_a_down_is_reported()
    {
        using var folder = Healthy();
        folder.Write("Migrations/0003_audit_trigger.up.sql", CreateTrigger);
        folder.Write("Migrations/0003_audit_trigger.down.sql", "SELECT 1;\n");

        var result = await RunAsync(folder, withModel: false);

        var leftovers = result.Diagnostics.Where(d => d.Code == "MIG4002").Select(d => d.Message).ToList();
        Assert.IsTrue(leftovers.Any(m => m.Contains("leaves trigger trg_users_audit on users behind", StringComparison.Ordinal)), string.Join("\n", leftovers));
    }

    [TestMethod]
    public async Task Trigger_dropped_by_its_down_passes()
    {
        using var folder = Healthy();
        folder.Write("Migrations/0003_audit_trigger.up.sql", CreateTrigger);
        folder.Write("Migrations/0003_audit_trigger.down.sql", DropTrigger);

        var result = await RunAsync(folder, withModel: false);

        CollectionAssert.AreEqual(Array.Empty<string>(), Codes(result), string.Join("\n", result.Diagnostics));
    }

    [TestMethod]
    public async Task Column_dropped_and_added_back_by_the_down_is_proven_equal()
    {
        using var folder = Healthy();
        folder.Write("Migrations/0003_drop_email.up.sql", "ALTER TABLE users DROP COLUMN email;\n");
        folder.Write("Migrations/0003_drop_email.down.sql", "ALTER TABLE users ADD COLUMN email VARCHAR(200) NOT NULL DEFAULT '';\n");

        var result = await RunAsync(folder, withModel: false);

        // The restored column has a default the original lacked: a real difference, found although the engine's
        // stored text differs for other reasons too.
        var changed = result.Diagnostics.Single(d => d.Code == "MIG4004");
        StringAssert.Contains(changed.Message, "users.email: default none before the up");
    }

    [TestMethod]
    public async Task Down_that_adds_a_dropped_column_back_at_the_end_is_one_column_order_warning_and_proven()
    {
        using var folder = Healthy();
        folder.Write("Migrations/0003_create_notes.up.sql", "CREATE TABLE notes (id INTEGER PRIMARY KEY, a TEXT, b TEXT);\n");
        folder.Write("Migrations/0003_create_notes.down.sql", "DROP TABLE notes;\n");
        folder.Write("Migrations/0004_drop_a.up.sql", "ALTER TABLE notes DROP COLUMN a;\n");
        folder.Write("Migrations/0004_drop_a.down.sql", "ALTER TABLE notes ADD COLUMN a TEXT;\n");

        var result = await RunAsync(folder, withModel: false);

        var order = result.Diagnostics.Single(d => d.Severity != DiagnosticSeverity.Info);
        Assert.AreEqual("MIG4008", order.Code);
        Assert.AreEqual(DiagnosticSeverity.Warning, order.Severity);
        StringAssert.StartsWith(order.Message, "The down of 0004_drop_a restores the columns of table notes in another order: (id, a, b) before the up, (id, b, a) after the down.");
        StringAssert.EndsWith(order.Location!.Path, "0004_drop_a.down.sql");
        Assert.AreEqual("downgrades 4/4 proven", result.Checks.Single(c => c.Check == "downgrade").Summary);
    }

    [TestMethod]
    public async Task Column_added_and_dropped_by_the_down_is_proven()
    {
        using var folder = Healthy();
        folder.Write("Migrations/0003_nickname.up.sql", "ALTER TABLE users ADD COLUMN nickname TEXT;\n");
        folder.Write("Migrations/0003_nickname.down.sql", "ALTER TABLE users DROP COLUMN nickname;\n");

        var result = await RunAsync(folder, withModel: false);

        CollectionAssert.AreEqual(Array.Empty<string>(), Codes(result), string.Join("\n", result.Diagnostics));
        Assert.AreEqual("downgrades 3/3 proven", result.Checks.Single(c => c.Check == "downgrade").Summary);
    }

    [TestMethod]
    public async Task Long_history_proves_every_downgrade_and_reports_defects_in_both_halves_in_order()
    {
        using var folder = Healthy();
        for (var i = 3; i <= 120; i++)
        {
            if (i is 10 or 110)
            {
                folder.Write($"Migrations/{i:0000}_table_{i}.up.sql", $"CREATE INDEX ix_users_{i} ON users (email);\n");
                folder.Write($"Migrations/{i:0000}_table_{i}.down.sql", $"DROP INDEX IF EXISTS idx_users_{i};\n");
                continue;
            }

            folder.Write($"Migrations/{i:0000}_table_{i}.up.sql", $"CREATE TABLE t{i} (id INTEGER PRIMARY KEY, v INTEGER);\nCREATE INDEX ix_t{i}_v ON t{i} (v);\n");
            folder.Write($"Migrations/{i:0000}_table_{i}.down.sql", $"DROP INDEX ix_t{i}_v;\nDROP TABLE t{i};\n");
        }

        var result = await RunAsync(folder, withModel: false);

        var leftovers = result.Diagnostics.Where(d => d.Code == "MIG4002").Select(d => Path.GetFileName(d.Location!.Path)).ToArray();
        CollectionAssert.AreEqual(new[] { "0010_table_10.down.sql", "0110_table_110.down.sql" }, leftovers, string.Join("\n", result.Diagnostics));
        Assert.AreEqual("downgrades 118/120 proven", result.Checks.Single(c => c.Check == "downgrade").Summary);
        Assert.AreEqual(118, result.MigratedSchema?.Tables.Count);
    }

    [TestMethod]
    public async Task Defects_met_while_rolling_back_are_each_reported_once_and_every_other_downgrade_is_proven()
    {
        using var folder = Healthy();
        for (var i = 3; i <= 9; i++)
        {
            folder.Write($"Migrations/{i:0000}_t{i}.up.sql", $"CREATE TABLE t{i} (id INTEGER PRIMARY KEY);\nCREATE INDEX ix_t{i} ON t{i} (id);\n");
            folder.Write($"Migrations/{i:0000}_t{i}.down.sql", i == 7 ? $"DROP TABLE t{i};\nCREATE TABLE t{i}_old (id INTEGER);\n" : $"DROP TABLE t{i};\n");
        }

        folder.Write("Migrations/0004_t4.down.sql", "DROP INDEX IF EXISTS idx_t4;\n");

        var result = await RunAsync(folder, withModel: false);

        var findings = result.Diagnostics.Where(d => d.Code.StartsWith("MIG4", StringComparison.Ordinal))
            .Select(d => $"{d.Code} {Path.GetFileName(d.Location!.Path)}").ToArray();
        CollectionAssert.AreEqual(new[] { "MIG4002 0004_t4.down.sql", "MIG4002 0007_t7.down.sql" }, findings, string.Join("\n", result.Diagnostics));
        Assert.AreEqual("downgrades 7/9 proven", result.Checks.Single(c => c.Check == "downgrade").Summary);
    }

    [TestMethod]
    public async Task Migrations_below_one_without_a_down_are_still_proven()
    {
        using var folder = Healthy();
        folder.Write("Migrations/0003_notes.up.sql", "CREATE TABLE notes (id INTEGER PRIMARY KEY);\n");
        folder.Write("Migrations/0004_tags.up.sql", "CREATE TABLE tags (id INTEGER PRIMARY KEY);\n");
        folder.Write("Migrations/0004_tags.down.sql", "DROP TABLE tags;\n");
        folder.Write("Migrations/0001_create_users.down.sql", "SELECT 1;\n");

        var result = await RunAsync(folder, withModel: false);

        var leftover = result.Diagnostics.Single(d => d.Code == "MIG4002");
        Assert.AreEqual("0001_create_users.down.sql", Path.GetFileName(leftover.Location!.Path));
        Assert.AreEqual("downgrades 2/4 proven (1 without down)", result.Checks.Single(c => c.Check == "downgrade").Summary);
    }

    /// <summary>A view of 30 lines over leads whose column c15 is the given literal.</summary>
    private static string OpenLeadsView(string literal) =>
        "CREATE VIEW open_leads AS\nSELECT id,\n    owner_id,\n"
        + string.Concat(Enumerable.Range(1, 27).Select(i => $"    '{(i == 15 ? literal : "col" + i.ToString("00", CultureInfo.InvariantCulture))}' AS c{i:00},\n"))
        + "    0 AS c28\nFROM leads;\n";

    [TestMethod]
    public async Task Down_that_recreates_a_view_with_one_changed_literal_shows_only_that_line()
    {
        using var folder = Healthy();
        folder.Write("Migrations/0003_open_leads.up.sql", OpenLeadsView("col15"));
        folder.Write("Migrations/0003_open_leads.down.sql", "DROP VIEW open_leads;\n");
        folder.Write("Migrations/0004_label_leads.up.sql", "DROP VIEW open_leads;\n" + OpenLeadsView("labelled"));
        folder.Write("Migrations/0004_label_leads.down.sql", "DROP VIEW open_leads;\n" + OpenLeadsView("opened"));

        var result = await RunAsync(folder, withModel: false);

        var changed = result.Diagnostics.Single(d => d.Code == "MIG4004");
        StringAssert.StartsWith(changed.Message, "The down of 0004_label_leads does not restore view open_leads: definition before the up (-) and after the down (+): ");
        StringAssert.Matches(changed.Message, new Regex(@"c14, \| -'col15'[^|]* AS c15, \| \+'opened'[^|]* AS c15, \| '[^|]* AS c16,\.$"));
        foreach (var elsewhere in new[] { "c01", "c13", "c17", "c28", "FROM leads" })
        {
            Assert.IsFalse(changed.Message.Contains(elsewhere, StringComparison.Ordinal), $"{elsewhere} in: {changed.Message}");
        }

        // The reports get both whole texts as the engine printed them: every column, the changed one on each side.
        var details = changed.Details!.Split('\n');
        Assert.AreEqual("--- definition before the up", details[0]);
        Assert.AreEqual(1, details.Count(l => l.StartsWith('-') && l.Contains("'col15'", StringComparison.Ordinal)), changed.Details);
        Assert.AreEqual(1, details.Count(l => l.StartsWith('+') && l.Contains("'opened'", StringComparison.Ordinal)), changed.Details);
        foreach (var elsewhere in new[] { "c01", "c13", "c17", "c28", "FROM leads" })
        {
            Assert.AreEqual(1, details.Count(l => l.StartsWith(' ') && l.Contains(elsewhere, StringComparison.Ordinal)), $"{elsewhere} kept once in: {changed.Details}");
        }
    }

    [TestMethod]
    public async Task Downgrades_before_an_up_that_fails_are_still_proven()
    {
        using var folder = Healthy();
        folder.Write("Migrations/0003_notes.up.sql", "CREATE TABLE notes (id INTEGER PRIMARY KEY);\n");
        folder.Write("Migrations/0003_notes.down.sql", "SELECT 1;\n");
        folder.Write("Migrations/0004_broken.up.sql", "CREATE TABLE tags (id INTEGER PRIMARY KEY);\nINSERT INTO missing_table VALUES (1);\n");
        folder.Write("Migrations/0004_broken.down.sql", "DROP TABLE tags;\n");

        var result = await RunAsync(folder, withModel: false);

        Assert.AreEqual(1, result.Diagnostics.Count(d => d.Code == "MIG2001"), string.Join("\n", result.Diagnostics));
        var leftover = result.Diagnostics.Single(d => d.Code == "MIG4002");
        StringAssert.Contains(leftover.Message, "notes");
        StringAssert.StartsWith(result.Checks.Single(c => c.Check == "downgrade").Summary, "downgrades 2/4 proven");
    }

    [TestMethod]
    public async Task Down_that_forgets_seed_data_in_the_middle_of_the_history_is_reported_once()
    {
        using var folder = Healthy();
        folder.Write("Migrations/0003_seed_admin.up.sql", "INSERT INTO users (id, email) VALUES (1, 'admin@example.com');\n");
        folder.Write("Migrations/0003_seed_admin.down.sql", "SELECT 1;\n");
        folder.Write("Migrations/0004_notes.up.sql", "CREATE TABLE notes (id INTEGER PRIMARY KEY);\n");
        folder.Write("Migrations/0004_notes.down.sql", "DROP TABLE notes;\n");

        var result = await RunAsync(folder, withModel: false);

        var failure = result.Diagnostics.Single(d => d.Code.StartsWith("MIG4", StringComparison.Ordinal));
        Assert.AreEqual("MIG4006", failure.Code);
        StringAssert.Contains(failure.Message, "0003_seed_admin");
        Assert.AreEqual("downgrades 3/4 proven", result.Checks.Single(c => c.Check == "downgrade").Summary);
    }

    [TestMethod]
    public async Task Duplicate_version_is_an_error_naming_both_files()
    {
        using var folder = Healthy();
        folder.Write("Migrations/2_other.up.sql", "CREATE TABLE other (id INTEGER);\n");
        folder.Write("Migrations/2_other.down.sql", "DROP TABLE other;\n");

        var result = await RunAsync(folder, withModel: false);

        var duplicate = result.Diagnostics.Single(d => d.Code == "MIG1001");
        StringAssert.Contains(duplicate.Message, "0002_create_leads");
        StringAssert.Contains(duplicate.Message, "2_other");
    }

    [TestMethod]
    public async Task Up_that_fails_on_line_8_is_reported_at_line_8_and_stops_the_later_checks()
    {
        using var folder = Healthy();
        var up = folder.Write("Migrations/0003_notes.up.sql", "-- Notes on leads.\n\nCREATE TABLE notes (\n    id INTEGER PRIMARY KEY,\n    body TEXT\n);\n\nINSERT INTO missing_table (id) VALUES (1);\n");
        folder.Write("Migrations/0003_notes.down.sql", "DROP TABLE notes;\n");

        var result = await RunAsync(folder);

        var failure = result.Diagnostics.Single(d => d.Code == "MIG2001");
        Assert.AreEqual(up, failure.Location?.Path);
        Assert.AreEqual(8, failure.Location?.Line);
        StringAssert.Contains(failure.Message, "missing_table");
        Assert.AreEqual(CheckStatus.NotRun, result.Checks.Single(c => c.Check == "drift").Status);
        Assert.IsFalse(result.Diagnostics.Any(d => d.Code.StartsWith("MIG3", StringComparison.Ordinal)));
    }

    [TestMethod]
    public async Task Down_that_fails_is_reported_at_its_failing_statement()
    {
        using var folder = Healthy();
        var down = folder.Write("Migrations/0002_create_leads.down.sql", "DROP INDEX ix_leads_owner;\nDROP TABLE leads_typo;\n");

        var result = await RunAsync(folder);

        var failure = result.Diagnostics.Single(d => d.Code == "MIG4001");
        Assert.AreEqual(new SourceLocation(down, 2, failure.Location!.Column), failure.Location);
        StringAssert.Contains(failure.Message, "leads_typo");
        Assert.AreEqual(CheckStatus.Passed, result.Checks.Single(c => c.Check == "drift").Status, string.Join("\n", result.Diagnostics));
    }

    [TestMethod]
    public async Task Down_that_forgets_seed_data_fails_when_the_up_runs_again()
    {
        using var folder = Healthy();
        folder.Write("Migrations/0003_seed_admin.up.sql", "INSERT INTO users (id, email) VALUES (1, 'admin@example.com');\n");
        folder.Write("Migrations/0003_seed_admin.down.sql", "SELECT 1;\n");

        var result = await RunAsync(folder);

        var failure = result.Diagnostics.Single(d => d.Code == "MIG4006");
        StringAssert.Contains(failure.Message, "0003_seed_admin");
    }

    [TestMethod]
    public async Task Downgrade_scope_limits_the_proofs_to_the_last_migrations()
    {
        using var folder = Healthy();
        folder.Write("Migrations/0001_create_users.down.sql", "SELECT 1;\n");

        var all = await RunAsync(folder, withModel: false);
        var last = await RunAsync(folder, withModel: false, configure: r => r with { Downgrade = DowngradeScope.Last(1) });
        var none = await RunAsync(folder, withModel: false, configure: r => r with { Downgrade = DowngradeScope.None });

        Assert.IsTrue(all.Diagnostics.Any(d => d.Code == "MIG4002"));
        CollectionAssert.AreEqual(Array.Empty<string>(), Codes(last));
        Assert.AreEqual("downgrades 1/1 proven", last.Checks.Single(c => c.Check == "downgrade").Summary);
        Assert.AreEqual(CheckStatus.NotRun, none.Checks.Single(c => c.Check == "downgrade").Status);
    }

    [TestMethod]
    public async Task Model_that_fails_to_apply_is_reported_at_the_model_line()
    {
        using var folder = Healthy();
        var model = folder.Write("schema.sql", Users + "\nCREATE INDEX ix_nope ON nowhere (id);\n");

        var result = await RunAsync(folder);

        var failure = result.Diagnostics.Single(d => d.Code == "MIG3001");
        Assert.AreEqual(model, failure.Location?.Path);
        Assert.AreEqual(6, failure.Location?.Line);
        Assert.AreEqual(CheckStatus.NotRun, result.Checks.Single(c => c.Check == "drift").Status);
    }

    [TestMethod]
    public async Task Column_type_drift_names_the_column_and_both_types()
    {
        using var folder = Healthy();
        folder.Write("schema.sql", Users.Replace("VARCHAR(200)", "VARCHAR(300)", StringComparison.Ordinal) + Leads + "CREATE INDEX ix_leads_owner ON leads (owner_id);\n");

        var result = await RunAsync(folder);

        var drift = result.Diagnostics.Single(d => d.Code == "MIG3004");
        StringAssert.Contains(drift.Message, "users.email: type");
        StringAssert.Contains(drift.Message, "300");
        Assert.AreEqual(3, drift.Location?.Line);
    }

    [TestMethod]
    public async Task Index_missing_after_migrations_is_reported_at_its_model_statement()
    {
        using var folder = Healthy();
        folder.Write("schema.sql", Users + Leads + "CREATE INDEX ix_leads_owner ON leads (owner_id);\nCREATE UNIQUE INDEX ux_users_email ON users (email);\n");

        var result = await RunAsync(folder);

        var missing = result.Diagnostics.Single(d => d.Code == "MIG3002");
        StringAssert.Contains(missing.Message, "ux_users_email");
        Assert.AreEqual(11, missing.Location?.Line);
    }
}
