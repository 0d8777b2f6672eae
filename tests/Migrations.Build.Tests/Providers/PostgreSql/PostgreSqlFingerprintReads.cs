using Migrations.Build.Providers.PostgreSql;
using Migrations.Build.Providers.PostgreSql.Fingerprint;

namespace Migrations.Build.Tests.Providers.PostgreSql;

/// <summary>What the tests ask of a scratch database's fingerprint.</summary>
internal static class PostgreSqlFingerprintReads
{
    /// <summary>How many of the database's fingerprint reads printed every object again (none for the whole
    /// fingerprint, which is not an incremental one).</summary>
    public static int FullFingerprintReads(this PostgreSqlScratchDatabase database) =>
        (database.Fingerprint as IncrementalSchemaFingerprint)?.FullReads ?? 0;
}
