using Migrations.Build.Diagnostics;

namespace Migrations.Build.Migrations;

/// <summary>Turns an index into text into a 1-based line and column of the file the text came from.</summary>
/// <remarks>The text may be a section of a file starting at <c>firstLine</c>/<c>firstColumn</c>; a leading BOM is not
/// counted as a column, and CRLF is one line break.</remarks>
internal sealed class LineMap
{
    private readonly List<int> _lineStarts;
    private readonly int _firstLine;
    private readonly int _firstColumn;

    public LineMap(string text, int firstLine = 1, int firstColumn = 1)
    {
        _firstLine = firstLine;
        _firstColumn = firstColumn;
        _lineStarts = [text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0];
        _lineStarts.AddRange(TextLine.Read(text).Select(l => l.NextStart).Where(s => s < text.Length || EndsWithLineBreak(text)));
    }

    public SourceLocation Locate(string path, int index)
    {
        var found = _lineStarts.BinarySearch(index);
        var line = Math.Max(found >= 0 ? found : ~found - 1, 0);
        var column = index - _lineStarts[line] + 1 + (line == 0 ? _firstColumn - 1 : 0);
        return new SourceLocation(path, _firstLine + line, column);
    }

    private static bool EndsWithLineBreak(string text) => text.Length > 0 && text[^1] is '\n' or '\r';
}
