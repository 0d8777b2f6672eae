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

    /// <summary>The code of the refusal when the engine refused the statement before running it because it would act
    /// outside the scratch database (another file, database, the server or its roles): reported under it, whichever
    /// script it is in; null for a statement that ran and failed.</summary>
    public DiagnosticDescriptor? Refusal { get; init; }

    /// <summary>True when the statement was refused before it ran (<see cref="Refusal"/>).</summary>
    public bool Refused => Refusal is not null;

    /// <summary>What about the rows in the database made the statement fail, when the engine says it was the data
    /// (a constraint they break, a value that does not fit); null for any other failure.</summary>
    public DataViolation? Violation { get; init; }

    /// <summary>The statement ran longer than the statement timeout and was stopped: reported as MIG2010.</summary>
    public bool TimedOut { get; init; }

    /// <summary>The failure of a statement stopped by the statement timeout, at the statement.</summary>
    public static StatementFailedException Timeout(SqlStatement statement, TimeSpan limit, Exception? inner) =>
        new(statement, statement.Location, string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"the statement ran longer than the statement timeout of {limit.TotalSeconds:0.###} s and was stopped (MigrationsStatementTimeout, --statement-timeout; 0 turns the limit off)"), inner)
        { TimedOut = true };
}
