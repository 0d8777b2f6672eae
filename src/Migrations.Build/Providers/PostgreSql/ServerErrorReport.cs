using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;
using Npgsql;

namespace Migrations.Build.Providers.PostgreSql;

/// <summary>Turns a server error into a file location and a readable message.</summary>
internal static class ServerErrorReport
{
    /// <summary>Maps the server's error position (1-based character offset in the statement text; 0 when it has
    /// none) to a line and column of the file, counting from where the statement starts.</summary>
    public static SourceLocation Locate(SqlStatement statement, int position)
    {
        var start = statement.Location;
        if (position <= 0 || position > statement.Text.Length + 1)
        {
            return start;
        }

        var offset = position - 1;
        var line = start.Line;
        var column = start.Column;
        for (var i = 0; i < offset && i < statement.Text.Length; i++)
        {
            if (statement.Text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else if (statement.Text[i] != '\r')
            {
                column++;
            }
        }

        return start with { Line = line, Column = column };
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

        return SecretRedactor.Redact(text);
    }

    /// <summary>A statement failed for a reason other than the server rejecting it (connection lost, timeout).</summary>
    public static string Describe(NpgsqlException exception) =>
        SecretRedactor.Redact("The connection to the PostgreSQL server failed: " + exception.Message);
}
