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
