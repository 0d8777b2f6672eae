namespace Migrations.Build.Migrations;

/// <summary>A migration version: digits compared numerically (so 2 &lt; 10 and 14-digit timestamps work), optionally in
/// parts separated by dots or underscores as Flyway writes them (<c>1.1</c>, <c>1_1</c>), compared part by part;
/// the text is kept as written.</summary>
/// <remarks>As in Flyway, missing parts count as zero: <c>1</c>, <c>1.0</c> and <c>001_0</c> are the same version.</remarks>
public readonly record struct MigrationVersion(string Text) : IComparable<MigrationVersion>
{
    private static readonly char[] Separators = ['.', '_'];

    /// <summary>The parts without leading zeros or trailing zero parts, joined by dots: <c>0001</c> and <c>1.0</c> are <c>1</c>.</summary>
    public string Normalized => string.Join('.', Parts());

    public static bool TryParse(string text, out MigrationVersion version)
    {
        version = new MigrationVersion(text);
        return text.Length > 0 && text.Split(Separators).All(part => part.Length > 0 && part.All(char.IsAsciiDigit));
    }

    public int CompareTo(MigrationVersion other)
    {
        var mine = Parts();
        var theirs = other.Parts();
        for (var i = 0; i < Math.Max(mine.Count, theirs.Count); i++)
        {
            var a = i < mine.Count ? mine[i] : "0";
            var b = i < theirs.Count ? theirs[i] : "0";
            var order = a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);
            if (order != 0)
            {
                return order;
            }
        }

        return 0;
    }

    public bool Equals(MigrationVersion other) => Normalized == other.Normalized;

    public override int GetHashCode() => Normalized.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Text;

    /// <summary>Each part's digits without leading zeros ("0" for zero), trailing zero parts dropped (at least one part).</summary>
    private List<string> Parts()
    {
        var parts = (Text ?? string.Empty).Split(Separators)
            .Select(part => part.TrimStart('0') is { Length: > 0 } trimmed ? trimmed : "0")
            .ToList();
        while (parts.Count > 1 && parts[^1] == "0")
        {
            parts.RemoveAt(parts.Count - 1);
        }

        return parts;
    }

    public static bool operator <(MigrationVersion left, MigrationVersion right) => left.CompareTo(right) < 0;

    public static bool operator >(MigrationVersion left, MigrationVersion right) => left.CompareTo(right) > 0;

    public static bool operator <=(MigrationVersion left, MigrationVersion right) => left.CompareTo(right) <= 0;

    public static bool operator >=(MigrationVersion left, MigrationVersion right) => left.CompareTo(right) >= 0;
}
