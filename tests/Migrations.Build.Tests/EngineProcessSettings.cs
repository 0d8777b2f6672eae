using Migrations.Build.Cli;
using Migrations.Build.Providers.PostgreSql;

namespace Migrations.Build.Tests;

/// <summary>Runs the tests with the settings the engine's process sets for itself in <c>Program.Main</c>, so what runs
/// in this process runs as it does in the engine (socket continuations inline: nothing may block on a socket).</summary>
/// <remarks>PostgreSQL without a connection string uses a throwaway cluster here (this process's and every engine it
/// starts), which the tests remove; <c>WarmClusterTests</c> test the warm cluster in folders of their own.</remarks>
[TestClass]
public static class EngineProcessSettings
{
    [AssemblyInitialize]
    public static void Apply(TestContext context)
    {
        InlineSocketCompletions.Enable();
        Environment.SetEnvironmentVariable(WarmCluster.DisableVariable, "temporary");
    }
}
