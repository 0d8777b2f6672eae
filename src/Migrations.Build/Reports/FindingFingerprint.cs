using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Migrations.Build.Diagnostics;

namespace Migrations.Build.Reports;

/// <summary>A finding's identity across runs: the rule, the file and what the message names (the object, the
/// migration), never the line, so that code scanning and GitLab keep one alert when lines above it move.</summary>
public static partial class FindingFingerprint
{
    /// <summary>The key of the fingerprint in SARIF's <c>partialFingerprints</c>; the version changes if the recipe does.</summary>
    public const string SarifKey = "migrationsBuildFinding/v1";

    /// <summary>One fingerprint per diagnostic, in order. <paramref name="paths"/> are the paths the report shows,
    /// one per diagnostic (relative to the source root, so a clone elsewhere keeps its fingerprints). Findings that
    /// would share one (same rule, file and message) get a running number, so each stays its own alert.</summary>
    public static IReadOnlyList<string> ForAll(IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        ArgumentNullException.ThrowIfNull(paths);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var fingerprints = new List<string>();
        for (var i = 0; i < diagnostics.Count; i++)
        {
            var diagnostic = diagnostics[i];
            var identity = string.Join('\n', diagnostic.Code, paths[i], WithoutLineNumbers(diagnostic.Message));
            var occurrence = seen[identity] = seen.GetValueOrDefault(identity) + 1;
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(occurrence == 1 ? identity : $"{identity}\n#{occurrence}"));
            fingerprints.Add(Convert.ToHexString(hash, 0, 16).ToLowerInvariant());
        }

        return fingerprints;
    }

    /// <summary>The message with the line numbers it quotes (<c>line 12</c>, <c>(12,3)</c>) blanked: a lock file's
    /// line or a statement's position moves with unrelated edits, the finding does not.</summary>
    public static string WithoutLineNumbers(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Position().Replace(LineWord().Replace(message, "${word} #"), "(#,#)");
    }

    [GeneratedRegex(@"\b(?<word>lines?)\s+\d+", RegexOptions.IgnoreCase)]
    private static partial Regex LineWord();

    [GeneratedRegex(@"\(\d+,\d+\)")]
    private static partial Regex Position();
}
