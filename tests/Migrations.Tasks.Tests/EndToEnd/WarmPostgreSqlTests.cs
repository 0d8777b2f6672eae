using System.Diagnostics;
using System.Globalization;

namespace Migrations.Tasks.Tests.EndToEnd;

/// <summary>Without a connection string, the second build's check runs on the PostgreSQL server the first one started
/// (in a cache folder of this test's), not on a new cluster.</summary>
[TestClass]
public sealed class WarmPostgreSqlTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void A_later_build_checks_on_the_server_the_first_one_started()
    {
        if (!Directory.Exists("/usr/lib/postgresql") || !Directory.EnumerateDirectories("/usr/lib/postgresql").Any(d => File.Exists(Path.Combine(d, "bin", "initdb"))))
        {
            TestEnvironment.CannotRun("PostgreSQL server binaries are not installed (apt-get install postgresql, or scripts/install-postgres.sh).");
        }

        var cache = Path.Combine("/tmp", "mb-warm-e2e-" + Guid.NewGuid().ToString("N")[..8]);
        var copy = SampleCopy.Create("Healthy.PostgreSql", TestContext.TestName!);
        copy.Environment["MIGRATIONS_POSTGRES_CLUSTER"] = "warm";
        copy.Environment["MIGRATIONS_POSTGRES_CACHE"] = cache;
        try
        {
            var first = copy.Build();
            Assert.AreEqual(0, first.ExitCode, first.ToString());
            var server = PostmasterId(cache);

            // Another setting with the same meaning: the check runs again (not skipped as up to date).
            var second = copy.Build("-p:MigrationsDowngradeCheck=Last:3");

            Assert.AreEqual(0, second.ExitCode, second.ToString());
            Assert.Contains("Migrations: 3 migrations on PostgreSQL — upgrade ok, drift 0, downgrades 3/3 proven", second.Output, second.ToString());
            Assert.AreEqual(server, PostmasterId(cache), "the second check used the running server");
        }
        finally
        {
            Stop(cache);
        }
    }

    private static string PidFile(string cache) => Directory.EnumerateFiles(cache, "postmaster.pid", SearchOption.AllDirectories).Single();

    private static int PostmasterId(string cache) => int.Parse(File.ReadLines(PidFile(cache)).First(), CultureInfo.InvariantCulture);

    /// <summary>A smart shutdown (SIGTERM), as an idle keeper would; then the folder goes.</summary>
    private static void Stop(string cache)
    {
        if (Directory.Exists(cache) && Directory.EnumerateFiles(cache, "postmaster.pid", SearchOption.AllDirectories).Any())
        {
            var pidFile = PidFile(cache);
            using (var kill = Process.Start("kill", ["-TERM", PostmasterId(cache).ToString(CultureInfo.InvariantCulture)]))
            {
                kill.WaitForExit();
            }

            var waited = Stopwatch.StartNew();
            while (File.Exists(pidFile) && waited.Elapsed < TimeSpan.FromMinutes(5))
            {
                Thread.Sleep(100);
            }
        }

        if (Directory.Exists(cache))
        {
            Directory.Delete(cache, recursive: true);
        }
    }
}
