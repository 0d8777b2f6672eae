using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;
using Npgsql;

namespace Migrations.Build.Providers.PostgreSql;

/// <summary>Turns a server error into a file location and a readable message.</summary>
internal static class ServerErrorReport
{
    /// <summary>Maps the server's error position (1-based, counted in characters, i.e. code points; 0 when it has
    /// none) to a line and column of the file, counting from where the statement starts. Columns count UTF-16 units
    /// like every other location of the engine, so a character outside the BMP before the error adds two.</summary>
    public static SourceLocation Locate(SqlStatement statement, int position)
    {
        var start = statement.Location;
        if (position <= 0 || statement.Generated)
        {
            return start;
        }

        // Walk position - 1 code points; a surrogate pair is one character to the server.
        var text = statement.Text;
        var index = 0;
        for (var skipped = 0; skipped < position - 1; skipped++)
        {
            if (index >= text.Length)
            {
                return start;
            }

            index += char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;
        }

        return ObjectLocator.At(statement, index);
    }

    /// <summary>The server's message with its detail and hint, e.g.
    /// <c>relation "users" does not exist (42P01). Hint: …</c>. Server messages never carry the password, but
    /// they are redacted anyway.</summary>
    public static string Describe(PostgresException exception)
    {
        var text = $"{exception.MessageText} ({exception.SqlState})";
        if (!string.IsNullOrWhiteSpace(exception.Detail))
        {
            text += " Detail: " + exception.Detail;
        }

        if (!string.IsNullOrWhiteSpace(exception.Hint))
        {
            text += " Hint: " + exception.Hint;
        }

        if (!string.IsNullOrWhiteSpace(exception.Where) && exception.Position == 0)
        {
            text += " Where: " + exception.Where;
        }

        return text;
    }

    /// <summary>What about the rows made the statement fail, from the SQLSTATE: class 23 (integrity constraint
    /// violation) names the constraint, class 22 (data exception) a value that does not fit; null otherwise.</summary>
    public static DataViolation? Violation(PostgresException exception)
    {
        DataRule? rule = exception.SqlState switch
        {
            PostgresErrorCodes.NotNullViolation => DataRule.NotNull,
            PostgresErrorCodes.UniqueViolation => DataRule.Unique,
            PostgresErrorCodes.CheckViolation => DataRule.Check,
            PostgresErrorCodes.ForeignKeyViolation => DataRule.ForeignKey,
            PostgresErrorCodes.ExclusionViolation => DataRule.Exclusion,
            { } state when state.StartsWith("22", StringComparison.Ordinal) => DataRule.Value,
            _ => null,
        };
        return rule is { } found
            ? new DataViolation(found, NullIfEmpty(exception.TableName), NullIfEmpty(exception.ColumnName), NullIfEmpty(exception.ConstraintName))
            : null;
    }

    private static string? NullIfEmpty(string? name) => string.IsNullOrEmpty(name) ? null : name;

    /// <summary>A statement failed for a reason other than the server rejecting it (connection lost, timeout).</summary>
    public static string Describe(NpgsqlException exception) =>
        "The connection to the PostgreSQL server failed: " + exception.Message;
}
