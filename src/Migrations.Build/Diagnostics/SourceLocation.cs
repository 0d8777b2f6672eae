namespace Migrations.Build.Diagnostics;

/// <summary>A place in a source file; line and column are 1-based.</summary>
public sealed record SourceLocation(string Path, int Line = 1, int Column = 1)
{
    /// <summary>The last line of the located text (a statement), when known; reports show the span (SARIF regions).</summary>
    public int? EndLine { get; init; }

    /// <summary>The column just after the located text's last character on <see cref="EndLine"/>, when known.</summary>
    public int? EndColumn { get; init; }

    /// <summary>Places are equal by where they start (path, line, column): the span is extra detail for the reports,
    /// and a statement located with its span is still at the place a parser or a test names by its start.</summary>
    public bool Equals(SourceLocation? other) =>
        other is not null && string.Equals(Path, other.Path, StringComparison.Ordinal) && Line == other.Line && Column == other.Column;

    public override int GetHashCode() => HashCode.Combine(Path, Line, Column);

    public override string ToString() => $"{Path}({Line},{Column})";
}
