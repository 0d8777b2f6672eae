using Migrations.Build.Checks;
using Migrations.Build.Diagnostics;
using Migrations.Build.Schema;

namespace Migrations.Build.Reports;

/// <summary>What the outputs show of a result: its messages and summaries with secrets masked.</summary>
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
            Diagnostics = result.Diagnostics.Select(redactor.Redact).ToValueList(),
            Checks = result.Checks.Select(c => c with { Summary = redactor.Redact(c.Summary) }).ToValueList(),
            NotVerifiable = result.NotVerifiable.Select(redactor.Redact).ToValueList(),
        };
    }
}
