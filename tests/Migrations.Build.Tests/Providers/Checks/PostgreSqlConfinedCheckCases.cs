using Migrations.Build.Providers;
using Migrations.Build.Tests.Providers.PostgreSql;

namespace Migrations.Build.Tests.Providers.Checks;

/// <summary>The shared check cases on the engine's own cluster as it uses it by default: every migration and model
/// statement runs as the unprivileged runner role and is judged by the confinement first, so legitimate migrations
/// must still be checked exactly as on a superuser's server.</summary>
[TestClass]
public sealed class PostgreSqlConfinedCheckCases : CheckCases
{
    [ClassInitialize]
    public static Task StartServer(TestContext context) => PostgreSqlTestServer.AcquireAsync();

    [ClassCleanup]
    public static Task StopServer() => PostgreSqlTestServer.ReleaseAsync();

    protected override IDatabaseProvider Provider => PostgreSqlTestServer.ConfinedProvider;

    protected override string CreateTrigger => PostgreSqlCheckCases.Trigger;

    protected override string DropTrigger => PostgreSqlCheckCases.TriggerDrop;
}
