using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Migrations.Build.Diagnostics;

/// <summary>Escapes the characters that would let a file name or a message change how a diagnostic line reads: line
/// breaks (a name with <c>\n</c> could print a second, forged <c>file(1,1): error …</c> line that CI problem matchers
/// take as real), terminal escapes (ESC), the other C0 and C1 controls, the Unicode line and paragraph separators and
/// the bidirectional overrides. Each becomes <c>\n</c>, <c>\r</c>, <c>\t</c> or <c>\u00XX</c>. And a name need not
/// break a line to forge: <c>a(1,1): error MIG0000: x.sql</c> inside a message or a path is what a problem matcher
/// looks for, so the colon of such a text is escaped too (<c>a(1,1)\u003A error …</c>).</summary>
/// <remarks>Compiled into the engine and, linked, into the MSBuild task (which logs what any engine reports), so it
/// uses only what netstandard2.0 and net472 have.</remarks>
internal static class PrintableText
{
    private static readonly Regex DiagnosticLookalike = new(@"(\(\d+(?:,\d+){0,3}\)\s*):(?=\s*(?:error|warning)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public static string Escape(string text)
    {
        if (text is null)
        {
            return text!;
        }

        var controlsEscaped = EscapeControls(text);
        return controlsEscaped.IndexOf(':') < 0 ? controlsEscaped : DiagnosticLookalike.Replace(controlsEscaped, @"$1\u003A");
    }

    private static string EscapeControls(string text)
    {
        var index = 0;
        while (index < text.Length && !NeedsEscape(text[index]))
        {
            index++;
        }

        if (index == text.Length)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 8);
        escaped.Append(text, 0, index);
        for (; index < text.Length; index++)
        {
            var c = text[index];
            if (!NeedsEscape(c))
            {
                escaped.Append(c);
                continue;
            }

            escaped.Append(c switch
            {
                '\n' => @"\n",
                '\r' => @"\r",
                '\t' => @"\t",
                _ => @"\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
            });
        }

        return escaped.ToString();
    }

    private static bool NeedsEscape(char c) =>
        c < ' ' || (c >= '\u007F' && c <= '\u009F') || c is '\u2028' or '\u2029' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
}
