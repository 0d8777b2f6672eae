using System.Text;
using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;
using SQLitePCL;

namespace Migrations.Build.Providers.Sqlite;

/// <summary>Runs statement texts on a connection handle with SQLite's own prepare/step loop: every command in a
/// text runs (also several separated by semicolons), with no ADO.NET overhead, and a failure names the command
/// that failed.</summary>
internal static class SqliteStatementRunner
{
    /// <summary>Runs every command of <paramref name="statement"/>; throws <see cref="StatementFailedException"/>
    /// located at the start of the failing command.</summary>
    public static void Run(sqlite3 db, SqlStatement statement)
    {
        var text = statement.Text;
        var sql = new byte[Encoding.UTF8.GetByteCount(text) + 1];
        Encoding.UTF8.GetBytes(text, 0, text.Length, sql, 0);
        ReadOnlySpan<byte> remaining = sql.AsSpan(0, sql.Length - 1);
        while (!remaining.IsEmpty)
        {
            var commandStart = sql.Length - 1 - remaining.Length;
            var rc = raw.sqlite3_prepare_v2(db, remaining, out var stmt, out var tail);
            try
            {
                if (rc != raw.SQLITE_OK)
                {
                    throw Failure(db, statement, sql, commandStart);
                }

                if (stmt is not null && !stmt.IsInvalid)
                {
                    while ((rc = raw.sqlite3_step(stmt)) == raw.SQLITE_ROW)
                    {
                    }

                    if (rc != raw.SQLITE_DONE)
                    {
                        throw Failure(db, statement, sql, commandStart);
                    }
                }
            }
            finally
            {
                stmt?.Dispose();
            }

            remaining = tail;
        }
    }

    /// <summary>Runs a control statement the validator itself issues (BEGIN, SAVEPOINT…).</summary>
    public static void RunControl(sqlite3 db, string sql)
    {
        var rc = raw.sqlite3_exec(db, sql, null, null, out var message);
        if (rc != raw.SQLITE_OK)
        {
            throw new InvalidOperationException($"SQLite refused '{sql}': {message ?? raw.sqlite3_errmsg(db).utf8_to_string()}");
        }
    }

    /// <summary>The failure at the token SQLite names (its error offset, for errors found while preparing: syntax,
    /// unknown names), else at the start of the failing command.</summary>
    private static StatementFailedException Failure(sqlite3 db, SqlStatement statement, byte[] sql, int commandStartByte)
    {
        var message = raw.sqlite3_errmsg(db).utf8_to_string();
        var errorByte = SqliteErrorOffset.Of(db) is { } at && commandStartByte + at < sql.Length ? commandStartByte + at : (int?)null;
        int offset;
        if (errorByte is { } tokenByte)
        {
            offset = Encoding.UTF8.GetCharCount(sql, 0, tokenByte);
        }
        else
        {
            var commandStart = Encoding.UTF8.GetCharCount(sql, 0, commandStartByte);
            offset = commandStart + SqliteToken.Read(statement.Text[commandStart..]).FirstOrDefault().Start;
        }

        return new StatementFailedException(statement, LocationAt(statement, offset), message) { Violation = SqliteDataViolation.Of(db, message) };
    }

    /// <summary>The file position of a char offset inside a statement's text.</summary>
    private static SourceLocation LocationAt(SqlStatement statement, int offset)
    {
        if (statement.Generated)
        {
            return statement.Location;
        }

        var text = statement.Text.AsSpan(0, Math.Min(offset, statement.Text.Length));
        var newlines = text.Count('\n');
        if (newlines == 0)
        {
            return statement.Location with { Column = statement.Location.Column + offset };
        }

        return statement.Location with { Line = statement.Location.Line + newlines, Column = offset - text.LastIndexOf('\n') };
    }
}
