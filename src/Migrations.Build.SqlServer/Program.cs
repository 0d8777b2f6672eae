using Migrations.Build.Providers;
using Migrations.Build.SqlServer.Server;

namespace Migrations.Build.SqlServer;

/// <summary>Entry point of the SQL Server add-on: the engine's own program with the SQL Server provider plugged into
/// its registry. The targets run this program instead of the engine when <c>MigrationsProvider</c> is SQL Server, so
/// SQLite and PostgreSQL checks never load DacFx.</summary>
public static class SqlServerAddOn
{
    public static Task<int> Main(string[] args)
    {
        ProviderRegistry.Plug("SqlServer", SqlServerProvider.CreateAsync, SqlServerCheck.RunAsync);
        return Cli.Program.Main(args);
    }
}
