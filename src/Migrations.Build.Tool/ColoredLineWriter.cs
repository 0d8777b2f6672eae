using System.Text;

namespace Migrations.Build.Tool;

/// <summary>Colours whole lines on a terminal: errors red, warnings yellow, a passing summary green. Text is passed
/// through unchanged until a line ends, so the engine's output reads the same with and without colours.</summary>
internal sealed class ColoredLineWriter(TextWriter inner) : TextWriter
{
    private const string Red = "\u001b[31m";
    private const string Yellow = "\u001b[33m";
    private const string Green = "\u001b[32m";
    private const string Reset = "\u001b[0m";

    private readonly StringBuilder _line = new();

    public override Encoding Encoding => inner.Encoding;

    /// <summary>Whether colours belong on this stream: a terminal, and no NO_COLOR (https://no-color.org) or TERM=dumb.</summary>
    public static bool Wanted(bool redirected) =>
        Wanted(redirected, Environment.GetEnvironmentVariable("NO_COLOR"), Environment.GetEnvironmentVariable("TERM"));

    /// <summary>The rule itself, given the stream's state and the two variables.</summary>
    public static bool Wanted(bool redirected, string? noColor, string? term) =>
        !redirected && string.IsNullOrEmpty(noColor) && !string.Equals(term, "dumb", StringComparison.Ordinal);

    /// <summary>The colour of a line, or null: the line stays as it is.</summary>
    public static string? ColorOf(string line) => line switch
    {
        _ when line.Contains(": error ", StringComparison.Ordinal) => Red,
        _ when line.Contains(": warning ", StringComparison.Ordinal) => Yellow,
        _ when line.StartsWith("Migrations: ", StringComparison.Ordinal) => line.Contains(" error(s)", StringComparison.Ordinal) ? Red : Green,
        _ when line.StartsWith("Diff ", StringComparison.Ordinal) => line.EndsWith(": no differences.", StringComparison.Ordinal) ? Green : Yellow,
        _ => null,
    };

    public override void Write(char value)
    {
        if (value == '\n')
        {
            var line = _line.ToString().TrimEnd('\r');
            _line.Clear();
            inner.Write(ColorOf(line) is { } color ? color + line + Reset : line);
            inner.Write('\n');
            return;
        }

        _line.Append(value);
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? string.Empty)
        {
            Write(c);
        }
    }

    public override void WriteLine(string? value)
    {
        Write(value);
        Write('\n');
    }

    public override void Flush()
    {
        inner.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _line.Length > 0)
        {
            inner.Write(_line.ToString());
            _line.Clear();
        }

        inner.Flush();
        base.Dispose(disposing);
    }
}
