using SQLitePCL;

namespace Migrations.Build.Providers.Sqlite;

/// <summary>What about the rows made a statement fail, from SQLite's extended result code (SQLITE_CONSTRAINT_*) and,
/// for ALTER TABLE … ADD COLUMN … NOT NULL without a default, its message: SQLite refuses that only when the table
/// has rows.</summary>
internal static class SqliteDataViolation
{
    private const int ConstraintCheck = 275;       // SQLITE_CONSTRAINT_CHECK
    private const int ConstraintForeignKey = 787;  // SQLITE_CONSTRAINT_FOREIGNKEY
    private const int ConstraintNotNull = 1299;    // SQLITE_CONSTRAINT_NOTNULL
    private const int ConstraintPrimaryKey = 1555; // SQLITE_CONSTRAINT_PRIMARYKEY
    private const int ConstraintUnique = 2067;     // SQLITE_CONSTRAINT_UNIQUE

    private const string NotNullColumnAdded = "Cannot add a NOT NULL column with default value NULL";

    public static DataViolation? Of(sqlite3 db, string message)
    {
        if (message.StartsWith(NotNullColumnAdded, StringComparison.Ordinal))
        {
            return new DataViolation(DataRule.NotNull);
        }

        return raw.sqlite3_extended_errcode(db) switch
        {
            ConstraintNotNull => Named(DataRule.NotNull, message),
            ConstraintUnique or ConstraintPrimaryKey => Named(DataRule.Unique, message),
            ConstraintCheck => new DataViolation(DataRule.Check, Constraint: After(message)),
            ConstraintForeignKey => new DataViolation(DataRule.ForeignKey),
            _ => null,
        };
    }

    /// <summary>"NOT NULL constraint failed: t.c" (UNIQUE: "t.a, t.b"): the table and column(s) after the colon.</summary>
    private static DataViolation Named(DataRule rule, string message)
    {
        var columns = After(message)?.Split(", ");
        var first = columns?[0].Split('.', 2);
        return first is [var table, _]
            ? new DataViolation(rule, table, string.Join(", ", columns!.Select(c => c[(c.IndexOf('.', StringComparison.Ordinal) + 1)..])))
            : new DataViolation(rule);
    }

    private static string? After(string message)
    {
        var colon = message.IndexOf(": ", StringComparison.Ordinal);
        return colon < 0 || colon + 2 >= message.Length ? null : message[(colon + 2)..];
    }
}
