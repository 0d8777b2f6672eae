using Microsoft.Data.SqlClient;
using Migrations.Build.Checks;
using Migrations.Build.Cli;
using Migrations.Build.Migrations;
using Migrations.Build.Providers;
using Migrations.Build.Schema.Comparison;
using Migrations.Build.SqlServer.Server;
using Migrations.Build.SqlServer.Tests.Models;

namespace Migrations.Build.SqlServer.Tests.Server;

/// <summary>On a real SQL Server (<see cref="SqlServerTestServer.Variable"/>): scratch-database hygiene, error
/// positions from the server, catalog reflection agreeing with the model's, and a whole check.</summary>
[TestClass]
public sealed class SqlServerProviderTests
{
    [ClassInitialize]
    public static void PlugTheAddOn(TestContext context) =>
        ProviderRegistry.Plug("SqlServer", SqlServerProvider.CreateAsync, SqlServerCheck.RunAsync);

    [TestMethod]
    public async Task A_scratch_database_is_uniquely_named_in_its_own_session_and_dropped_when_disposed()
    {
        await using var provider = await SqlServerProvider.CreateAsync(SqlServerTestServer.ConnectionString, CancellationToken.None);
        var before = await ListScratchDatabasesAsync();
        string name;
        await using (var database = await provider.CreateScratchDatabaseAsync("test", CancellationToken.None))
        {
            await database.ExecuteAsync(Script("CREATE TABLE dbo.t (a int)"), CancellationToken.None);
            name = (await ListScratchDatabasesAsync()).Except(before).Single();
            StringAssert.Matches(name, new System.Text.RegularExpressions.Regex("^migrations_build_[0-9]{14}_[a-z0-9]{6}_[0-9a-f]{8}_[0-9a-z]+_[0-9a-z]+$"));
        }

        CollectionAssert.DoesNotContain((await ListScratchDatabasesAsync()).ToArray(), name);
    }

    [TestMethod]
    public async Task A_failing_batch_is_placed_at_the_server_line_within_it()
    {
        await using var provider = await SqlServerProvider.CreateAsync(SqlServerTestServer.ConnectionString, CancellationToken.None);
        await using var database = await provider.CreateScratchDatabaseAsync("test", CancellationToken.None);
        var script = Script("SELECT 1\nGO\nCREATE TABLE dbo.t (a int)\nINSERT INTO dbo.missing VALUES (1)\n");

        var failure = await Assert.ThrowsExactlyAsync<StatementFailedException>(() => database.ExecuteAsync(script, CancellationToken.None));

        Assert.AreEqual(4, failure.Location.Line);
        Assert.Contains("dbo.missing", failure.Message);
    }

    [TestMethod]
    public async Task The_catalog_reflects_a_database_as_DacFx_reflects_its_model()
    {
        const string Sql = "CREATE TABLE dbo.p (id int IDENTITY(1,1) NOT NULL CONSTRAINT pk_p PRIMARY KEY, code varchar(10) NOT NULL CONSTRAINT uq_code UNIQUE, n decimal(9,2) CONSTRAINT df_n DEFAULT 0 CONSTRAINT ck_n CHECK (n >= 0))\nGO\n"
            + "CREATE TABLE dbo.c (id int NOT NULL CONSTRAINT pk_c PRIMARY KEY, pid int CONSTRAINT fk_c_p REFERENCES dbo.p (id) ON DELETE CASCADE)\nGO\n"
            + "CREATE INDEX ix_c_pid ON dbo.c (pid DESC) INCLUDE (id) WHERE pid > 0\nGO\n";
        await using var provider = await SqlServerProvider.CreateAsync(SqlServerTestServer.ConnectionString, CancellationToken.None);
        await using var database = await provider.CreateScratchDatabaseAsync("test", CancellationToken.None);
        await database.ExecuteAsync(Script(Sql), CancellationToken.None);

        var reflected = provider.Normalize(await database.ReadSchemaAsync(CancellationToken.None));
        var model = DacFxModels.Reflect(Sql);

        var differences = SchemaComparer.Compare(model, reflected, ComparisonOptions.Exact);
        Assert.AreEqual(0, differences.Count, string.Join("\n", differences));
    }

    [TestMethod]
    public async Task A_whole_check_on_the_server_replays_and_proves_the_downgrades()
    {
        using var folder = new TemporaryDirectory();
        folder.Write("Migrations/0001_users.up.sql", "CREATE TABLE dbo.users (id int NOT NULL CONSTRAINT pk_users PRIMARY KEY);\nGO\n");
        folder.Write("Migrations/0001_users.down.sql", "DROP TABLE dbo.users;\nGO\n");
        var model = folder.Write("schema.sql", "CREATE TABLE dbo.users (id int NOT NULL CONSTRAINT pk_users PRIMARY KEY);\n");

        var result = await CheckComposition.RunAsync(
            new ValidationRequest(Path.Combine(folder.Path, "Migrations")) { Provider = "SqlServer", ModelPath = model, ConnectionString = SqlServerTestServer.ConnectionString },
            progress: null,
            CancellationToken.None);

        Assert.AreEqual(0, result.ErrorCount + result.WarningCount, string.Join("\n", result.Diagnostics));
        Assert.IsTrue(result.Checks.All(c => c.Status == CheckStatus.Passed), string.Join(", ", result.Checks));
    }

    private static SqlScript Script(string text) =>
        new("/m/test.sql", SqlStatementSplitter.Split("/m/test.sql", text, ProviderRegistry.Resolve("SqlServer").Dialect).Statements);

    private static async Task<List<string>> ListScratchDatabasesAsync()
    {
        await using var connection = new SqlConnection(SqlServerTestServer.ConnectionString);
        await connection.OpenAsync();
        await using var command = new SqlCommand("SELECT name FROM sys.databases WHERE name LIKE 'migrations[_]build[_]%'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
