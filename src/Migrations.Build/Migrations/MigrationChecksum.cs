using System.Security.Cryptography;

namespace Migrations.Build.Migrations;

/// <summary>The checksum recorded in migrations.lock: SHA-256 (lower-case hex) of the up and down files' bytes.</summary>
/// <remarks>A UTF-8 BOM is removed and CRLF becomes LF first, so a checkout with other line endings does not count as
/// an edit. The down part follows a NUL byte (never in a text file), so moving text between up and down changes it.</remarks>
internal static class MigrationChecksum
{
    public static string Compute(byte[] up, byte[]? down)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Normalize(up));
        if (down is not null)
        {
            hash.AppendData([0]);
            hash.AppendData(Normalize(down));
        }

        return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }

    private static byte[] Normalize(byte[] bytes)
    {
        var start = bytes.AsSpan().StartsWith((byte[])[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var result = new List<byte>(bytes.Length - start);
        for (var i = start; i < bytes.Length; i++)
        {
            if (bytes[i] == '\r' && i + 1 < bytes.Length && bytes[i + 1] == '\n')
            {
                continue;
            }

            result.Add(bytes[i]);
        }

        return [.. result];
    }
}
