namespace Migrations.Build.Providers.PostgreSql;

/// <summary>How a scratch database finds its schema fingerprint (<see cref="PostgreSqlScratchDatabase.ReadFingerprintAsync(CancellationToken)"/>).</summary>
internal enum FingerprintMethod
{
    /// <summary>Every object printed on each read (<see cref="WholeSchemaFingerprint"/>).</summary>
    Whole,

    /// <summary>Only objects whose catalog rows changed since the previous read, found by scanning the catalogs' xmins
    /// (<c>SchemaFingerprint.sql</c>).</summary>
    Scanned,

    /// <summary>Only objects the DDL commands since the previous read touched, as event triggers recorded them
    /// (<c>SchemaFingerprintTracked.sql</c>).</summary>
    Tracked,
}
