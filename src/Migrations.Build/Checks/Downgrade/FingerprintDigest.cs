using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Migrations.Build.Checks.Downgrade;

/// <summary>A short stand-in for a schema fingerprint, so a pass can keep one per migration: SQLite's fingerprint is
/// the whole stored schema text, and a thousand of those would hold gigabytes.</summary>
internal static class FingerprintDigest
{
    /// <summary>Short fingerprints are kept as they are; longer ones become their 128-bit XxHash.</summary>
    public static string Of(string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        return fingerprint.Length <= 64
            ? fingerprint
            : "xxh128:" + Convert.ToHexString(XxHash128.Hash(MemoryMarshal.AsBytes(fingerprint.AsSpan())));
    }
}
