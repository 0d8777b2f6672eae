using Migrations.Build.Checks;
using Migrations.Build.Cli;
using Migrations.Build.Diagnostics;
using Migrations.Build.Providers;
using Migrations.Build.Providers.Sqlite;
using Migrations.Build.Tests.Providers.PostgreSql;
using Migrations.Build.Tests.Unit.Migrations;

namespace Migrations.Build.Tests.Providers.Checks;

/// <summary>A down that fails on the rows the migrations left (a NOT NULL column re-added, a unique, check or foreign
/// key constraint the rows now break) says that the data made it fail, on each engine.</summary>
[TestClass]
public sealed class DownDataFailureCheckTests
{
    private static readonly SqliteProvider Sqlite = new();

    [ClassInitialize]
    public static Task StartServer(TestContext context) => PostgreSqlTestServer.AcquireAsync();

    [ClassCleanup]
    public static Task StopServer() => PostgreSqlTestServer.ReleaseAsync();

    /// <summary>Runs 0001 (users, with <paramref name="users"/>) and 0002 (<paramref name="up"/>,
    /// <paramref name="down"/>) and returns the message of the down's failure.</summary>
    private static async Task<string> DownFailureAsync(IDatabaseProvider provider, string users, string up, string down)
    {
        using var folder = new TemporaryFolder();
        folder.Write("Migrations/0001_users.up.sql", users);
        folder.Write("Migrations/0001_users.down.sql", "DROP TABLE IF EXISTS orders;\nDROP TABLE users;\n");
        folder.Write("Migrations/0002_change.up.sql", up);
        folder.Write("Migrations/0002_change.down.sql", down);
        var request = new ValidationRequest(Path.Combine(folder.Path, "Migrations")) { Provider = provider.DisplayName };

        var result = await CheckComposition.RunAsync(request, provider, CancellationToken.None);

        return Only(result, "MIG4001").Message;
    }

    [TestMethod]
    [DataRow(
        "CREATE TABLE users (id integer PRIMARY KEY, email text NOT NULL, code integer NOT NULL);\n",
        "ALTER TABLE users DROP COLUMN code;\nINSERT INTO users VALUES (1, 'a@example.com');\n",
        "ALTER TABLE users ADD COLUMN code integer NOT NULL;\n",
        "The down of 0002_change failed on the data: column code of users is NOT NULL and rows in users have no value for it (column \"code\" of relation \"users\" contains null values (23502)). A down must work on a database with data in it.",
        DisplayName = "NOT NULL column added again")]
    [DataRow(
        "CREATE TABLE users (id integer PRIMARY KEY, email text NOT NULL CONSTRAINT uq_users_email UNIQUE);\n",
        "ALTER TABLE users DROP CONSTRAINT uq_users_email;\nINSERT INTO users VALUES (1, 'a@example.com'), (2, 'a@example.com');\n",
        "ALTER TABLE users ADD CONSTRAINT uq_users_email UNIQUE (email);\n",
        "The down of 0002_change failed on the data: rows in users repeat a value of uq_users_email, which must be unique (could not create unique index \"uq_users_email\" (23505) Detail: Key (email)=(a@example.com) is duplicated.). A down must work on a database with data in it.",
        DisplayName = "UNIQUE constraint added again")]
    [DataRow(
        "CREATE TABLE users (id integer PRIMARY KEY, email text NOT NULL CONSTRAINT ck_users_email CHECK (email LIKE '%@%'));\n",
        "ALTER TABLE users DROP CONSTRAINT ck_users_email;\nINSERT INTO users VALUES (1, 'nobody');\n",
        "ALTER TABLE users ADD CONSTRAINT ck_users_email CHECK (email LIKE '%@%');\n",
        "The down of 0002_change failed on the data: rows in users break check constraint ck_users_email (check constraint \"ck_users_email\" of relation \"users\" is violated by some row (23514)). A down must work on a database with data in it.",
        DisplayName = "CHECK constraint added again")]
    [DataRow(
        "CREATE TABLE users (id integer PRIMARY KEY, email text NOT NULL);\nCREATE TABLE orders (id integer PRIMARY KEY, user_id integer CONSTRAINT fk_orders_user REFERENCES users (id));\n",
        "ALTER TABLE orders DROP CONSTRAINT fk_orders_user;\nINSERT INTO orders VALUES (1, 42);\n",
        "ALTER TABLE orders ADD CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id);\n",
        "The down of 0002_change failed on the data: rows in orders refer to rows that are not there (foreign key fk_orders_user) (insert or update on table \"orders\" violates foreign key constraint \"fk_orders_user\" (23503) Detail: Key (user_id)=(42) is not present in table \"users\".). A down must work on a database with data in it.",
        DisplayName = "FOREIGN KEY added again")]
    public async Task A_down_that_fails_on_the_rows_on_PostgreSQL_says_the_data_made_it_fail(string users, string up, string down, string expected)
    {
        Assert.AreEqual(expected, await DownFailureAsync(PostgreSqlTestServer.Provider, users, up, down));
    }

    [TestMethod]
    [DataRow(
        "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL, code INTEGER NOT NULL DEFAULT 0);\n",
        "ALTER TABLE users DROP COLUMN code;\nINSERT INTO users VALUES (1, 'a@example.com');\n",
        "ALTER TABLE users ADD COLUMN code INTEGER NOT NULL;\n",
        "The down of 0002_change failed on the data: a NOT NULL column without a default cannot be added to the table, which has rows (Cannot add a NOT NULL column with default value NULL). A down must work on a database with data in it.",
        DisplayName = "NOT NULL column added again")]
    [DataRow(
        "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL);\nCREATE UNIQUE INDEX ux_users_email ON users (email);\n",
        "DROP INDEX ux_users_email;\nINSERT INTO users VALUES (1, 'a@example.com'), (2, 'a@example.com');\n",
        "CREATE UNIQUE INDEX ux_users_email ON users (email);\n",
        "The down of 0002_change failed on the data: rows in users repeat a value of email of users, which must be unique (UNIQUE constraint failed: users.email). A down must work on a database with data in it.",
        DisplayName = "unique index created again")]
    [DataRow(
        "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL CONSTRAINT ck_users_email CHECK (email LIKE '%@%'));\n",
        "CREATE TABLE users_new (id INTEGER PRIMARY KEY, email TEXT NOT NULL);\nINSERT INTO users_new SELECT id, email FROM users;\nDROP TABLE users;\n" +
        "ALTER TABLE users_new RENAME TO users;\nINSERT INTO users VALUES (1, 'nobody');\n",
        "CREATE TABLE users_old (id INTEGER PRIMARY KEY, email TEXT NOT NULL CONSTRAINT ck_users_email CHECK (email LIKE '%@%'));\n" +
        "INSERT INTO users_old SELECT id, email FROM users;\nDROP TABLE users;\nALTER TABLE users_old RENAME TO users;\n",
        "The down of 0002_change failed on the data: the rows it writes break check constraint ck_users_email (CHECK constraint failed: ck_users_email). A down must work on a database with data in it.",
        DisplayName = "CHECK constraint in a table rebuild")]
    [DataRow(
        "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL);\nCREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER);\n",
        "INSERT INTO orders VALUES (1, 42);\n",
        "CREATE TABLE orders_old (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id));\n" +
        "INSERT INTO orders_old SELECT id, user_id FROM orders;\nDROP TABLE orders;\nALTER TABLE orders_old RENAME TO orders;\n",
        "The down of 0002_change failed on the data: the rows it writes refer to rows that are not there (foreign key) (FOREIGN KEY constraint failed). A down must work on a database with data in it.",
        DisplayName = "FOREIGN KEY in a table rebuild")]
    public async Task A_down_that_fails_on_the_rows_on_SQLite_says_the_data_made_it_fail(string users, string up, string down, string expected)
    {
        Assert.AreEqual(expected, await DownFailureAsync(Sqlite, users, up, down));
    }

    /// <summary>The one diagnostic of <paramref name="code"/>; fails with every diagnostic listed otherwise.</summary>
    private static Diagnostic Only(ValidationResult result, string code)
    {
        var found = result.Diagnostics.Where(d => d.Code == code).ToList();
        Assert.AreEqual(1, found.Count, string.Join("\n", result.Diagnostics));
        return found[0];
    }
}
