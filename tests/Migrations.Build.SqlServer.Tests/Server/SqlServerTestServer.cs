namespace Migrations.Build.SqlServer.Tests.Server;

/// <summary>The SQL Server the server tests run on: <see cref="Variable"/> (a connection string to a server on which
/// databases may be created, e.g. a CI service container). No SQL Server can run on the development machines, so
/// without it those tests are inconclusive, with this reason, never a silent pass.</summary>
internal static class SqlServerTestServer
{
    public const string Variable = "MIGRATIONS_TEST_SQLSERVER";

    public static string ConnectionString
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(Variable);
            if (string.IsNullOrWhiteSpace(value))
            {
                Assert.Inconclusive($"No SQL Server: {Variable} is not set (a connection string to a server where test databases may be created, e.g. a mcr.microsoft.com/mssql/server service container).");
            }

            return value!;
        }
    }
}
