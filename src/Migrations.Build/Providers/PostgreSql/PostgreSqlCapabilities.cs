using Migrations.Build.Schema;

namespace Migrations.Build.Providers.PostgreSql;

/// <summary>What the PostgreSQL reflection compares, and what it leaves out.</summary>
/// <remarks>
/// Compared: schemas, tables (UNLOGGED, PARTITION BY, PARTITION OF, INHERITS, row-level security switches), columns
/// (type, NOT NULL, default, identity, generated expression, collation), primary/foreign/unique/check/exclusion
/// constraints, indexes (method, keys, ordering, collation, operator class, INCLUDE, predicate, NULLS NOT DISTINCT),
/// views and materialized views (and indexes on those), sequences, enums, domains, composite types, functions,
/// procedures, triggers, extensions (name, version, schema), comments.
/// Not compared: everything in <see cref="Profile"/>.
/// </remarks>
internal static class PostgreSqlCapabilities
{
    public static CapabilityProfile Profile { get; } = new(ValueList.Of(
        "aggregates, operators, casts, collations, text search objects, event triggers and rules",
        "foreign tables, foreign servers, publications and subscriptions",
        "grants, privileges, default privileges and object ownership",
        "planner statistics (CREATE STATISTICS) and column statistics targets",
        "range types and base types written in C",
        "row-level security policies (only the ENABLE/FORCE switches are compared)",
        "storage parameters (WITH (...)), column storage and compression, fillfactor",
        "tablespaces",
        "the current values of sequences and the data in tables"));
}
