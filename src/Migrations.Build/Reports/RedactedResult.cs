using Migrations.Build.Checks;
using Migrations.Build.Diagnostics;
using Migrations.Build.Schema;

namespace Migrations.Build.Reports;

/// <summary>What the outputs show of a result: its messages and summaries with secrets masked, and its texts and
/// file names with control characters escaped (<see cref="PrintableText"/>).</summary>
/// <remarks>The texts are redacted before a writer escapes them (JSON, Markdown cells), where a masked secret would
/// no longer be spelled as the redactor knows it; the schemas are redacted later, as the snapshot text they become.</remarks>
public static class RedactedResult
{
    public static ValidationResult Of(ValidationResult result, SecretRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(redactor);
        return result with
        {
            Diagnostics = result.Diagnostics.Select(d => Of(d, redactor)).ToValueList(),
            Checks = result.Checks.Select(c => c with { Summary = PrintableText.Escape(redactor.Redact(c.Summary)) }).ToValueList(),
            NotVerifiable = result.NotVerifiable.Select(text => PrintableText.Escape(redactor.Redact(text))).ToValueList(),
        };
    }

    /// <summary>The diagnostic as it may be printed: its message and details redacted, its message and file name
    /// escaped, and its details line by line (their line breaks are theirs; a report puts them in a block).</summary>
    public static Diagnostic Of(Diagnostic diagnostic, SecretRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(redactor);
        var redacted = redactor.Redact(diagnostic);
        return redacted with
        {
            Message = PrintableText.Escape(redacted.Message),
            Details = redacted.Details is { } details ? string.Join('\n', details.Split('\n').Select(PrintableText.Escape)) : null,
            Location = redacted.Location is { } location ? location with { Path = PrintableText.Escape(location.Path) } : null,
        };
    }
}
