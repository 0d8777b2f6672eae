using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;

namespace Migrations.Build.Providers;

/// <summary>A statement of a script failed on the engine; <see cref="Location"/> is the most precise place known
/// (the server's error position where it reports one, else the statement's start).</summary>
public sealed class StatementFailedException : Exception
{
    public StatementFailedException(SqlStatement statement, SourceLocation location, string engineMessage, Exception? inner = null)
        : base(engineMessage, inner)
    {
        Statement = statement;
        Location = location;
    }

    public SqlStatement Statement { get; }

    public SourceLocation Location { get; }

    /// <summary>The engine refused the statement before running it because it would act outside the scratch
    /// database (another file, database or the server itself): reported as MIG2003, whichever script it is in.</summary>
    public bool Refused { get; init; }
}
