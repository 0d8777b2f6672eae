using System.Text.RegularExpressions;

namespace Migrations.Build.Schema.Comparison;

/// <summary>How strictly two schemas are compared.</summary>
public sealed record ComparisonOptions
{
    /// <summary>Lenient comparison for drift: engine-generated names and column order are not compared.</summary>
    public static ComparisonOptions Drift { get; } = new();

    /// <summary>Strict comparison for downgrade proofs: both sides come from the same database, so every name and
    /// the column order must match.</summary>
    public static ComparisonOptions Exact { get; } = new() { Strict = true };

    public bool Strict { get; init; }

    /// <summary>Name patterns (<c>*</c> and <c>?</c> wildcards, case-insensitive) of objects left out of the comparison;
    /// a pattern matches a table or view name, or <c>table.child</c> for a column, index or constraint.</summary>
    public IReadOnlyList<string> Ignore { get; init; } = [];

    public bool IsIgnored(string name) =>
        Ignore.Count > 0 && Ignore.Any(pattern => Regex.IsMatch(
            name,
            "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant));
}
