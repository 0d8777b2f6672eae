using Migrations.Build.Providers;
using Migrations.Build.Tests.Providers.PostgreSql;

namespace Migrations.Build.Tests.Providers.Checks;

[TestClass]
public sealed class PostgreSqlCheckCases : CheckCases
{
    [ClassInitialize]
    public static Task StartServer(TestContext context) => PostgreSqlTestServer.AcquireAsync();

    [ClassCleanup]
    public static Task StopServer() => PostgreSqlTestServer.ReleaseAsync();

    protected override IDatabaseProvider Provider => PostgreSqlTestServer.Provider;

    /// <summary>A PL/pgSQL trigger function and its trigger (shared with <see cref="PostgreSqlConfinedCheckCases"/>).</summary>
    internal const string Trigger =
        "CREATE FUNCTION lower_email() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n    NEW.email := lower(NEW.email);\n    RETURN NEW;\nEND;\n$$;\n" +
        "CREATE TRIGGER trg_users_audit BEFORE INSERT ON users FOR EACH ROW EXECUTE FUNCTION lower_email();\n";

    internal const string TriggerDrop = "DROP TRIGGER trg_users_audit ON users;\nDROP FUNCTION lower_email();\n";

    protected override string CreateTrigger => Trigger;

    protected override string DropTrigger => TriggerDrop;
}
