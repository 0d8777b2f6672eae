namespace Migrations.Build.Tests.Cli;

/// <summary>A password given through MIGRATIONS_CONNECTION_STRING (how CI passes secrets) never reaches the output
/// or the report files.</summary>
[TestClass]
public sealed class CliSecretTests
{
    private const string Secret = "s3cret";

    [TestMethod]
    [DataRow("Host=127.0.0.1;Port=1;Username=ci;Password=s3cret;Timeout=2", "text", "MIG0005")]
    [DataRow("Host=127.0.0.1;Port=1;Username=ci;Password=s3cret;Timeout=2", "json", "MIG0005")]
    [DataRow("Host=127.0.0.1;Port=abc;Password=s3cret", "text", "MIG0004")]
    [DataRow("Host=127.0.0.1;Password=s3cret;Bogus=1", "text", "MIG0004")]
    [DataRow("Host=127.0.0.1;Port=1;Timeout=2;Password='s3cret;more'", "text", "MIG0005")]
    [DataRow("postgres://ci:s3cret@127.0.0.1:1/postgres", "json", "MIG0004")]
    public async Task Password_from_the_environment_is_never_printed_nor_written_to_reports(string connectionString, string format, string code)
    {
        using var workspace = new CliWorkspace("Healthy");
        var reports = workspace.PathOf("reports");

        var run = await EngineProcess.RunAsync(
            ["check", "--migrations", workspace.Migrations, "--provider", "PostgreSql", "--report-dir", reports, "--format", format],
            new Dictionary<string, string?> { ["MIGRATIONS_CONNECTION_STRING"] = connectionString });

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        Assert.Contains(code, run.AllText, run.ToString());
        Assert.DoesNotContain(Secret, run.AllText, run.ToString());
        run.AssertNoStackTrace();
        var files = Directory.Exists(reports) ? Directory.GetFiles(reports, "*", SearchOption.AllDirectories) : [];
        Assert.IsNotEmpty(files, "The failed run wrote no report, so the secret check of the reports proves nothing.");
        foreach (var file in files)
        {
            Assert.DoesNotContain(Secret, await File.ReadAllTextAsync(file), file);
        }
    }

    /// <summary>Malformed strings whose values a client library would quote in its message (a password whose
    /// <c>Password=</c> was forgotten, a misspelt key): MIG0004 names positions and known keys only. The planted
    /// password has capitals, and is looked for ignoring case (Npgsql lower-cases the keys it quotes).</summary>
    [TestMethod]
    [DataRow("Host=127.0.0.1;Username=ci;PlantedPw7x", "part 3 (of 3, separated by ';') has no '='")]
    [DataRow("Host=127.0.0.1;Pasword=PlantedPw7x", "the key of pair 2 is not one Npgsql knows (did you mean Password?)")]
    [DataRow("Host=127.0.0.1;PlantedPw7x=1", "the key of pair 2 is not one Npgsql knows.")]
    [DataRow("Hots=127.0.0.1;Password=PlantedPw7x", "the key of pair 1 is not one Npgsql knows (did you mean Host?)")]
    [DataRow("Host=127.0.0.1;Port=PlantedPw7x", "the value of Port (pair 2) is not valid for Npgsql")]
    [DataRow("Host=127.0.0.1;Password='PlantedPw7x", "it is not a list of key=value pairs separated by ';'")]
    [DataRow("postgres://ci:PlantedPw7x@127.0.0.1/db", "it looks like a URI")]
    [DataRow("PlantedPw7x", "part 1 (of 1, separated by ';') has no '='")]
    public async Task Malformed_connection_string_is_MIG0004_without_any_of_its_values(string connectionString, string reason)
    {
        using var workspace = new CliWorkspace("Healthy");
        var reports = workspace.PathOf("reports");
        foreach (var format in new[] { "text", "json" })
        {
            var run = await EngineProcess.RunAsync(
                ["check", "--migrations", workspace.Migrations, "--provider", "PostgreSql", "--report-dir", reports, "--format", format],
                new Dictionary<string, string?> { ["MIGRATIONS_CONNECTION_STRING"] = connectionString });

            Assert.AreEqual(2, run.ExitCode, run.ToString());
            Assert.Contains("MIG0004", run.AllText, run.ToString());
            if (format == "text")
            {
                Assert.Contains(reason, run.AllText, run.ToString());
            }

            AssertNoPlantedPassword(run.AllText, run.ToString());
            run.AssertNoStackTrace();
        }

        foreach (var file in Directory.GetFiles(reports, "*", SearchOption.AllDirectories))
        {
            AssertNoPlantedPassword(await File.ReadAllTextAsync(file), file);
        }
    }

    [TestMethod]
    public async Task Connection_file_is_read_and_its_password_never_printed()
    {
        using var workspace = new CliWorkspace("Healthy");
        var file = workspace.Write("secret/connection", "Host=127.0.0.2;Port=1;Username=ci;Password=PlantedPw7x;Timeout=2\n");

        var run = await EngineProcess.RunAsync("check", "--migrations", workspace.Migrations, "--provider", "PostgreSql", "--connection-file", file);

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        Assert.Contains("error MIG0005: Cannot connect to the PostgreSQL server at 127.0.0.2:1 as ci", run.AllText, run.ToString());
        AssertNoPlantedPassword(run.AllText, run.ToString());
    }

    [TestMethod]
    public async Task Connection_file_dash_reads_the_first_line_of_standard_input()
    {
        using var workspace = new CliWorkspace("Healthy");
        await using var session = EngineProcess.Start(["check", "--migrations", workspace.Migrations, "--provider", "PostgreSql", "--connection-file", "-"]);
        await session.WriteLineAsync("Host=127.0.0.3;Port=1;Username=ci;Password=PlantedPw7x;Timeout=2");

        var run = await session.WaitForExitAsync(EngineProcess.DefaultTimeout);

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        Assert.Contains("error MIG0005: Cannot connect to the PostgreSQL server at 127.0.0.3:1 as ci", run.AllText, run.ToString());
        AssertNoPlantedPassword(run.AllText, run.ToString());
    }

    [TestMethod]
    public async Task Connection_file_that_does_not_exist_is_MIG0006_naming_the_file()
    {
        using var workspace = new CliWorkspace("Healthy");
        var missing = workspace.PathOf("no-such-secret");

        var run = await EngineProcess.RunAsync("check", "--migrations", workspace.Migrations, "--provider", "PostgreSql", "--connection-file", missing);

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        Assert.Contains($"{missing}(1,1): error MIG0006: --connection-file '{missing}' cannot be read", run.AllText, run.ToString());
        run.AssertNoStackTrace();
    }

    private static void AssertNoPlantedPassword(string text, string context) =>
        Assert.IsFalse(text.Contains("PlantedPw7x", StringComparison.OrdinalIgnoreCase), "The planted password was printed:\n" + context);
}
