namespace Migrations.Build.Migrations;

/// <summary>One line of a text: its 1-based number and span without the line break (CRLF, LF or CR).</summary>
internal readonly record struct TextLine(int Number, int Start, int Length, int NextStart)
{
    public string Text(string text) => text.Substring(Start, Length);

    /// <summary>The lines of <paramref name="text"/>; a final line break does not start another line.</summary>
    public static IEnumerable<TextLine> Read(string text)
    {
        var number = 1;
        var start = 0;
        while (start < text.Length)
        {
            var end = text.AsSpan(start).IndexOfAny('\r', '\n');
            if (end < 0)
            {
                yield return new TextLine(number, start, text.Length - start, text.Length);
                yield break;
            }

            end += start;
            var next = text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? end + 2 : end + 1;
            yield return new TextLine(number++, start, end - start, next);
            start = next;
        }
    }
}
