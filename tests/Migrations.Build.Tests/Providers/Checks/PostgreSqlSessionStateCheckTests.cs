using Migrations.Build.Checks;
using Migrations.Build.Cli;
using Migrations.Build.Diagnostics;
using Migrations.Build.Providers;
using Migrations.Build.Tests.Providers.PostgreSql;
using Migrations.Build.Tests.Unit.Migrations;

namespace Migrations.Build.Tests.Providers.Checks;

/// <summary>Each up, down and up again starts on a fresh session state, as a runner's new session does: what a script
/// leaves in the session (temporary tables, settings, prepared statements) never changes how the next one runs.</summary>
[TestClass]
public sealed class PostgreSqlSessionStateCheckTests
{
    private const string Users = "-- +goose Up\nCREATE TABLE users (\n    id integer PRIMARY KEY,\n    email text NOT NULL\n);\n\n-- +goose Down\nDROP TABLE users;\n";

    private const string StagedItems =
        "-- +goose StatementBegin\nDO $$\nBEGIN\n    CREATE TEMP TABLE staging (id integer);\n    INSERT INTO staging VALUES (1), (2);\n" +
        "    CREATE TABLE items (id integer PRIMARY KEY);\n    INSERT INTO items SELECT id FROM staging;\nEND\n$$;\n-- +goose StatementEnd\n";

    [ClassInitialize]
    public static Task StartServer(TestContext context) => PostgreSqlTestServer.AcquireAsync();

    [ClassCleanup]
    public static Task StopServer() => PostgreSqlTestServer.ReleaseAsync();

    /// <summary>Runs the check with a last migration that has no down, so that every migration before it is proven
    /// one by one (up, down, up again) rather than by the reverse sweep.</summary>
    private static async Task<ValidationResult> RunAsync(TemporaryFolder folder, IDatabaseProvider provider)
    {
        folder.Write("Migrations/00099_note.sql", "-- +goose Up\nALTER TABLE users ADD COLUMN note text;\n");
        var request = new ValidationRequest(Path.Combine(folder.Path, "Migrations")) { Provider = provider.DisplayName };
        return await CheckComposition.RunAsync(request, provider, CancellationToken.None);
    }

    private static IDatabaseProvider ProviderFor(bool confined) => confined ? PostgreSqlTestServer.ConfinedProvider : PostgreSqlTestServer.Provider;

    /// <summary>Every migration with a down proven: the only finding is the last one's missing down.</summary>
    private static void AssertAllProven(ValidationResult result, int migrations)
    {
        var all = string.Join("\n", result.Diagnostics);
        CollectionAssert.AreEqual(new[] { "MIG1003" }, result.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info).Select(d => d.Code).ToArray(), all);
        Assert.AreEqual($"downgrades {migrations}/{migrations + 1} proven (1 without down)", result.Checks.Single(c => c.Check == "downgrade").Summary, all);
    }

    [TestMethod]
    [DataRow("-- +goose Up\n-- +goose NO TRANSACTION\n", false, DisplayName = "goose NO TRANSACTION")]
    [DataRow("-- +goose Up\n-- +goose NO TRANSACTION\n", true, DisplayName = "goose NO TRANSACTION, confined")]
    [DataRow("-- +goose Up\n", false, DisplayName = "in a transaction")]
    [DataRow("-- +goose Up\n", true, DisplayName = "in a transaction, confined")]
    public async Task A_do_block_that_makes_a_temp_table_applies_again_after_its_down(string header, bool confined)
    {
        using var folder = new TemporaryFolder();
        folder.Write("Migrations/00001_users.sql", Users);
        folder.Write("Migrations/00002_items.sql", header + StagedItems + "\n-- +goose Down\nDROP TABLE items;\n");

        var result = await RunAsync(folder, ProviderFor(confined));

        AssertAllProven(result, 2);
    }

    [TestMethod]
    [DataRow("SET search_path = '';\n", DisplayName = "SET")]
    [DataRow("SELECT pg_catalog.set_config('search_path', '', false);\n", DisplayName = "set_config")]
    [DataRow("SET SESSION search_path TO pg_catalog;\n", DisplayName = "SET SESSION")]
    public async Task A_search_path_the_up_sets_for_its_session_does_not_change_how_its_down_resolves_names(string setting)
    {
        using var folder = new TemporaryFolder();
        folder.Write("Migrations/00001_users.sql", Users);
        folder.Write(
            "Migrations/00002_nickname.sql",
            "-- +goose Up\n" + setting + "ALTER TABLE public.users ADD COLUMN nickname text;\n\n-- +goose Down\nALTER TABLE users DROP COLUMN nickname;\n");
        folder.Write("Migrations/00003_index_email.sql", "-- +goose Up\nCREATE INDEX ix_users_email ON users (email);\n\n-- +goose Down\nDROP INDEX ix_users_email;\n");

        var result = await RunAsync(folder, PostgreSqlTestServer.Provider);

        AssertAllProven(result, 3);
    }

    [TestMethod]
    [DataRow(false, DisplayName = "in a transaction")]
    [DataRow(true, DisplayName = "goose NO TRANSACTION")]
    public async Task A_statement_the_up_prepares_is_prepared_again_when_the_up_applies_again(bool noTransaction)
    {
        using var folder = new TemporaryFolder();
        folder.Write("Migrations/00001_users.sql", Users);
        folder.Write(
            "Migrations/00002_flags.sql",
            "-- +goose Up\n" + (noTransaction ? "-- +goose NO TRANSACTION\n" : string.Empty) +
            "CREATE TABLE flags (id integer PRIMARY KEY, name text NOT NULL);\nPREPARE add_flag (integer, text) AS INSERT INTO flags VALUES ($1, $2);\n" +
            "EXECUTE add_flag(1, 'beta');\nEXECUTE add_flag(2, 'dark');\n\n-- +goose Down\nDROP TABLE flags;\n");

        var result = await RunAsync(folder, PostgreSqlTestServer.Provider);

        AssertAllProven(result, 2);
    }

    [TestMethod]
    public async Task A_temp_table_a_function_of_an_earlier_migration_makes_is_gone_before_the_next_script()
    {
        using var folder = new TemporaryFolder();
        folder.Write("Migrations/00001_users.sql", Users);
        folder.Write(
            "Migrations/00002_stage.sql",
            "-- +goose Up\n-- +goose StatementBegin\nCREATE FUNCTION stage_users() RETURNS void LANGUAGE plpgsql AS $$\nBEGIN\n" +
            "    CREATE TEMP TABLE staged_users AS SELECT id FROM users;\nEND\n$$;\n-- +goose StatementEnd\n\n-- +goose Down\nDROP FUNCTION stage_users();\n");
        folder.Write(
            "Migrations/00003_backfill.sql",
            "-- +goose Up\nCREATE TABLE user_flags (user_id integer PRIMARY KEY);\nSELECT stage_users();\nINSERT INTO user_flags SELECT id FROM staged_users;\n\n" +
            "-- +goose Down\nDROP TABLE user_flags;\n");

        var result = await RunAsync(folder, PostgreSqlTestServer.Provider);

        AssertAllProven(result, 3);
    }
}
