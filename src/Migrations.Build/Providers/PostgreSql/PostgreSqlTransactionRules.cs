using System.Text.RegularExpressions;

namespace Migrations.Build.Providers.PostgreSql;

/// <summary>Which statements PostgreSQL refuses inside a transaction block, or that manage transactions themselves.</summary>
/// <remarks><c>ALTER TYPE … ADD VALUE</c> is allowed in a transaction since PostgreSQL 12 (only the new value cannot be
/// used before commit), so it is not listed.</remarks>
internal static partial class PostgreSqlTransactionRules
{
    public static bool RequiresNoTransaction(string statementText)
    {
        var text = LeadingComments().Replace(statementText, string.Empty);
        return NoTransactionStatement().IsMatch(text);
    }

    [GeneratedRegex(@"^(\s+|--[^\n]*(\n|$)|/\*.*?\*/)*", RegexOptions.Singleline)]
    private static partial Regex LeadingComments();

    [GeneratedRegex(
        @"^(" +
        @"CREATE\s+(UNIQUE\s+)?INDEX\s+CONCURRENTLY\b" +
        @"|DROP\s+INDEX\s+CONCURRENTLY\b" +
        @"|REINDEX\b[^;]*\bCONCURRENTLY\b" +
        @"|REINDEX\s+(\([^)]*\)\s*)?(SYSTEM|DATABASE)\b" +
        @"|ALTER\s+TABLE\b[^;]*\bDETACH\s+PARTITION\b[^;]*\bCONCURRENTLY\b" +
        @"|VACUUM\b" +
        @"|(CREATE|DROP)\s+DATABASE\b" +
        @"|(CREATE|DROP)\s+TABLESPACE\b" +
        @"|ALTER\s+SYSTEM\b" +
        @"|CREATE\s+SUBSCRIPTION\b|DROP\s+SUBSCRIPTION\b" +
        @"|BEGIN\b|START\s+TRANSACTION\b|COMMIT\b|END\b|ROLLBACK\b|ABORT\b" +
        @"|SAVEPOINT\b|RELEASE\b|PREPARE\s+TRANSACTION\b" +
        @")",
        RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex NoTransactionStatement();
}
