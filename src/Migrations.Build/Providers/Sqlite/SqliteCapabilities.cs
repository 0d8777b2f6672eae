using Migrations.Build.Schema;

namespace Migrations.Build.Providers.Sqlite;

/// <summary>What the SQLite reflection cannot tell reliably, reported as "not verifiable on SQLite".</summary>
internal static class SqliteCapabilities
{
    public static CapabilityProfile Profile { get; } = new(ValueList.Of(
        "View and trigger definitions are compared as normalized SQL text (whitespace, comments, keyword and identifier case), not by meaning.",
        "CHECK, DEFAULT, generated column, expression index and partial index expressions are compared as normalized SQL text, not by meaning.",
        "Column types are compared as declared: SQLite enforces them only in STRICT tables, so equivalent spellings (INT vs INTEGER, VARCHAR(20) vs VARCHAR(30)) are reported as different.",
        "ON CONFLICT clauses of PRIMARY KEY, UNIQUE, NOT NULL and CHECK constraints are not compared.",
        "Sort order and collation of PRIMARY KEY and UNIQUE constraint columns are not compared.",
        "FOREIGN KEY MATCH clauses are parsed but ignored by SQLite; they are compared as written.",
        "DEFERRABLE without INITIALLY DEFERRED has no effect on SQLite; only whether a foreign key is deferred is compared.",
        "Virtual tables are compared by their CREATE VIRTUAL TABLE text; their shadow tables are not compared.",
        "SQLite has no comments on objects, sequences, enum types, schemas (besides main), functions or exclusion constraints.",
        "TEMP objects and attached databases are not reflected."));
}
