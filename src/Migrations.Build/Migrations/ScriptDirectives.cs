using Migrations.Build.Diagnostics;
using Migrations.Build.Schema;

namespace Migrations.Build.Migrations;

/// <summary>Per-migration options written as a comment at the top of a script:
/// <code>-- migrations: no-transaction</code></summary>
/// <remarks>
/// The directive goes in the comment lines before the first statement (usually line 1). Options, separated by
/// commas or spaces:
/// <list type="bullet">
/// <item><c>no-transaction</c>: run the script outside a transaction, for statements that cannot run inside one
/// (PostgreSQL's <c>CREATE INDEX CONCURRENTLY</c>, SQLite's <c>PRAGMA foreign_keys</c> changes).</item>
/// </list>
/// An unknown option is reported as <see cref="DiagnosticCodes.InvalidDirective"/> (a warning) and ignored.
/// </remarks>
internal sealed record ScriptDirectives(bool NoTransaction, ValueList<Diagnostic> Diagnostics)
{
    public const string Prefix = "migrations:";
    public const string NoTransactionOption = "no-transaction";

    /// <summary>Reads the directives of the leading comment lines of <paramref name="text"/> (a file without its BOM).</summary>
    public static ScriptDirectives Read(string path, string text)
    {
        var noTransaction = false;
        var diagnostics = new List<Diagnostic>();
        foreach (var line in TextLine.Read(text))
        {
            var content = line.Text(text);
            var trimmed = content.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            if (!trimmed.StartsWith("--", StringComparison.Ordinal))
            {
                break;
            }

            var body = trimmed[2..].TrimStart();
            if (!body.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var optionsStart = content.IndexOf(body, StringComparison.Ordinal) + Prefix.Length;
            var options = body[Prefix.Length..].Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            foreach (var option in options)
            {
                if (option.Equals(NoTransactionOption, StringComparison.OrdinalIgnoreCase))
                {
                    noTransaction = true;
                    continue;
                }

                var column = content.IndexOf(option, optionsStart, StringComparison.Ordinal) + 1;
                diagnostics.Add(new Diagnostic(
                    DiagnosticCodes.InvalidDirective,
                    $"Unknown migration directive '{option}' (known: {NoTransactionOption}); it is ignored",
                    new SourceLocation(path, line.Number, column)));
            }
        }

        return new ScriptDirectives(noTransaction, diagnostics);
    }
}
