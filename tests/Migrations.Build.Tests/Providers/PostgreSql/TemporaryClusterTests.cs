using Migrations.Build.Diagnostics;
using Migrations.Build.Providers;
using Migrations.Build.Providers.PostgreSql;
using Npgsql;

namespace Migrations.Build.Tests.Providers.PostgreSql;

[TestClass]
public sealed class TemporaryClusterTests
{
    [TestMethod]
    public async Task A_cluster_starts_on_a_private_socket_and_its_folder_is_removed_when_disposed()
    {
        TemporaryCluster cluster;
        try
        {
            cluster = await TemporaryCluster.StartAsync(CancellationToken.None);
        }
        catch (ProviderSetupException exception) when (exception.Descriptor == DiagnosticCodes.EngineNotInstalled)
        {
            PostgreSqlTestServer.CannotRun(exception.Message);
            return;
        }

        var root = cluster.RootDirectory;
        await using (cluster)
        {
            Assert.IsTrue(Directory.Exists(Path.Combine(root, "data")));
            await using var connection = new NpgsqlConnection(cluster.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT current_setting('listen_addresses') || '|' || current_setting('fsync')", connection);
            var settings = (string?)await command.ExecuteScalarAsync();
            Assert.AreEqual(OperatingSystem.IsWindows() ? "127.0.0.1|off" : "|off", settings);
        }

        Assert.IsFalse(Directory.Exists(root), $"{root} should be deleted");
    }

    [TestMethod]
    public void The_install_advice_names_the_packages_and_the_connection_string_setting()
    {
        StringAssert.Contains(ServerBinaries.InstallAdvice, "apt-get install postgresql");
        StringAssert.Contains(ServerBinaries.InstallAdvice, "brew install postgresql@16");
        StringAssert.Contains(ServerBinaries.InstallAdvice, "MigrationsConnectionString");
        StringAssert.Contains(ServerBinaries.InstallAdvice, "MIGRATIONS_CONNECTION_STRING");
    }
}

[TestClass]
public sealed class OrphanedClusterSweeperTests
{
    [TestMethod]
    public async Task A_cluster_left_running_by_a_killed_engine_is_stopped_and_deleted_by_the_next_start()
    {
        var (binaries, account) = await ToolsAsync();
        var cluster = await TemporaryCluster.StartAsync(CancellationToken.None);
        await using (cluster)
        {
            Assert.AreEqual($"{Environment.ProcessId} ", File.ReadAllText(Path.Combine(cluster.RootDirectory, "owner"))[..($"{Environment.ProcessId} ".Length)]);
            File.WriteAllText(Path.Combine(cluster.RootDirectory, "owner"), $"{await ExitedProcessIdAsync()} 638000000000000000\n");

            var swept = await TemporaryCluster.SweepOrphansAsync(binaries, account);

            CollectionAssert.Contains(swept.ToList(), cluster.RootDirectory);
            Assert.IsFalse(Directory.Exists(cluster.RootDirectory));
            await using var connection = new NpgsqlConnection(cluster.ConnectionString);
            await Assert.ThrowsAsync<NpgsqlException>(() => connection.OpenAsync(), "the orphan's server still accepts connections");
        }
    }

    [TestMethod]
    public async Task A_cluster_whose_engine_is_running_is_left_alone()
    {
        var (binaries, account) = await ToolsAsync();
        await using var cluster = await TemporaryCluster.StartAsync(CancellationToken.None);

        var swept = await TemporaryCluster.SweepOrphansAsync(binaries, account);

        CollectionAssert.DoesNotContain(swept.ToList(), cluster.RootDirectory);
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
    }

    [TestMethod]
    [DataRow(null, 0, false)]
    [DataRow(null, 2, true)]
    [DataRow("not an owner", 0, false)]
    [DataRow("not an owner", 2, true)]
    public void A_folder_without_a_readable_owner_is_an_orphan_only_after_an_hour(string? owner, int hoursOld, bool orphan)
    {
        var folder = Directory.CreateTempSubdirectory("mb-pg-test-").FullName;
        try
        {
            if (owner is not null)
            {
                File.WriteAllText(Path.Combine(folder, "owner"), owner);
            }

            Assert.AreEqual(orphan, OrphanedClusterSweeper.IsOrphan(folder, DateTime.UtcNow.AddHours(hoursOld)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(ServerBinaries Binaries, ServerAccount Account)> ToolsAsync()
    {
        var binaries = await ServerBinaries.FindAsync(CancellationToken.None);
        if (binaries is null)
        {
            PostgreSqlTestServer.CannotRun(ServerBinaries.InstallAdvice);
        }

        return (binaries!, await ServerAccount.ResolveAsync(CancellationToken.None));
    }

    private static async Task<int> ExitedProcessIdAsync()
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("true") { UseShellExecute = false })!;
        await process.WaitForExitAsync();
        return process.Id;
    }
}
