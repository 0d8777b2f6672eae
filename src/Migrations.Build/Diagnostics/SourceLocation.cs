namespace Migrations.Build.Diagnostics;

/// <summary>A place in a source file; line and column are 1-based.</summary>
public sealed record SourceLocation(string Path, int Line = 1, int Column = 1)
{
    public override string ToString() => $"{Path}({Line},{Column})";
}
