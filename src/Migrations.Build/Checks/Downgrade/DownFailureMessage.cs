using System.Text.RegularExpressions;
using Migrations.Build.Migrations;
using Migrations.Build.Providers;

namespace Migrations.Build.Checks.Downgrade;

/// <summary>The message of a down that failed (MIG4001). When the engine says the rows made it fail (a constraint
/// they break, a value that does not fit), the message says so: the down is right for an empty database and wrong for
/// one with data in it, which is what a real rollback meets.</summary>
internal static partial class DownFailureMessage
{
    public static string For(Migration migration, StatementFailedException failure) =>
        failure.Violation is { } violation && Explain(violation, failure.Statement.Text) is { } cause
            ? $"The down of {migration} failed on the data: {cause} ({failure.Message}). A down must work on a database with data in it."
            : $"The down of {migration} failed: {failure.Message}";

    /// <summary>What the rows did; statements that check the rows already there (ALTER TABLE, CREATE INDEX) are told
    /// from those that write rows (INSERT, UPDATE, as a table rebuild copies them), whose own rows broke the rule.</summary>
    private static string? Explain(DataViolation violation, string statementText)
    {
        var checksExisting = ChecksExistingRows().IsMatch(statementText);
        var rows = checksExisting ? $"rows in {Table(violation)}" : "the rows it writes";
        return violation.Rule switch
        {
            DataRule.NotNull when violation.Column is null => $"a NOT NULL column without a default cannot be added to {Table(violation)}, which has rows",
            DataRule.NotNull => $"column {violation.Column} of {violation.Table ?? "the table"} is NOT NULL and {rows} have no value for it",
            DataRule.Unique => $"{rows} repeat a value of {Key(violation)}, which must be unique",
            DataRule.Check => $"{rows} break check constraint{Name(violation.Constraint)}{Of(violation, checksExisting)}",
            DataRule.ForeignKey => $"{rows} refer to rows that are not there (foreign key{Name(violation.Constraint)}{Of(violation, checksExisting)})",
            DataRule.Exclusion => $"{rows} conflict under exclusion constraint{Name(violation.Constraint)}{Of(violation, checksExisting)}",

            // A value that does not fit is the data's fault only where the statement reads the rows (ALTER TABLE …
            // TYPE); in a statement of its own it is the statement's literal.
            DataRule.Value when checksExisting => $"a value in the rows of {Table(violation)} does not fit the column's new definition",
            _ => null,
        };
    }

    private static string Table(DataViolation violation) => violation.Table ?? "the table";

    private static string Key(DataViolation violation) =>
        violation.Column is { } column ? $"{column} of {Table(violation)}" : violation.Constraint ?? "a unique key";

    private static string Name(string? constraint) => constraint is null ? string.Empty : " " + constraint;

    private static string Of(DataViolation violation, bool checksExisting) =>
        !checksExisting && violation.Table is { } table ? " of " + table : string.Empty;

    [GeneratedRegex(@"^(\s+|--[^\n]*(\n|$)|/\*.*?\*/)*(ALTER\s+TABLE|CREATE\s+(UNIQUE\s+)?INDEX)\b", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ChecksExistingRows();
}
