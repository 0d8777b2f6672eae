using System.CommandLine;
using Migrations.Build.Providers.PostgreSql;

namespace Migrations.Build.Cli;

/// <summary><c>postgres-keeper</c> (hidden): the process that stops this user's warm PostgreSQL cluster once it has
/// been idle (see <see cref="WarmClusterKeeper"/>); checks start it, a person never needs to.</summary>
public static class PostgresKeeperCommand
{
    public static Command Create()
    {
        var root = new Option<string>("--root") { Required = true, Description = "The warm cluster's folder." };
        var bin = new Option<string>("--bin") { Required = true, Description = "The server binaries' folder." };
        var idle = new Option<int>("--idle") { Required = true, Description = "Seconds without a check before the server stops." };
        var command = new Command(WarmClusterKeeper.CommandName, "Stop the warm PostgreSQL cluster once it has been idle.") { root, bin, idle };
        command.Hidden = true;
        command.SetAction((parsed, cancellationToken) => WarmClusterKeeper.RunAsync(
            parsed.GetValue(root)!, parsed.GetValue(bin)!, TimeSpan.FromSeconds(Math.Max(1, parsed.GetValue(idle))), cancellationToken));
        return command;
    }
}
