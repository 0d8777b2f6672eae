namespace Migrations.Build.Tests.Cli;

/// <summary>Bad input gives a clear MIG diagnostic naming the file (and line where there is one) and the right exit
/// code, never a stack trace.</summary>
[TestClass]
public sealed class CliBadInputTests
{
    [TestMethod]
    public async Task Missing_migrations_folder_is_MIG0001_with_exit_code_2()
    {
        using var workspace = new CliWorkspace();
        var missing = workspace.PathOf("NoSuchFolder");

        var run = await EngineProcess.RunAsync("check", "--migrations", missing);

        AssertDiagnostic(run, 2, $"{missing}(1,1): error MIG0001: The migrations directory '{missing}' does not exist.");
    }

    [TestMethod]
    public async Task Model_that_does_not_exist_is_MIG0002_with_exit_code_2()
    {
        using var workspace = new CliWorkspace("Healthy");
        var missing = workspace.PathOf("no-such-schema.sql");

        var run = await EngineProcess.RunAsync("check", "--migrations", workspace.Migrations, "--model", missing);

        AssertDiagnostic(run, 2, $"{missing}(1,1): error MIG0002: The model '{missing}' does not exist.");
    }

    [TestMethod]
    public async Task Unknown_provider_is_MIG0003_with_exit_code_2()
    {
        using var workspace = new CliWorkspace("Healthy");

        var run = await EngineProcess.RunAsync("check", "--migrations", workspace.Migrations, "--provider", "Oracle");

        AssertDiagnostic(run, 2, "Migrations.Build: error MIG0003: Unknown provider 'Oracle'. Set MigrationsProvider (--provider) to one of: Sqlite, PostgreSql, SqlServer.");
    }

    [TestMethod]
    [DataRow("x")]
    [DataRow("last:0")]
    [DataRow("last:two")]
    public async Task Bad_downgrade_scope_is_MIG0006_with_exit_code_2(string scope)
    {
        using var workspace = new CliWorkspace("Healthy");

        var run = await EngineProcess.RunAsync("check", "--migrations", workspace.Migrations, "--downgrade", scope);

        // Rejected before any check runs: no summary line.
        AssertDiagnostic(run, 2, $"Migrations.Build: error MIG0006: --downgrade '{scope}' is not valid: use all, last:N (N > 0) or none (MigrationsDowngradeCheck).", endsWithSummary: false);
    }

    [TestMethod]
    [DataRow("--bogus", "Unrecognized command or argument '--bogus'.")]
    [DataRow("--format=xml", "Argument 'xml' not recognized. Must be one of:")]
    public async Task Unknown_option_or_value_is_a_usage_error_with_exit_code_2(string argument, string reason)
    {
        using var workspace = new CliWorkspace("Healthy");

        var run = await EngineProcess.RunAsync("check", "--migrations", workspace.Migrations, argument);

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        Assert.Contains($"Migrations.Build: error MIG0006: {reason}", run.Error, run.ToString());
        run.AssertNoStackTrace();
    }

    [TestMethod]
    public async Task Missing_migrations_option_is_a_usage_error_with_exit_code_2()
    {
        var run = await EngineProcess.RunAsync("check");

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        Assert.Contains("Migrations.Build: error MIG0006: Option '--migrations' is required.", run.Error, run.ToString());
        run.AssertNoStackTrace();
    }

    [TestMethod]
    public async Task Empty_up_file_is_a_MIG1010_warning_at_the_file()
    {
        using var workspace = new CliWorkspace();
        workspace.WriteUsersMigration();
        var up = workspace.Write("Migrations/0002_nothing.up.sql", string.Empty);
        workspace.Write("Migrations/0002_nothing.down.sql", string.Empty);

        var run = await EngineProcess.RunAsync("check", "--migrations", workspace.Migrations);

        AssertDiagnostic(run, 0, $"{up}(1,1): warning MIG1010: 0002_nothing.up.sql contains no SQL statements");
    }

    [TestMethod]
    public async Task Binary_up_file_is_MIG1005_at_its_first_NUL_byte()
    {
        using var workspace = new CliWorkspace();
        workspace.WriteUsersMigration();
        var up = workspace.WriteBytes("Migrations/0002_x.up.sql", [.. "CREATE TABLE a (id INT);\n"u8, 0x00, 0x01, 0x02, 0x7F, 0x00]);
        workspace.Write("Migrations/0002_x.down.sql", "DROP TABLE a;\n");

        var run = await EngineProcess.RunAsync("check", "--migrations", workspace.Migrations);

        AssertDiagnostic(run, 1, $"{up}(2,1): error MIG1005: 0002_x.up.sql contains NUL bytes: it is a binary file, not SQL text");
    }

    [TestMethod]
    public async Task Invalid_UTF8_in_an_up_is_MIG1005_at_the_bad_byte()
    {
        using var workspace = new CliWorkspace();
        workspace.WriteUsersMigration();
        var up = workspace.WriteBytes("Migrations/0002_x.up.sql", [.. "CREATE TABLE a (id INT);\nINSERT INTO a VALUES ('"u8, 0xFF, 0xFE, .. "');\n"u8]);
        workspace.Write("Migrations/0002_x.down.sql", "DROP TABLE a;\n");

        var run = await EngineProcess.RunAsync("check", "--migrations", workspace.Migrations);

        AssertDiagnostic(run, 1, $"{up}(2,24): error MIG1005: 0002_x.up.sql is not valid UTF-8 text (invalid byte 0xFF at line 2); save it as UTF-8");
    }

    [TestMethod]
    [DataRow("CREATE TABLE a (id INT);\nINSERT INTO a VALUES (1);\nSELECT 'oops;\nDROP TABLE a;\n", 3, 8, "The string literal that starts here is never closed (missing '), so the rest of the script is inside it")]
    [DataRow("CREATE TABLE a (id INT);\n\n  /* a comment never closed\nCREATE TABLE b (id INT);\n", 3, 3, "The block comment that starts here is never closed (missing */), so the rest of the script is inside it")]
    [DataRow("CREATE TABLE \"a (id INT);\n", 1, 14, "The quoted identifier that starts here is never closed (missing \"), so the rest of the script is inside it")]
    public async Task Unterminated_token_in_an_up_is_MIG1006_where_it_starts(string script, int line, int column, string message)
    {
        using var workspace = new CliWorkspace();
        workspace.WriteUsersMigration();
        var up = workspace.Write("Migrations/0002_x.up.sql", script);
        workspace.Write("Migrations/0002_x.down.sql", "DROP TABLE a;\n");

        var run = await EngineProcess.RunAsync("check", "--migrations", workspace.Migrations);

        AssertDiagnostic(run, 1, $"{up}({line},{column}): error MIG1006: {message}");
    }

    [TestMethod]
    public async Task Migration_that_references_a_missing_table_is_MIG2001_at_its_statement()
    {
        using var workspace = new CliWorkspace();
        workspace.WriteUsersMigration();
        var up = workspace.Write("Migrations/0002_x.up.sql", "CREATE TABLE a (id INT);\n\nCREATE INDEX ix_ghosts_id\n    ON ghosts (id);\n");
        workspace.Write("Migrations/0002_x.down.sql", "DROP TABLE a;\n");

        var run = await EngineProcess.RunAsync("check", "--migrations", workspace.Migrations);

        AssertDiagnostic(run, 1, $"{up}(3,1): error MIG2001: Migration 0002_x failed: no such table: main.ghosts");
    }

    [TestMethod]
    public async Task Model_with_a_syntax_error_is_MIG3001_at_the_model_line()
    {
        using var workspace = new CliWorkspace("Healthy");
        workspace.Write("schema.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL);\nCREATE INDEX ix_users_email ON users (email);\n\nCREATE TABLE broken (id INTEGER,, x);\n");

        var run = await EngineProcess.RunAsync("check", "--migrations", workspace.Migrations, "--model", workspace.Model);

        AssertDiagnostic(run, 1, $"{workspace.Model}(4,33): error MIG3001: The model failed to apply: near \",\": syntax error");
    }

    [TestMethod]
    public async Task PostgreSql_server_that_cannot_be_reached_is_MIG0005_and_the_password_is_not_printed()
    {
        using var workspace = new CliWorkspace("Healthy");

        var run = await EngineProcess.RunAsync(
            "check", "--migrations", workspace.Migrations, "--provider", "PostgreSql", "--connection", "Host=127.0.0.1;Port=1;Password=hunter2;Timeout=2");

        AssertDiagnostic(run, 2, "Migrations.Build: error MIG0005: Cannot connect to the PostgreSQL server at 127.0.0.1:1");
        Assert.DoesNotContain("hunter2", run.AllText);
    }

    [TestMethod]
    [DataRow("not a connection string=;;")]
    [DataRow("Host=localhost;Port=notaport;Password=hunter2")]
    [DataRow("Host=localhost;Timeout=-5;Password=hunter2")]
    [DataRow("Password=hunter2")]
    public async Task PostgreSql_malformed_connection_string_is_MIG0004_and_the_password_is_not_printed(string connection)
    {
        using var workspace = new CliWorkspace("Healthy");

        var run = await EngineProcess.RunAsync("check", "--migrations", workspace.Migrations, "--provider", "PostgreSql", "--connection", connection);

        AssertDiagnostic(run, 2, "Migrations.Build: error MIG0004: The PostgreSQL connection string is not valid: ");
        Assert.DoesNotContain("hunter2", run.AllText);
    }

    /// <summary>The run exits with <paramref name="exitCode"/>, prints a stdout line that starts with
    /// <paramref name="lineStart"/>, ends with a summary line (unless told otherwise), and prints no stack trace.</summary>
    private static void AssertDiagnostic(EngineRun run, int exitCode, string lineStart, bool endsWithSummary = true)
    {
        Assert.AreEqual(exitCode, run.ExitCode, run.ToString());
        Assert.IsTrue(run.Output.Any(line => line.StartsWith(lineStart, StringComparison.Ordinal)), $"No line starts with:\n{lineStart}\n{run}");
        if (endsWithSummary)
        {
            Assert.StartsWith("Migrations: ", run.Output.Last(l => !l.StartsWith("  ", StringComparison.Ordinal)), run.ToString());
        }

        run.AssertNoStackTrace();
    }
}
