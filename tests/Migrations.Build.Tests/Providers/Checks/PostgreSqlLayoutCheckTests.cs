using Migrations.Build.Checks;
using Migrations.Build.Cli;
using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;
using Migrations.Build.Tests.Providers.PostgreSql;
using Migrations.Build.Tests.Unit.Migrations;

namespace Migrations.Build.Tests.Providers.Checks;

/// <summary>Histories in diesel's, sql-migrate's and sqlx's layouts, written as those tools write them (diesel's own
/// setup migration with its PL/pgSQL helpers, sql-migrate's StatementBegin blocks and notransaction, sqlx's timestamp
/// versions), checked on the shared test cluster: every migration proven, and a broken down reported at its file.</summary>
[TestClass]
public sealed class PostgreSqlLayoutCheckTests
{
    private const string Users = "CREATE TABLE users (\n    id serial PRIMARY KEY,\n    email text NOT NULL,\n    updated_at timestamp NOT NULL DEFAULT now()\n);\n";
    private const string Posts = "CREATE TABLE posts (\n    id serial PRIMARY KEY,\n    user_id integer NOT NULL REFERENCES users (id)\n);\nCREATE INDEX ix_posts_user ON posts (user_id);\n";
    private const string PostsDown = "DROP INDEX ix_posts_user;\nDROP TABLE posts;\n";
    private const string ForgetfulPostsDown = "DROP INDEX ix_posts_user;\n";

    // Diesel's generated 00000000000000_diesel_initial_setup, as `diesel setup` writes it for PostgreSQL.
    private const string DieselSetupUp = """
        -- This file was automatically created by Diesel to setup helper functions
        -- and other internal bookkeeping. This file is safe to edit, any future
        -- changes will be added to existing projects as new migrations.

        CREATE OR REPLACE FUNCTION diesel_manage_updated_at(_tbl regclass) RETURNS VOID AS $$
        BEGIN
            EXECUTE format('CREATE TRIGGER set_updated_at BEFORE UPDATE ON %s
                            FOR EACH ROW EXECUTE PROCEDURE diesel_set_updated_at()', _tbl);
        END;
        $$ LANGUAGE plpgsql;

        CREATE OR REPLACE FUNCTION diesel_set_updated_at() RETURNS trigger AS $$
        BEGIN
            IF (
                NEW IS DISTINCT FROM OLD AND
                NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at
            ) THEN
                NEW.updated_at := current_timestamp;
            END IF;
            RETURN NEW;
        END;
        $$ LANGUAGE plpgsql;

        """;

    private const string DieselSetupDown = """
        -- This file was automatically created by Diesel to setup helper functions
        -- and other internal bookkeeping. This file is safe to edit, any future
        -- changes will be added to existing projects as new migrations.

        DROP FUNCTION IF EXISTS diesel_manage_updated_at(_tbl regclass);
        DROP FUNCTION IF EXISTS diesel_set_updated_at();

        """;

    [ClassInitialize]
    public static Task StartServer(TestContext context) => PostgreSqlTestServer.AcquireAsync();

    [ClassCleanup]
    public static Task StopServer() => PostgreSqlTestServer.ReleaseAsync();

    private static async Task<ValidationResult> RunAsync(TemporaryFolder folder)
    {
        var provider = PostgreSqlTestServer.Provider;
        var request = new ValidationRequest(Path.Combine(folder.Path, "Migrations")) { Provider = provider.DisplayName };
        return await CheckComposition.RunAsync(request, provider, CancellationToken.None);
    }

    private static string All(ValidationResult result) => string.Join("\n", result.Diagnostics);

    private static string DowngradeSummary(ValidationResult result) => result.Checks.Single(c => c.Check == "downgrade").Summary;

    /// <summary>Diesel's setup, users (with diesel's updated_at trigger) and posts, whose down is
    /// <paramref name="postsDown"/>; returns the posts down's path.</summary>
    private static string WriteDieselHistory(TemporaryFolder folder, string postsDown)
    {
        folder.Write("Migrations/00000000000000_diesel_initial_setup/up.sql", DieselSetupUp);
        folder.Write("Migrations/00000000000000_diesel_initial_setup/down.sql", DieselSetupDown);
        folder.Write("Migrations/2019-02-26-002946_create_users/up.sql", Users + "SELECT diesel_manage_updated_at('users');\n");
        folder.Write("Migrations/2019-02-26-002946_create_users/down.sql", "DROP TABLE users;\n");
        folder.Write("Migrations/2024-03-13_170000_create_posts/up.sql", Posts);
        return folder.Write("Migrations/2024-03-13_170000_create_posts/down.sql", postsDown);
    }

    /// <summary>users with a trigger function in a StatementBegin block, an index made CONCURRENTLY outside a
    /// transaction, and posts, whose down section is <paramref name="postsDown"/>; returns the posts file's path.</summary>
    private static string WriteSqlMigrateHistory(TemporaryFolder folder, string postsDown)
    {
        folder.Write(
            "Migrations/1_init.sql",
            "-- +migrate Up\n" + Users
            + "-- +migrate StatementBegin\nCREATE FUNCTION touch_users() RETURNS trigger AS $$\nBEGIN\n    NEW.updated_at := now();\n    RETURN NEW;\nEND;\n$$ LANGUAGE plpgsql;\n-- +migrate StatementEnd\n"
            + "CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch_users();\n\n"
            + "-- +migrate Down\nDROP TABLE users;\nDROP FUNCTION touch_users();\n");
        folder.Write(
            "Migrations/2_index_email.sql",
            "-- +migrate Up notransaction\nCREATE INDEX CONCURRENTLY ix_users_email ON users (email);\n\n-- +migrate Down\nDROP INDEX CONCURRENTLY ix_users_email;\n");
        return folder.Write("Migrations/20240313170000_posts.sql", "-- +migrate Up\n" + Posts + "\n-- +migrate Down\n" + postsDown);
    }

    /// <summary>sqlx's reversible migrations (<c>sqlx migrate add -r</c>): timestamp versions, .up.sql and .down.sql;
    /// returns the posts down's path.</summary>
    private static string WriteSqlxHistory(TemporaryFolder folder, string postsDown)
    {
        folder.Write("Migrations/20240101120000_create_users.up.sql", Users);
        folder.Write("Migrations/20240101120000_create_users.down.sql", "DROP TABLE users;\n");
        folder.Write("Migrations/20240313170000_create_posts.up.sql", Posts);
        return folder.Write("Migrations/20240313170000_create_posts.down.sql", postsDown);
    }

    private static string WriteHistory(TemporaryFolder folder, string layout, string postsDown) => layout switch
    {
        MigrationLayouts.Diesel => WriteDieselHistory(folder, postsDown),
        MigrationLayouts.SqlMigrate => WriteSqlMigrateHistory(folder, postsDown),
        _ => WriteSqlxHistory(folder, postsDown),
    };

    [TestMethod]
    [DataRow(MigrationLayouts.Diesel, "downgrades 3/3 proven", DisplayName = "diesel")]
    [DataRow(MigrationLayouts.SqlMigrate, "downgrades 3/3 proven", DisplayName = "sql-migrate")]
    [DataRow("sqlx", "downgrades 2/2 proven", DisplayName = "sqlx reversible")]
    public async Task History_in_the_tools_own_layout_is_proven_on_PostgreSQL(string layout, string summary)
    {
        using var folder = new TemporaryFolder();
        WriteHistory(folder, layout, PostsDown);

        var result = await RunAsync(folder);

        var findings = result.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info).ToList();
        Assert.AreEqual(0, findings.Count, All(result));
        Assert.AreEqual(summary, DowngradeSummary(result), All(result));
    }

    [TestMethod]
    [DataRow(MigrationLayouts.Diesel, "20240313170000_create_posts", 1, "downgrades 2/3 proven", DisplayName = "diesel")]
    [DataRow(MigrationLayouts.SqlMigrate, "20240313170000_posts", 9, "downgrades 2/3 proven", DisplayName = "sql-migrate")]
    [DataRow("sqlx", "20240313170000_create_posts", 1, "downgrades 1/2 proven", DisplayName = "sqlx reversible")]
    public async Task Down_that_forgets_a_table_is_reported_at_its_file_on_PostgreSQL(string layout, string migration, int line, string summary)
    {
        using var folder = new TemporaryFolder();
        var down = WriteHistory(folder, layout, ForgetfulPostsDown);

        var result = await RunAsync(folder);

        CollectionAssert.AreEqual(
            new[]
            {
                $"{down}({line},1): error MIG4002: The down of {migration} leaves table posts behind: it did not exist before the up.",
                $"{down}({line},1): error MIG4002: The down of {migration} leaves sequence posts_id_seq behind: it did not exist before the up.",
            },
            result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToArray(),
            All(result));
        Assert.AreEqual(summary, DowngradeSummary(result), All(result));
    }
}
