namespace Migrations.Build.Providers.PostgreSql;

/// <summary>The operating-system account the temporary server runs as.</summary>
/// <remarks>
/// initdb and postgres refuse to run as root. When this process is root (CI containers, this build machine), the
/// server tools are started through <c>runuser -u USER --</c> (or <c>setpriv</c> where runuser is missing) as an
/// unprivileged account, chosen in this order: <c>postgres</c> (created by distribution packages), <c>nobody</c>,
/// else a system account <c>migrations-build</c> created once with <c>useradd --system</c>. The cluster folder is
/// chowned to that account; root can still reach the Unix socket. Not root: the tools run as the current user.
/// </remarks>
internal sealed record ServerAccount(string? UserName, string? GroupId = null)
{
    public const string CreatedUserName = "migrations-build";

    public static ServerAccount CurrentUser { get; } = new(null, null);

    public bool SwitchesUser => UserName is not null;

    /// <summary>True when this process runs with effective user id 0.</summary>
    public static bool IsRoot =>
        !OperatingSystem.IsWindows() && Environment.UserName is "root" or "0";

    public static async Task<ServerAccount> ResolveAsync(CancellationToken cancellationToken)
    {
        if (!IsRoot)
        {
            return CurrentUser;
        }

        foreach (var name in new[] { "postgres", "nobody", CreatedUserName })
        {
            if (await ExternalCommand.SucceedsAsync("id", ["-u", name], cancellationToken).ConfigureAwait(false))
            {
                return await WithGroupAsync(name, cancellationToken).ConfigureAwait(false);
            }
        }

        var created = await ExternalCommand.SucceedsAsync(
            "useradd",
            ["--system", "--no-create-home", "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", CreatedUserName],
            cancellationToken).ConfigureAwait(false);
        if (!created)
        {
            throw new ProviderSetupException(
                Diagnostics.DiagnosticCodes.ScratchDatabaseFailed,
                "PostgreSQL refuses to run as root, and no unprivileged account (postgres, nobody) exists or could be created " +
                $"('useradd --system {CreatedUserName}' failed). Run the build as a normal user, or set MigrationsConnectionString to a server.");
        }

        return await WithGroupAsync(CreatedUserName, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<ServerAccount> WithGroupAsync(string name, CancellationToken cancellationToken)
    {
        var group = await ExternalCommand.RunAsync("id", ["-g", name], null, TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
        return new ServerAccount(name, group.Succeeded ? group.StandardOutput.Trim() : null);
    }

    /// <summary>The program and arguments that run <paramref name="program"/> as this account.</summary>
    public (string FileName, List<string> Arguments) Command(string program, IEnumerable<string> arguments)
    {
        if (UserName is null)
        {
            return (program, arguments.ToList());
        }

        if (File.Exists("/usr/sbin/runuser") || File.Exists("/sbin/runuser") || File.Exists("/usr/bin/runuser"))
        {
            return ("runuser", ["-u", UserName, "--", program, .. arguments]);
        }

        return ("setpriv", ["--reuid", UserName, "--regid", GroupId ?? UserName, "--clear-groups", "--", program, .. arguments]);
    }

    /// <summary>Gives the account ownership of a folder it must write to (only needed when switching user).</summary>
    public async Task TakeOwnershipAsync(string directory, CancellationToken cancellationToken)
    {
        if (UserName is null)
        {
            return;
        }

        var result = await ExternalCommand.RunAsync("chown", ["-R", UserName + ":", directory], null, TimeSpan.FromSeconds(30), cancellationToken)
            .ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new ProviderSetupException(
                Diagnostics.DiagnosticCodes.ScratchDatabaseFailed,
                $"Could not give the temporary PostgreSQL folder to the account '{UserName}': {result.Output}");
        }
    }
}
