using System.Text.RegularExpressions;

namespace Migrations.Build.Diagnostics;

/// <summary>Removes passwords from text on its way out of the engine: connection-string pairs, URI passwords, and
/// the secrets of the run's own connection string wherever they appear.</summary>
/// <remarks>Applied once, at the output boundary (<c>Cli/RedactingResultWriter</c> for what a run prints, the report
/// folder for what it writes, the crash path of <c>Program</c>): the checks and providers build their messages from
/// whatever the drivers said, and nothing of it reaches a person without passing through here.</remarks>
public sealed partial class SecretRedactor
{
    public const string Mask = "***";

    /// <summary>Shorter secrets are masked only in their key=value and URI spellings: masked as bare text, a password
    /// such as <c>1</c> would mask every code and line number.</summary>
    private const int MinimumBareSecretLength = 4;

    private readonly string[] _secrets;

    private SecretRedactor(string[] secrets) => _secrets = secrets;

    /// <summary>Masks only what looks like a password (no connection string is known).</summary>
    public static SecretRedactor Patterns { get; } = new([]);

    /// <summary>A redactor that also masks <paramref name="connectionString"/> and each password in it, in every
    /// spelling a driver's message may quote (as written, without its quotes, URI-decoded).</summary>
    public static SecretRedactor For(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return Patterns;
        }

        var secrets = new List<string> { connectionString };
        foreach (Match pair in KeyValueSecret().Matches(connectionString))
        {
            var value = pair.Groups["value"].Value.Trim();
            secrets.Add(value);
            if (value.Length >= 2 && (value[0] is '\'' or '"') && value[^1] == value[0])
            {
                secrets.Add(value[1..^1]);
            }
        }

        foreach (Match uri in UriSecret().Matches(connectionString))
        {
            var value = uri.Groups["value"].Value;
            secrets.Add(value);
            secrets.Add(Uri.UnescapeDataString(value));
        }

        // Longest first, so a secret that contains another is masked whole.
        return new SecretRedactor(secrets
            .Where(s => s.Length >= MinimumBareSecretLength)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length)
            .ToArray());
    }

    /// <summary>Masks <c>Password=…</c>/<c>Pwd=…</c> pairs, the password part of <c>postgres://user:pass@host</c>
    /// URIs and every known secret.</summary>
    public string Redact(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var result = KeyValueSecret().Replace(text, m => m.Groups["key"].Value + "=" + Mask);
        result = UriSecret().Replace(result, m => m.Groups["prefix"].Value + Mask + "@");
        foreach (var secret in _secrets)
        {
            result = result.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return result;
    }

    /// <summary>The diagnostic with its message and details redacted (code, severity and location are the engine's own).</summary>
    public Diagnostic Redact(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return diagnostic with { Message = Redact(diagnostic.Message), Details = diagnostic.Details is { } details ? Redact(details) : null };
    }

    // An unquoted value ends at ';', a double quote or a line end: redacted text may be JSON or SARIF, and a value
    // running to the next ';' would eat the rest of the document (the known secrets are masked exactly, below).
    [GeneratedRegex(@"(?<key>\b(?:password|pwd)\s*)=\s*(?<value>'[^']*'|""[^""]*""|[^;""\r\n]*)", RegexOptions.IgnoreCase)]
    private static partial Regex KeyValueSecret();

    [GeneratedRegex(@"(?<prefix>\b[a-z][a-z0-9+.-]*://[^:/@\s]+:)(?<value>[^@\s]+)@", RegexOptions.IgnoreCase)]
    private static partial Regex UriSecret();
}
