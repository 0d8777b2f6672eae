using Npgsql;

namespace Migrations.Build.Providers.PostgreSql.Fingerprint;

/// <summary>The schema fingerprint of one scratch database's session: the line count and a hash of every user object's
/// definition, computed by the server; equal fingerprints imply equal reflected schemas. Methods differ in what they
/// print again on a read, so their texts differ: one database always reads the same method.</summary>
internal interface ISchemaFingerprint : IAsyncDisposable
{
    /// <summary>How this fingerprint finds what changed.</summary>
    FingerprintMethod Method { get; }

    /// <summary>Reads the fingerprint of the schema as <paramref name="transaction"/> (the open one, if any) sees it.</summary>
    Task<string> ReadAsync(NpgsqlTransaction? transaction, CancellationToken cancellationToken);

    /// <summary>Told of every statement before it runs: what it may do to the fingerprint's own state (DISCARD drops
    /// temporary tables and prepared statements, RESET ALL resets settings, REINDEX CONCURRENTLY escapes the event
    /// triggers).</summary>
    void Observe(string statementText);

    /// <summary>The schema may have changed where this fingerprint cannot see it (a statement failed outside a
    /// transaction, e.g. a CREATE INDEX CONCURRENTLY that left an invalid index): the next read must not trust what
    /// was kept.</summary>
    void Invalidate();
}
