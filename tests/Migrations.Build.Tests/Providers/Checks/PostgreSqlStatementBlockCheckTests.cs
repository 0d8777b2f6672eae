using Migrations.Build.Checks;
using Migrations.Build.Cli;
using Migrations.Build.Diagnostics;
using Migrations.Build.Tests.Providers.PostgreSql;
using Migrations.Build.Tests.Unit.Migrations;

namespace Migrations.Build.Tests.Providers.Checks;

/// <summary>A goose or sql-migrate <c>StatementBegin … StatementEnd</c> block goes to the server as one command, as
/// those runners send it, also when it holds several statements; a failure inside it is at its own line.</summary>
[TestClass]
public sealed class PostgreSqlStatementBlockCheckTests
{
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

    private static string Block(string prefix, string header = "") =>
        $"{prefix} Up{header}\nCREATE TABLE users (id integer PRIMARY KEY, email text NOT NULL);\n{prefix} StatementBegin\n" +
        "INSERT INTO users VALUES (1, 'a@example.com');\nINSERT INTO users VALUES (2, 'b@example.com');\n" +
        $"{prefix} StatementEnd\nCREATE INDEX ix_users_email ON users (email);\n\n{prefix} Down\n{prefix} StatementBegin\nDROP INDEX ix_users_email;\nDROP TABLE users;\n{prefix} StatementEnd\n";

    [TestMethod]
    [DataRow("-- +goose", "", "00001_users.sql", DisplayName = "goose")]
    [DataRow("-- +goose", "\n-- +goose NO TRANSACTION", "00001_users.sql", DisplayName = "goose NO TRANSACTION")]
    [DataRow("-- +migrate", "", "1_users.sql", DisplayName = "sql-migrate")]
    [DataRow("-- +migrate", " notransaction", "1_users.sql", DisplayName = "sql-migrate notransaction")]
    public async Task A_block_of_two_statements_among_others_runs_as_one_command(string prefix, string header, string file)
    {
        using var folder = new TemporaryFolder();
        folder.Write("Migrations/" + file, Block(prefix, header));

        var result = await RunAsync(folder);

        var all = string.Join("\n", result.Diagnostics);
        CollectionAssert.AreEqual(Array.Empty<string>(), result.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info).Select(d => d.Code).ToArray(), all);
        Assert.AreEqual("downgrades 1/1 proven", result.Checks.Single(c => c.Check == "downgrade").Summary, all);
    }

    [TestMethod]
    public async Task A_failing_statement_inside_a_block_is_reported_at_its_own_line()
    {
        using var folder = new TemporaryFolder();
        var path = folder.Write(
            "Migrations/00001_users.sql",
            "-- +goose Up\nCREATE TABLE users (id integer PRIMARY KEY);\n-- +goose StatementBegin\nINSERT INTO users VALUES (1);\nINSERT INTO users VALUES (1);\n-- +goose StatementEnd\n\n-- +goose Down\nDROP TABLE users;\n");

        var result = await RunAsync(folder);

        var failed = Only(result, "MIG2001");
        Assert.AreEqual((path, 5, 1), (failed.Location?.Path, failed.Location?.Line, failed.Location?.Column));
        StringAssert.Contains(failed.Message, "(23505)");
    }

    /// <summary>The one diagnostic of <paramref name="code"/>; fails with every diagnostic listed otherwise.</summary>
    private static Diagnostic Only(ValidationResult result, string code)
    {
        var found = result.Diagnostics.Where(d => d.Code == code).ToList();
        Assert.AreEqual(1, found.Count, string.Join("\n", result.Diagnostics));
        return found[0];
    }
}
