using Migrations.Build.Checks;
using Migrations.Build.Cli;
using Migrations.Build.Diagnostics;
using Migrations.Build.Tests.Providers.PostgreSql;
using Migrations.Build.Tests.Unit.Migrations;

namespace Migrations.Build.Tests.Providers.Checks;

/// <summary>Check cases only PostgreSQL has (enums, sequences, partial indexes, identity columns, CONCURRENTLY,
/// the server's error position), run through <see cref="CheckRunner"/> on the shared test cluster.</summary>
[TestClass]
public sealed class PostgreSqlEngineCheckCases
{
    private const string Users = "CREATE TABLE users (\n    id integer PRIMARY KEY,\n    email varchar(200) NOT NULL\n);\n";
    private const string Leads = "CREATE TABLE leads (\n    id integer PRIMARY KEY,\n    owner_id integer NOT NULL,\n    CONSTRAINT fk_leads_owner FOREIGN KEY (owner_id) REFERENCES users (id)\n);\n";
    private const string Mood = "CREATE TYPE mood AS ENUM ('sad', 'happy');\n";

    [ClassInitialize]
    public static Task StartServer(TestContext context) => PostgreSqlTestServer.AcquireAsync();

    [ClassCleanup]
    public static Task StopServer() => PostgreSqlTestServer.ReleaseAsync();

    private static async Task<ValidationResult> RunAsync(TemporaryFolder folder, bool withModel = true)
    {
        var provider = PostgreSqlTestServer.Provider;
        var request = new ValidationRequest(Path.Combine(folder.Path, "Migrations"))
        {
            ModelPath = withModel ? Path.Combine(folder.Path, "schema.sql") : null,
            Provider = provider.DisplayName,
        };
        return await CheckComposition.RunAsync(request, provider, CancellationToken.None);
    }

    /// <summary>users (0001) and leads with a named foreign key (0002), each with a correct down.</summary>
    private static TemporaryFolder Healthy(string model = Users + Leads)
    {
        var folder = new TemporaryFolder();
        folder.Write("Migrations/0001_create_users.up.sql", Users);
        folder.Write("Migrations/0001_create_users.down.sql", "DROP TABLE users;\n");
        folder.Write("Migrations/0002_create_leads.up.sql", Leads);
        folder.Write("Migrations/0002_create_leads.down.sql", "DROP TABLE leads;\n");
        folder.Write("schema.sql", model);
        return folder;
    }

    private static string[] Codes(ValidationResult result) =>
        result.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info).Select(d => d.Code).ToArray();

    private static string All(ValidationResult result) => string.Join("\n", result.Diagnostics);

    private static string DowngradeSummary(ValidationResult result) => result.Checks.Single(c => c.Check == "downgrade").Summary;

    [TestMethod]
    public async Task Enum_value_left_behind_by_a_down_is_reported_with_both_label_lists()
    {
        using var folder = Healthy();
        folder.Write("Migrations/0003_mood.up.sql", Mood);
        folder.Write("Migrations/0003_mood.down.sql", "DROP TYPE mood;\n");
        folder.Write("Migrations/0004_ecstatic.up.sql", "ALTER TYPE mood ADD VALUE 'ecstatic';\n");
        var down = folder.Write("Migrations/0004_ecstatic.down.sql", "-- PostgreSQL cannot drop an enum value.\nSELECT 1;\n");

        var result = await RunAsync(folder, withModel: false);

        var changed = result.Diagnostics.Single(d => d.Code == "MIG4004");
        Assert.AreEqual(
            "The down of 0004_ecstatic does not restore enum type mood: labels ('sad', 'happy') before the up, ('sad', 'happy', 'ecstatic') after the down.",
            changed.Message);
        Assert.AreEqual(new SourceLocation(down, 2, 1), changed.Location);
        CollectionAssert.AreEqual(new[] { "MIG4004" }, Codes(result), All(result));
        Assert.AreEqual("downgrades 3/4 proven", DowngradeSummary(result));
    }

    [TestMethod]
    public async Task Down_that_uses_an_enum_label_its_up_added_passes_as_it_does_for_runners()
    {
        using var folder = Healthy();
        folder.Write("Migrations/0003_mood.up.sql", Mood + "CREATE TABLE people (id integer PRIMARY KEY, m mood NOT NULL);\n");
        folder.Write("Migrations/0003_mood.down.sql", "DROP TABLE people;\nDROP TYPE mood;\n");
        folder.Write("Migrations/0004_ecstatic.up.sql", "ALTER TYPE mood ADD VALUE 'ecstatic';\n");
        folder.Write(
            "Migrations/0004_ecstatic.down.sql",
            "UPDATE people SET m = 'happy' WHERE m = 'ecstatic';\nALTER TYPE mood RENAME TO mood_old;\n" + Mood
            + "ALTER TABLE people ALTER COLUMN m TYPE mood USING m::text::mood;\nDROP TYPE mood_old;\n");
        folder.Write("Migrations/0005_note.up.sql", "ALTER TABLE people ADD COLUMN note text;\n"); // no down: the proofs below go one by one

        var result = await RunAsync(folder, withModel: false);

        CollectionAssert.AreEqual(new[] { "MIG1003" }, Codes(result), All(result));
        Assert.AreEqual("downgrades 4/5 proven (1 without down)", DowngradeSummary(result));
    }

    [TestMethod]
    public async Task Enum_value_added_then_type_recreated_by_the_down_is_proven()
    {
        using var folder = Healthy();
        folder.Write("Migrations/0003_mood.up.sql", Mood);
        folder.Write("Migrations/0003_mood.down.sql", "DROP TYPE mood;\n");
        folder.Write("Migrations/0004_ecstatic.up.sql", "ALTER TYPE mood ADD VALUE 'ecstatic';\n");
        folder.Write("Migrations/0004_ecstatic.down.sql", "DROP TYPE mood;\n" + Mood);

        var result = await RunAsync(folder, withModel: false);

        CollectionAssert.AreEqual(Array.Empty<string>(), Codes(result), All(result));
        Assert.AreEqual("downgrades 4/4 proven", DowngradeSummary(result));
    }

    [TestMethod]
    public async Task Enum_labels_in_another_order_than_the_model_are_drift()
    {
        using var folder = Healthy(Users + Leads + "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');\n");
        folder.Write("Migrations/0003_mood.up.sql", Mood + "ALTER TYPE mood ADD VALUE 'ok' AFTER 'happy';\n");
        folder.Write("Migrations/0003_mood.down.sql", "DROP TYPE mood;\n");

        var wrongOrder = await RunAsync(folder);
        folder.Write("Migrations/0003_mood.up.sql", Mood + "ALTER TYPE mood ADD VALUE 'ok' BEFORE 'happy';\n");
        var rightOrder = await RunAsync(folder);

        var drift = wrongOrder.Diagnostics.Single(d => d.Code == "MIG3004");
        Assert.AreEqual("Enum type mood: labels ('sad', 'ok', 'happy') in the model, ('sad', 'happy', 'ok') after migrations.", drift.Message);
        Assert.AreEqual(new SourceLocation(Path.Combine(folder.Path, "schema.sql"), 10, 1), drift.Location);
        CollectionAssert.AreEqual(new[] { "MIG3004" }, Codes(wrongOrder), All(wrongOrder));
        CollectionAssert.AreEqual(Array.Empty<string>(), Codes(rightOrder), All(rightOrder));
    }

    [TestMethod]
    public async Task Sequence_not_dropped_by_its_down_is_reported_by_name()
    {
        using var folder = Healthy();
        folder.Write("Migrations/0003_invoice_numbers.up.sql", "CREATE SEQUENCE invoice_numbers START 1000;\n");
        var down = folder.Write("Migrations/0003_invoice_numbers.down.sql", "DROP SEQUENCE IF EXISTS invoice_number;\n");

        var result = await RunAsync(folder, withModel: false);

        var leftover = result.Diagnostics.Single(d => d.Code == "MIG4002");
        Assert.AreEqual("The down of 0003_invoice_numbers leaves sequence invoice_numbers behind: it did not exist before the up.", leftover.Message);
        Assert.AreEqual(down, leftover.Location?.Path);
        CollectionAssert.AreEqual(new[] { "MIG4002" }, Codes(result), All(result));
        Assert.AreEqual("downgrades 2/3 proven", DowngradeSummary(result));
    }

    [TestMethod]
    public async Task Partial_index_predicate_that_differs_from_the_model_names_the_index_and_both_predicates()
    {
        using var folder = Healthy(Users + Leads + "CREATE INDEX ix_users_email ON users (email) WHERE email IS NOT NULL;\n");
        folder.Write("Migrations/0003_index_email.up.sql", "CREATE INDEX ix_users_email ON users (email) WHERE email <> '';\n");
        folder.Write("Migrations/0003_index_email.down.sql", "DROP INDEX ix_users_email;\n");

        var result = await RunAsync(folder);

        var drift = result.Diagnostics.Single(d => d.Code == "MIG3004");
        Assert.AreEqual("Index ix_users_email on users: WHERE email IS NOT NULL in the model, email::text <> ''::text after migrations.", drift.Message);
        Assert.AreEqual(new SourceLocation(Path.Combine(folder.Path, "schema.sql"), 10, 1), drift.Location);
        CollectionAssert.AreEqual(new[] { "MIG3004" }, Codes(result), All(result));
    }

    [TestMethod]
    public async Task Down_that_renames_a_constraint_back_to_another_name_is_reported_with_both_names()
    {
        using var folder = Healthy();
        folder.Write("Migrations/0003_rename_fk.up.sql", "ALTER TABLE leads RENAME CONSTRAINT fk_leads_owner TO fk_leads_owner_id;\n");
        var down = folder.Write("Migrations/0003_rename_fk.down.sql", "ALTER TABLE leads\n    RENAME CONSTRAINT fk_leads_owner_id TO fk_lead_owner;\n");

        var result = await RunAsync(folder, withModel: false);

        var renamed = result.Diagnostics.Single(d => d.Code == "MIG4005");
        StringAssert.StartsWith(renamed.Message, "The down of 0003_rename_fk restores foreign key fk_lead_owner (");
        StringAssert.EndsWith(renamed.Message, " under another name: named fk_leads_owner before the up, named fk_lead_owner after the down.");
        Assert.AreEqual(new SourceLocation(down, 2, 44), renamed.Location);
        CollectionAssert.AreEqual(new[] { "MIG4005" }, Codes(result), All(result));
    }

    [TestMethod]
    public async Task Constraint_named_otherwise_than_in_the_model_is_drift_with_both_names()
    {
        using var folder = Healthy();
        folder.Write("Migrations/0003_rename_fk.up.sql", "ALTER TABLE leads RENAME CONSTRAINT fk_leads_owner TO fk_leads_owner_id;\n");
        folder.Write("Migrations/0003_rename_fk.down.sql", "ALTER TABLE leads RENAME CONSTRAINT fk_leads_owner_id TO fk_leads_owner;\n");

        var result = await RunAsync(folder);

        var renamed = result.Diagnostics.Single(d => d.Code == "MIG3005");
        StringAssert.Contains(renamed.Message, "is named fk_leads_owner in the model, named fk_leads_owner_id after the migrations.");
        Assert.AreEqual(Path.Combine(folder.Path, "schema.sql"), renamed.Location?.Path);
        Assert.AreEqual(8, renamed.Location?.Line);
        CollectionAssert.AreEqual(new[] { "MIG3005" }, Codes(result), All(result));
        Assert.AreEqual("downgrades 3/3 proven", DowngradeSummary(result));
    }

    [TestMethod]
    public async Task Concurrent_index_runs_outside_a_transaction_and_its_downgrade_is_proven()
    {
        using var folder = Healthy(Users + Leads + "CREATE INDEX ix_users_email ON users (email);\n");
        folder.Write("Migrations/0003_index_email.up.sql", "CREATE INDEX CONCURRENTLY ix_users_email ON users (email);\n");
        folder.Write("Migrations/0003_index_email.down.sql", "DROP INDEX CONCURRENTLY ix_users_email;\n");

        var result = await RunAsync(folder);

        CollectionAssert.AreEqual(Array.Empty<string>(), Codes(result), All(result));
        Assert.AreEqual("downgrades 3/3 proven", DowngradeSummary(result));
        Assert.AreEqual("drift 0", result.Checks.Single(c => c.Check == "drift").Summary);
    }

    [TestMethod]
    public async Task Concurrent_index_left_behind_by_its_down_is_reported()
    {
        using var folder = Healthy();
        folder.Write("Migrations/0003_index_email.up.sql", "CREATE INDEX CONCURRENTLY ix_users_email ON users (email);\n");
        var down = folder.Write("Migrations/0003_index_email.down.sql", "DROP INDEX CONCURRENTLY IF EXISTS ix_user_email;\n");
        folder.Write("Migrations/0004_notes.up.sql", "CREATE TABLE notes (id integer);\n");
        folder.Write("Migrations/0004_notes.down.sql", "DROP TABLE notes;\n");

        var result = await RunAsync(folder, withModel: false);

        var leftover = result.Diagnostics.Single(d => d.Code == "MIG4002");
        Assert.AreEqual("The down of 0003_index_email leaves index ix_users_email on users behind: it did not exist before the up.", leftover.Message);
        Assert.AreEqual(down, leftover.Location?.Path);
        CollectionAssert.AreEqual(new[] { "MIG4002" }, Codes(result), All(result));
        Assert.AreEqual("downgrades 3/4 proven", DowngradeSummary(result));
        Assert.AreEqual(CheckStatus.Passed, result.Checks.Single(c => c.Check == "upgrade").Status);
    }

    [TestMethod]
    [DataRow("CREATE TABLE notes (id integer);\n\nSELECT * FROM nope;\n", 3, 15, DisplayName = "second statement")]
    [DataRow("-- notes\n\nSELECT *\n  FROM nope;\n", 4, 8, DisplayName = "after a comment, on the statement's second line")]
    [DataRow("CREATE TABLE notes (\n\tid integer,\n\tbody nosuchtype\n);\n", 3, 7, DisplayName = "column type on the third line, after a tab")]
    [DataRow("SELECT 'é', 'ü' || body FROM nope;\n", 1, 30, DisplayName = "after accented letters")]
    [DataRow("SELECT '😀' AS smile FROM nope;\n", 1, 27, DisplayName = "after a character outside the BMP (columns count UTF-16 units, as everywhere in the engine)")]
    public async Task Failing_statement_is_reported_at_the_servers_error_line_and_column(string up, int line, int column)
    {
        using var folder = Healthy();
        var path = folder.Write("Migrations/0003_notes.up.sql", up);
        folder.Write("Migrations/0003_notes.down.sql", "DROP TABLE IF EXISTS notes;\n");

        var result = await RunAsync(folder, withModel: false);

        var failure = result.Diagnostics.Single(d => d.Code == "MIG2001");
        Assert.AreEqual(new SourceLocation(path, line, column), failure.Location);
        StringAssert.StartsWith(failure.Message, "Migration 0003_notes failed: ");
        StringAssert.Matches(failure.Message, new System.Text.RegularExpressions.Regex("(relation \"nope\"|type \"nosuchtype\") does not exist \\(42(P01|704)\\)"));
        Assert.AreEqual(CheckStatus.Failed, result.Checks.Single(c => c.Check == "upgrade").Status);
    }

    [TestMethod]
    public async Task Serial_column_where_the_model_has_an_identity_is_drift()
    {
        using var folder = new TemporaryFolder();
        var model = folder.Write("schema.sql", "CREATE TABLE tickets (\n    id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n    title text NOT NULL\n);\n");
        folder.Write("Migrations/0001_tickets.up.sql", "CREATE TABLE tickets (\n    id serial PRIMARY KEY,\n    title text NOT NULL\n);\n");
        folder.Write("Migrations/0001_tickets.down.sql", "DROP TABLE tickets;\n");

        var result = await RunAsync(folder);

        var identity = result.Diagnostics.Single(d => d.Code == "MIG3004" && d.Message.Contains(": identity ", StringComparison.Ordinal));
        Assert.AreEqual("Column tickets.id: identity GENERATED BY DEFAULT AS IDENTITY in the model, none after migrations.", identity.Message);
        Assert.AreEqual(new SourceLocation(model, 2, 5), identity.Location);
        var defaultValue = result.Diagnostics.Single(d => d.Code == "MIG3004" && d.Message.Contains(": default ", StringComparison.Ordinal));
        Assert.AreEqual("Column tickets.id: default none in the model, nextval('tickets_id_seq'::regclass) after migrations.", defaultValue.Message);
        var sequence = result.Diagnostics.Single(d => d.Code == "MIG3003");
        StringAssert.StartsWith(sequence.Message, "Sequence tickets_id_seq exists after the migrations, but not in the model.");
        Assert.AreEqual("downgrades 1/1 proven", DowngradeSummary(result));
    }
}
