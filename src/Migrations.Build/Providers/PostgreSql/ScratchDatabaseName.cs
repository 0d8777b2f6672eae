using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Migrations.Build.Providers.PostgreSql;

/// <summary>Names of scratch databases: <c>migrations_build_&lt;yyyyMMddHHmmss UTC&gt;_&lt;8 random&gt;</c>. The creation time
/// in the name lets a later run recognize and drop databases a crashed run left behind.</summary>
internal static partial class ScratchDatabaseName
{
    public const string Prefix = "migrations_build_";
    private const string TimestampFormat = "yyyyMMddHHmmss";

    public static string New(DateTime utcNow) =>
        Prefix + utcNow.ToString(TimestampFormat, CultureInfo.InvariantCulture) + "_" +
        RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 8);

    /// <summary>True (with the creation time) only for names this class makes; any other database is never ours.</summary>
    public static bool TryParseCreatedAt(string name, out DateTime createdUtc)
    {
        createdUtc = default;
        var match = ScratchName().Match(name);
        return match.Success && DateTime.TryParseExact(
            match.Groups["created"].Value,
            TimestampFormat,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out createdUtc);
    }

    [GeneratedRegex(@"^migrations_build_(?<created>\d{14})_[a-z0-9]{8}$")]
    private static partial Regex ScratchName();
}
