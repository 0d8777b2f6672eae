using Migrations.Build.Diagnostics;
using Migrations.Build.Schema;

namespace Migrations.Build.Migrations;

/// <summary>One statement of a script with the place it starts at (for file(line,col) errors).</summary>
public sealed record SqlStatement(string Text, SourceLocation Location)
{
    /// <summary>True when the text was generated from code at <see cref="Location"/> (an EF Core migration's C#): a
    /// place inside the text maps to nothing there, so every position in it is <see cref="Location"/> itself.</summary>
    public bool Generated { get; init; }

    /// <summary>For a runner's <c>StatementBegin … StatementEnd</c> block that holds several statements, those
    /// statements, each at its own place; empty otherwise. Runners send the block as one command (goose, sql-migrate):
    /// an engine whose driver takes one statement per command sends the parts together, as one unit.</summary>
    public ValueList<SqlStatement> Parts { get; init; }
}

/// <summary>A SQL script (a file, or one section of a file) split into located statements.</summary>
public sealed record SqlScript(string Path, ValueList<SqlStatement> Statements)
{
    /// <summary>Where the script starts: line 1 of a file, or the line after a <c>-- migrate:down</c> marker.</summary>
    public SourceLocation Start { get; init; } = new(Path);

    /// <summary>True when a statement manages transactions itself or cannot run inside one
    /// (e.g. <c>CREATE INDEX CONCURRENTLY</c>), or a directive comment asked for no transaction.</summary>
    public bool NoTransaction { get; init; }

    /// <summary>True when the script changes data (INSERT/UPDATE/DELETE/COPY…): its downgrade proof must re-run it.</summary>
    public bool ChangesData { get; init; }
}
