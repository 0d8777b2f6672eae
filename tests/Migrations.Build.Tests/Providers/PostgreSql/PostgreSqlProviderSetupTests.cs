using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;
using Migrations.Build.Providers;
using Migrations.Build.Providers.PostgreSql;

namespace Migrations.Build.Tests.Providers.PostgreSql;

[TestClass]
public sealed class PostgreSqlProviderSetupTests
{
    [TestMethod]
    [DataRow("Host=localhost;Password=hunter2secret;Bogus Keyword=1")]
    [DataRow("Host=localhost;Port=notaport;Password=hunter2secret")]
    [DataRow("postgres://me:hunter2secret@localhost/db")]
    [DataRow("Password=hunter2secret;Username=me")]
    public async Task A_bad_connection_string_is_reported_without_its_password(string connectionString)
    {
        var exception = await Assert.ThrowsExactlyAsync<ProviderSetupException>(
            () => PostgreSqlProvider.CreateAsync(connectionString, CancellationToken.None));

        Assert.AreEqual(DiagnosticCodes.InvalidConnectionString, exception.Descriptor);
        Assert.DoesNotContain("hunter2secret", exception.Message);
        Assert.DoesNotContain("hunter2secret", exception.ToString());
    }

    [TestMethod]
    [DataRow("Host=db.example;Username=ci", "postgres")]
    [DataRow("Host=db.example;Username=ci;Database=", "postgres")]
    [DataRow("Host=db.example;Username=ci;Database=app", "app")]
    public void A_connection_string_without_a_database_connects_to_the_maintenance_database(string connectionString, string database)
    {
        // Npgsql would take the user's name (ci), a database that seldom exists.
        Assert.AreEqual(database, ServerConnection.Parse(connectionString).Database);
    }

    [TestMethod]
    public async Task An_unreachable_server_is_reported_as_unreachable_without_the_password()
    {
        var exception = await Assert.ThrowsExactlyAsync<ProviderSetupException>(
            () => PostgreSqlProvider.CreateAsync("Host=127.0.0.1;Port=1;Username=me;Password=hunter2secret;Timeout=2", CancellationToken.None));

        Assert.AreEqual(DiagnosticCodes.ServerUnreachable, exception.Descriptor);
        StringAssert.Contains(exception.Message, "127.0.0.1:1");
        Assert.DoesNotContain("hunter2secret", exception.ToString());
    }

    [TestMethod]
    [DataRow("CREATE INDEX CONCURRENTLY users_email_idx ON users (email)", true)]
    [DataRow("create unique index concurrently if not exists i on t (c)", true)]
    [DataRow("-- build it online\n/* really */ CREATE INDEX CONCURRENTLY i ON t (c)", true)]
    [DataRow("DROP INDEX CONCURRENTLY users_email_idx", true)]
    [DataRow("REINDEX INDEX CONCURRENTLY users_email_idx", true)]
    [DataRow("VACUUM ANALYZE users", true)]
    [DataRow("CREATE DATABASE other", true)]
    [DataRow("BEGIN", true)]
    [DataRow("COMMIT", true)]
    [DataRow("ALTER TABLE p DETACH PARTITION p1 CONCURRENTLY", true)]
    [DataRow("ALTER TYPE mood ADD VALUE 'meh'", false)]
    [DataRow("CREATE INDEX users_email_idx ON users (email)", false)]
    [DataRow("CREATE TABLE concurrently (id int)", false)]
    [DataRow("CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END", false)]
    public void Statements_that_cannot_run_in_a_transaction_are_flagged(string statement, bool expected)
    {
        Assert.AreEqual(expected, PostgreSqlTransactionRules.RequiresNoTransaction(statement), statement);
    }

    [TestMethod]
    public void Scratch_names_carry_their_creation_time_and_only_those_names_are_recognized()
    {
        var created = new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc);
        var name = ScratchDatabaseName.New(created);

        StringAssert.StartsWith(name, "migrations_build_20240506070809_");
        Assert.IsTrue(ScratchDatabaseName.TryParseCreatedAt(name, out var parsed));
        Assert.AreEqual(created, parsed);
        Assert.IsTrue(ScratchDatabaseName.TryParse(name, out _, out var owner));
        Assert.AreEqual(OwnerProcess.Current, owner, "the name records this process as its owner");
        Assert.IsLessThanOrEqualTo(63, name.Length, name);
        Assert.IsFalse(ScratchDatabaseName.TryParseCreatedAt("migrations_build_production", out _));
        Assert.IsFalse(ScratchDatabaseName.TryParseCreatedAt("app_" + name, out _));
    }

    [TestMethod]
    [DataRow("users_pkey", "users", null, "pkey", true)]
    [DataRow("users_pkey1", "users", null, "pkey", true)]
    [DataRow("pk_users", "users", null, "pkey", false)]
    [DataRow("leads_owner_id_fkey", "leads", "owner_id", "fkey", true)]
    public void Generated_names_follow_postgresql_rules(string name, string table, string? columns, string label, bool expected)
    {
        Assert.AreEqual(expected, GeneratedNames.Matches(name, table, columns, label));
    }

    [TestMethod]
    public void A_statement_error_position_maps_to_file_line_and_column()
    {
        var statement = new SqlStatement("SELECT 1,\n       nope\nFROM t", new SourceLocation("up.sql", 5, 3));

        Assert.AreEqual(new SourceLocation("up.sql", 6, 8), ServerErrorReport.Locate(statement, 18));
        Assert.AreEqual(new SourceLocation("up.sql", 5, 5), ServerErrorReport.Locate(statement, 3));
        Assert.AreEqual(new SourceLocation("up.sql", 5, 3), ServerErrorReport.Locate(statement, 0));
    }
}
