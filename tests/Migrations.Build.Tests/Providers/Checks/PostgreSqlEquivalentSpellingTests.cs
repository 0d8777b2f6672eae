using Migrations.Build.Checks;
using Migrations.Build.Cli;
using Migrations.Build.Tests.Providers.PostgreSql;
using Migrations.Build.Tests.Unit.Migrations;

namespace Migrations.Build.Tests.Providers.Checks;

/// <summary>
/// Spellings PostgreSQL treats as the same are no drift: each pair is applied for real, one as the migration and one as
/// the model, and the whole check runs. The last rows are spellings that only look alike and must stay differences.
/// </summary>
[TestClass]
public sealed class PostgreSqlEquivalentSpellingTests
{
    [ClassInitialize]
    public static Task StartServer(TestContext context) => PostgreSqlTestServer.AcquireAsync();

    [ClassCleanup]
    public static Task StopServer() => PostgreSqlTestServer.ReleaseAsync();

    [TestMethod]
    [DataRow("created timestamptz DEFAULT CURRENT_TIMESTAMP", "created timestamptz DEFAULT now()")]
    [DataRow("created timestamptz DEFAULT transaction_timestamp()", "created timestamptz DEFAULT CURRENT_TIMESTAMP")]
    [DataRow("created timestamp DEFAULT CURRENT_TIMESTAMP", "created timestamp without time zone DEFAULT now()")]
    [DataRow("due timestamptz DEFAULT (now() + interval '1 day')", "due timestamp with time zone DEFAULT CURRENT_TIMESTAMP + '1 day'::interval")]
    [DataRow("n int4", "n integer")]
    [DataRow("n int8 DEFAULT 0", "n bigint DEFAULT '0'")]
    [DataRow("n integer DEFAULT -1", "n int4 DEFAULT '-1'")]
    [DataRow("d numeric DEFAULT 1.5", "d numeric DEFAULT '1.5'")]
    [DataRow("n int2", "n smallint")]
    [DataRow("f float8", "f double precision")]
    [DataRow("f float4", "f real")]
    [DataRow("b bool DEFAULT 't'", "b boolean DEFAULT true")]
    [DataRow("s varchar(20) DEFAULT 'x'", "s character varying(20) DEFAULT 'x'::character varying")]
    [DataRow("s text DEFAULT 'x'", "s text DEFAULT 'x'::text")]
    [DataRow("d decimal(10,2)", "d numeric(10,2)")]
    [DataRow("t timestamptz", "t timestamp with time zone")]
    [DataRow("c char(3)", "c character(3)")]
    [DataRow("n integer CHECK (n > 0)", "n integer CHECK ((n > 0))")]
    [DataRow("n integer CHECK (n IN (1, 2))", "n integer CHECK (n = ANY (ARRAY[1, 2]))")]
    public async Task Equivalent_spellings_are_no_drift(string migration, string model)
    {
        var result = await CheckAsync(migration, model);

        Assert.AreEqual("drift 0", result.Checks.Single(c => c.Check == "drift").Summary, string.Join("\n", result.Diagnostics));
    }

    [TestMethod]
    [DataRow("created timestamptz DEFAULT statement_timestamp()", "created timestamptz DEFAULT now()", "default statement_timestamp() in the model, CURRENT_TIMESTAMP after migrations")]
    [DataRow("created timestamptz DEFAULT clock_timestamp()", "created timestamptz DEFAULT CURRENT_TIMESTAMP", "default clock_timestamp() in the model, CURRENT_TIMESTAMP after migrations")]
    [DataRow("n int4", "n int8", "type integer in the model, bigint after migrations")]
    [DataRow("s text DEFAULT 'now()'", "s text DEFAULT 'CURRENT_TIMESTAMP'", "default 'now()'::text in the model, 'CURRENT_TIMESTAMP'::text after migrations")]
    public async Task Spellings_that_differ_in_meaning_stay_differences(string model, string migration, string expected)
    {
        var result = await CheckAsync(migration, model);

        var drift = result.Diagnostics.Single(d => d.Code == "MIG3004");
        StringAssert.Contains(drift.Message, expected);
    }

    private static async Task<ValidationResult> CheckAsync(string migration, string model)
    {
        using var folder = new TemporaryFolder();
        folder.Write("Migrations/0001_create_items.up.sql", $"CREATE TABLE items (\n    id integer PRIMARY KEY,\n    {migration}\n);\n");
        folder.Write("Migrations/0001_create_items.down.sql", "DROP TABLE items;\n");
        folder.Write("schema.sql", $"CREATE TABLE items (\n    id integer PRIMARY KEY,\n    {model}\n);\n");
        var request = new ValidationRequest(Path.Combine(folder.Path, "Migrations"))
        {
            ModelPath = Path.Combine(folder.Path, "schema.sql"),
            Provider = PostgreSqlTestServer.Provider.DisplayName,
        };
        return await CheckComposition.RunAsync(request, PostgreSqlTestServer.Provider, CancellationToken.None);
    }
}
