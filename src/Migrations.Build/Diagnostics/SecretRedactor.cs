using System.Text.RegularExpressions;

namespace Migrations.Build.Diagnostics;

/// <summary>Removes passwords from any text before it is printed: connection strings and URIs.</summary>
public static partial class SecretRedactor
{
    private const string Mask = "***";

    /// <summary>Masks <c>Password=…</c>/<c>Pwd=…</c> pairs and the password part of <c>postgres://user:pass@host</c> URIs.</summary>
    public static string Redact(string text, string? knownSecret = null)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var result = KeyValueSecret().Replace(text, m => m.Groups["key"].Value + "=" + Mask);
        result = UriSecret().Replace(result, m => m.Groups["prefix"].Value + Mask + "@");
        if (!string.IsNullOrEmpty(knownSecret))
        {
            result = result.Replace(knownSecret, Mask, StringComparison.Ordinal);
        }

        return result;
    }

    [GeneratedRegex(@"(?<key>\b(?:password|pwd)\s*)=\s*(?:'[^']*'|""[^""]*""|[^;]*)", RegexOptions.IgnoreCase)]
    private static partial Regex KeyValueSecret();

    [GeneratedRegex(@"(?<prefix>\b[a-z][a-z0-9+.-]*://[^:/@\s]+:)[^@\s]+@", RegexOptions.IgnoreCase)]
    private static partial Regex UriSecret();
}
