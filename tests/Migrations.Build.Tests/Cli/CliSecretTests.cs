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
}
