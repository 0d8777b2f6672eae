namespace Migrations.Build.Migrations;

/// <summary>A migration version: digits compared numerically (so 2 &lt; 10 and 14-digit timestamps work), text kept as written.</summary>
public readonly record struct MigrationVersion(string Text) : IComparable<MigrationVersion>
{
    /// <summary>The digits without leading zeros: <c>0001</c> and <c>1</c> are the same version.</summary>
    public string Normalized => Text.TrimStart('0') is { Length: > 0 } trimmed ? trimmed : "0";

    public static bool TryParse(string text, out MigrationVersion version)
    {
        version = new MigrationVersion(text);
        return text.Length > 0 && text.All(char.IsAsciiDigit);
    }

    public int CompareTo(MigrationVersion other)
    {
        var a = Normalized;
        var b = other.Normalized;
        return a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);
    }

    public bool Equals(MigrationVersion other) => Normalized == other.Normalized;

    public override int GetHashCode() => Normalized.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Text;

    public static bool operator <(MigrationVersion left, MigrationVersion right) => left.CompareTo(right) < 0;

    public static bool operator >(MigrationVersion left, MigrationVersion right) => left.CompareTo(right) > 0;

    public static bool operator <=(MigrationVersion left, MigrationVersion right) => left.CompareTo(right) <= 0;

    public static bool operator >=(MigrationVersion left, MigrationVersion right) => left.CompareTo(right) >= 0;
}
