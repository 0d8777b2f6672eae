using Migrations.Build.Providers.PostgreSql;
using Migrations.Build.Providers.PostgreSql.Fingerprint;
using static Migrations.Build.Tests.Providers.PostgreSql.PostgreSqlTestServer;

namespace Migrations.Build.Tests.Providers.PostgreSql;

/// <summary>Every fingerprint script is what it says: a file psql runs on its own, as embedded, with nothing spliced in.</summary>
[TestClass]
public sealed class PostgreSqlFingerprintScriptTests
{
    [ClassInitialize]
    public static Task StartServer(TestContext context) => AcquireAsync();

    [ClassCleanup]
    public static Task StopServer() => ReleaseAsync();

    [TestMethod]
    public void Every_embedded_fingerprint_script_is_listed()
    {
        var embedded = typeof(FingerprintScripts).Assembly.GetManifestResourceNames()
            .Where(r => r.Contains(".PostgreSql.Fingerprint.", StringComparison.Ordinal))
            .Select(r => r[(r.IndexOf(".PostgreSql.Fingerprint.", StringComparison.Ordinal) + ".PostgreSql.Fingerprint.".Length)..])
            .Order(StringComparer.Ordinal)
            .ToList();

        CollectionAssert.AreEqual(FingerprintScripts.All.Order(StringComparer.Ordinal).ToList(), embedded);
    }

    [TestMethod]
    public async Task Each_fingerprint_script_runs_in_psql_on_its_own()
    {
        foreach (var script in FingerprintScripts.All)
        {
            await using var database = (PostgreSqlScratchDatabase)await Provider.CreateScratchDatabaseAsync("test", CancellationToken.None);
            var result = await PsqlAsync(database.Name, [script]);

            Assert.IsTrue(result.Succeeded, $"psql -f {script}: {result.Output}");
        }
    }

    [TestMethod]
    [DataRow(FingerprintScripts.Tracked, "migrations_build_fingerprint_tracked")]
    [DataRow(FingerprintScripts.Scanned, "migrations_build_fingerprint_scanned")]
    public async Task A_read_function_installed_by_psql_reads_the_fingerprint(string script, string function)
    {
        await using var database = (PostgreSqlScratchDatabase)await Provider.CreateScratchDatabaseAsync("test", CancellationToken.None);
        string[] scripts = script == FingerprintScripts.Tracked
            ? [FingerprintScripts.Tracking, FingerprintScripts.State, FingerprintScripts.Reread, script]
            : [FingerprintScripts.State, FingerprintScripts.Reread, script];

        var result = await PsqlAsync(database.Name, scripts, $"SELECT fingerprint_text FROM pg_temp.{function}(true)");

        Assert.IsTrue(result.Succeeded, result.Output);
        StringAssert.Matches(result.StandardOutput.Trim(), new System.Text.RegularExpressions.Regex("^[0-9]+ [0-9a-f]{32}$"));
    }

    /// <summary>Runs psql in one session on the database: each script as a file (-f), then the query (-c).</summary>
    private static async Task<CommandResult> PsqlAsync(string database, IEnumerable<string> scripts, string? query = null)
    {
        var binaries = await ServerBinaries.FindAsync(CancellationToken.None);
        var psql = binaries is null ? null : Path.Combine(binaries.Directory, OperatingSystem.IsWindows() ? "psql.exe" : "psql");
        if (psql is null || !File.Exists(psql))
        {
            CannotRun("psql was not found beside the server binaries.");
        }

        var folder = Directory.CreateTempSubdirectory("mb-fingerprint-sql-");
        try
        {
            var settings = Provider.Settings;
            var arguments = new List<string> { "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", settings.Host!, "-p", settings.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", settings.Username!, "-d", database };
            foreach (var script in scripts)
            {
                var file = Path.Combine(folder.FullName, script);
                await File.WriteAllTextAsync(file, FingerprintScripts.Text(script));
                arguments.AddRange(["-f", file]);
            }

            if (query is not null)
            {
                arguments.AddRange(["-c", query]);
            }

            return await ExternalCommand.RunAsync(psql!, arguments, null, TimeSpan.FromMinutes(2), CancellationToken.None);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
