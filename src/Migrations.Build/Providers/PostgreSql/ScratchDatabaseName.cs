using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Migrations.Build.Providers.PostgreSql;

/// <summary>Names of scratch databases: <c>migrations_build_&lt;yyyyMMddHHmmss UTC&gt;_&lt;6 random&gt;_&lt;host&gt;_&lt;pid&gt;_&lt;start&gt;</c>
/// (at most 62 bytes: PostgreSQL keeps 63). The name records its owner (<see cref="OwnerProcess"/>: host key, process
/// id and start time in base 36), so it is there from the moment <c>CREATE DATABASE</c> runs: a run killed at any point
/// leaves a database a later run on the same host drops at once, and one on another host after an hour (by the
/// creation time). Names of the older form (<c>…_&lt;8 random&gt;</c>, no owner) are still recognized.</summary>
internal static partial class ScratchDatabaseName
{
    public const string Prefix = "migrations_build_";
    private const string TimestampFormat = "yyyyMMddHHmmss";
    private const string Base36Digits = "0123456789abcdefghijklmnopqrstuvwxyz";

    public static string New(DateTime utcNow) => New(utcNow, OwnerProcess.Current);

    public static string New(DateTime utcNow, OwnerProcess owner) =>
        Prefix + utcNow.ToString(TimestampFormat, CultureInfo.InvariantCulture) + "_" +
        RandomNumberGenerator.GetString(Base36Digits, 6) + "_" + owner.Host + "_" +
        Base36(owner.ProcessId) + "_" + Base36(new DateTimeOffset(owner.StartUtc).ToUnixTimeSeconds());

    /// <summary>True (with the creation time) only for names this class makes; any other database is never ours.</summary>
    public static bool TryParseCreatedAt(string name, out DateTime createdUtc) => TryParse(name, out createdUtc, out _);

    /// <summary>Like <see cref="TryParseCreatedAt"/>, with the owner (null for a name of the older form).</summary>
    public static bool TryParse(string name, out DateTime createdUtc, out OwnerProcess? owner)
    {
        createdUtc = default;
        owner = null;
        var match = ScratchName().Match(name);
        if (!match.Success || !DateTime.TryParseExact(
            match.Groups["created"].Value,
            TimestampFormat,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out createdUtc))
        {
            return false;
        }

        if (match.Groups["host"].Success
            && ParseBase36(match.Groups["pid"].Value) is { } pid and <= int.MaxValue
            && ParseBase36(match.Groups["start"].Value) is { } start and < 253402300800)
        {
            owner = new OwnerProcess(match.Groups["host"].Value, (int)pid, DateTimeOffset.FromUnixTimeSeconds(start).UtcDateTime);
        }

        return true;
    }

    private static string Base36(long value)
    {
        var digits = new Stack<char>();
        do
        {
            digits.Push(Base36Digits[(int)(value % 36)]);
            value /= 36;
        }
        while (value > 0);
        return new string([.. digits]);
    }

    private static long? ParseBase36(string text)
    {
        long value = 0;
        foreach (var digit in text)
        {
            value = checked((value * 36) + Base36Digits.IndexOf(digit, StringComparison.Ordinal));
        }

        return value;
    }

    [GeneratedRegex(@"^migrations_build_(?<created>\d{14})_(?:[a-z0-9]{8}|[a-z0-9]{6}_(?<host>[0-9a-f]{8})_(?<pid>[0-9a-z]{1,6})_(?<start>[0-9a-z]{1,7}))$")]
    private static partial Regex ScratchName();
}
