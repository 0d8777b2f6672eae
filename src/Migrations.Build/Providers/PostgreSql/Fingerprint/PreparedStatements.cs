using System.Text.RegularExpressions;
using Npgsql;

namespace Migrations.Build.Providers.PostgreSql.Fingerprint;

/// <summary>What a statement may do to the session the fingerprint keeps its prepared statements and state in.</summary>
internal static partial class PreparedStatements
{
    /// <summary>Whether a statement may drop this session's temporary tables, deallocate its prepared statements or
    /// reset its settings (DISCARD, DROP OWNED, RESET ALL, anything naming pg_temp or this fingerprint's objects).</summary>
    public static bool MayBeGoneAfter(string statementText) => DropsSessionState().IsMatch(statementText);

    /// <summary>DISCARD ALL deallocates the prepared statements, which the client library does not notice: forgets them
    /// on the client too, so they are prepared again.</summary>
    public static Task ForgetAllAsync(NpgsqlConnection connection) =>
        // Synchronous in Npgsql: on the thread pool, never on a socket thread (see Cli.InlineSocketCompletions).
        Task.Run(connection.UnprepareAll);

    [GeneratedRegex(@"\b(DISCARD|DROP\s+OWNED|RESET\s+ALL)\b|pg_temp|migrations_build", RegexOptions.IgnoreCase)]
    private static partial Regex DropsSessionState();
}
