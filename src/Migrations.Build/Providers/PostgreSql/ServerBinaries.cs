using System.Text.RegularExpressions;

namespace Migrations.Build.Providers.PostgreSql;

/// <summary>A folder holding PostgreSQL's server programs (<c>initdb</c>, <c>pg_ctl</c>, <c>postgres</c>).</summary>
internal sealed partial record ServerBinaries(string Directory)
{
    /// <summary>What to tell a user who has neither binaries nor a server.</summary>
    public const string InstallAdvice =
        "PostgreSQL server binaries (initdb, pg_ctl) were not found, so no temporary server can be started. " +
        "Install them (Debian/Ubuntu: 'apt-get install postgresql'; Fedora/RHEL: 'dnf install postgresql-server'; " +
        "macOS: 'brew install postgresql@16'; Windows: the EDB installer from https://www.postgresql.org/download/), " +
        "or point MigrationsConnectionString (or the environment variable MIGRATIONS_CONNECTION_STRING) " +
        "at a PostgreSQL server where the user may create databases.";

    private static string Executable(string name) => OperatingSystem.IsWindows() ? name + ".exe" : name;

    public string InitDb => Path.Combine(Directory, Executable("initdb"));

    public string PgCtl => Path.Combine(Directory, Executable("pg_ctl"));

    /// <summary>Looks in order: <c>pg_config --bindir</c>, PATH, Debian's <c>/usr/lib/postgresql/*/bin</c> (highest
    /// version), RHEL's <c>/usr/pgsql-*/bin</c>, Homebrew, Windows' Program Files; null when none has initdb and pg_ctl.</summary>
    public static async Task<ServerBinaries?> FindAsync(CancellationToken cancellationToken)
    {
        foreach (var directory in await CandidatesAsync(cancellationToken).ConfigureAwait(false))
        {
            var candidate = new ServerBinaries(directory);
            if (File.Exists(candidate.InitDb) && File.Exists(candidate.PgCtl))
            {
                return candidate;
            }
        }

        return null;
    }

    private static async Task<List<string>> CandidatesAsync(CancellationToken cancellationToken)
    {
        var candidates = new List<string>();
        var pgConfig = FindOnPath(Executable("pg_config"));
        if (pgConfig is not null)
        {
            try
            {
                var result = await ExternalCommand.RunAsync(pgConfig, ["--bindir"], null, TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
                if (result.Succeeded && result.StandardOutput.Trim() is { Length: > 0 } bindir)
                {
                    candidates.Add(bindir);
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // pg_config is listed but not runnable: the other places may still have the server.
            }
        }

        if (FindOnPath(Executable("initdb")) is { } initdb)
        {
            candidates.Add(Path.GetDirectoryName(initdb)!);
        }

        candidates.AddRange(ByVersionDescending("/usr/lib/postgresql", "*", "bin"));
        candidates.AddRange(ByVersionDescending("/usr", "pgsql-*", "bin"));
        candidates.AddRange(ByVersionDescending("/opt/homebrew/opt", "postgresql*", "bin"));
        candidates.AddRange(ByVersionDescending("/usr/local/opt", "postgresql*", "bin"));
        if (OperatingSystem.IsWindows())
        {
            var programFiles = Environment.GetFolderPath(Environment.SpecialFolder.ProgramFiles);
            candidates.AddRange(ByVersionDescending(Path.Combine(programFiles, "PostgreSQL"), "*", "bin"));
        }

        return candidates;
    }

    /// <summary>The first file named <paramref name="fileName"/> in a folder of PATH, or null.</summary>
    internal static string? FindOnPath(string fileName)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, fileName))
            .FirstOrDefault(File.Exists);
    }

    private static IEnumerable<string> ByVersionDescending(string parent, string pattern, string child)
    {
        if (!System.IO.Directory.Exists(parent))
        {
            return [];
        }

        return System.IO.Directory.GetDirectories(parent, pattern)
            .OrderByDescending(VersionOf)
            .ThenByDescending(d => d, StringComparer.Ordinal)
            .Select(d => Path.Combine(d, child));
    }

    /// <summary>The first number in a folder name: <c>15</c>, <c>postgresql@16</c>, <c>pgsql-14</c>, <c>9.6</c>.</summary>
    private static double VersionOf(string directory)
    {
        var match = VersionNumber().Match(Path.GetFileName(directory));
        return match.Success && double.TryParse(match.Value, System.Globalization.CultureInfo.InvariantCulture, out var version) ? version : 0;
    }

    [GeneratedRegex(@"\d+(\.\d+)?")]
    private static partial Regex VersionNumber();
}
