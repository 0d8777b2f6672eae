namespace Migrations.Build.Providers.PostgreSql.Fingerprint;

/// <summary>How a scratch database finds its schema fingerprint (chosen by <see cref="SchemaFingerprintFactory"/>).</summary>
internal enum FingerprintMethod
{
    /// <summary>Every object printed on each read (<see cref="WholeSchemaFingerprint"/>).</summary>
    Whole,

    /// <summary>Only objects whose catalog rows changed since the previous read, found by scanning the catalogs' xmins
    /// (<c>Scanned.sql</c>).</summary>
    Scanned,

    /// <summary>Only objects the DDL commands since the previous read touched, as event triggers recorded them
    /// (<c>Tracked.sql</c>).</summary>
    Tracked,
}
