using Microsoft.Data.SqlClient;
using Migrations.Build.Providers.PostgreSql;

namespace Migrations.Build.SqlServer.Server;

/// <summary>Drops SQL Server scratch databases: one of this run, or those earlier runs left behind (only names made
/// by <see cref="ScratchDatabaseName"/> and older than an hour, so a build running at the same moment keeps its own).</summary>
internal static class ScratchDatabaseSweeper
{
    public static readonly TimeSpan StaleAfter = TimeSpan.FromHours(1);

    public static async Task<IReadOnlyList<string>> SweepAsync(SqlConnection master, DateTime utcNow, CancellationToken cancellationToken)
    {
        var stale = new List<string>();
        await using (var command = new SqlCommand(@"SELECT name FROM sys.databases WHERE name LIKE 'migrations[_]build[_]%'", master))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var name = reader.GetString(0);
                if (ScratchDatabaseName.TryParseCreatedAt(name, out var created) && utcNow - created > StaleAfter)
                {
                    stale.Add(name);
                }
            }
        }

        var dropped = new List<string>();
        foreach (var name in stale)
        {
            try
            {
                await DropAsync(master, name, cancellationToken).ConfigureAwait(false);
                dropped.Add(name);
            }
            catch (SqlException)
            {
                // Not ours to drop (no permission) or already gone: not worth failing the build for.
            }
        }

        return dropped;
    }

    /// <summary>Drops a database even while sessions are connected to it (SINGLE_USER ends them).</summary>
    public static async Task DropAsync(SqlConnection master, string name, CancellationToken cancellationToken)
    {
        var quoted = Quote(name);
        var text = $"IF DB_ID(@name) IS NOT NULL BEGIN ALTER DATABASE {quoted} SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE {quoted}; END";
        await using var drop = new SqlCommand(text, master);
        drop.Parameters.AddWithValue("@name", name);
        await drop.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public static string Quote(string name) => "[" + name.Replace("]", "]]", StringComparison.Ordinal) + "]";
}
