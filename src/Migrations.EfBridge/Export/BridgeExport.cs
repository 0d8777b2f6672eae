using System.Text.Json.Serialization;

namespace Migrations.EfBridge.Export;

// The bridge's answer, written as JSON to the file named by --output. This file is linked into the engine, which reads
// it with the source-generated BridgeJsonContext: one definition of the format for both sides.

/// <summary>Everything the bridge read from an EF Core app: one entry per DbContext, or the failure that stopped it.</summary>
public sealed record BridgeExport(string? EfVersion, IReadOnlyList<ContextExport> Contexts, BridgeFailure? Failure);

/// <summary>One DbContext: its provider, its migrations' SQL, the model's create script, and the model changes that no
/// migration captures yet (the snapshot's model against the current model).</summary>
/// <param name="Name">The context's short type name (what MigrationsEfContext names).</param>
/// <param name="FullName">The context's full type name.</param>
/// <param name="Provider">EF's provider name, e.g. <c>Microsoft.EntityFrameworkCore.Sqlite</c>.</param>
/// <param name="CreateScript">The model's create script, one command per entry.</param>
/// <param name="Entities">Which entity type maps to which table, and property to which column, so that findings can
/// point at the entity class.</param>
/// <param name="PendingOperations">null when the app has no model snapshot to compare with.</param>
/// <param name="Failure">What stopped this context's export (the other contexts are still exported).</param>
public sealed record ContextExport(
    string Name,
    string FullName,
    string? Provider,
    IReadOnlyList<MigrationExport> Migrations,
    IReadOnlyList<SqlCommandExport> CreateScript,
    IReadOnlyList<EntityMapping> Entities,
    IReadOnlyList<PendingOperation>? PendingOperations,
    BridgeFailure? Failure)
{
    /// <summary>The model snapshot's class (full name); null when the app has no snapshot.</summary>
    public string? SnapshotType { get; init; }

    /// <summary>The snapshot's model as the provider's create script (the triangle's second side: it is compared with
    /// the schema the migrations build); null when the app has no snapshot.</summary>
    public IReadOnlyList<SqlCommandExport>? SnapshotScript { get; init; }
}

/// <summary>One migration: its id (<c>20240101120000_AddLeads</c>), its class, and the provider's SQL for Up and Down,
/// without the history table's rows.</summary>
public sealed record MigrationExport(string Id, string TypeName, IReadOnlyList<SqlCommandExport> Up, IReadOnlyList<SqlCommandExport> Down);

/// <summary>One command of the provider's SQL; a transaction-suppressed one (SQLite's <c>PRAGMA foreign_keys</c>) runs
/// outside the migration's transaction.</summary>
public sealed record SqlCommandExport(string Sql, bool TransactionSuppressed);

/// <summary>An entity type (its CLR type's full name) and the table it maps to, with each property's column.</summary>
public sealed record EntityMapping(string ClrType, string? Schema, string Table, IReadOnlyList<ColumnMapping> Columns);

/// <summary>A property and the column it maps to.</summary>
public sealed record ColumnMapping(string Property, string Column);

/// <summary>A model change that no migration makes yet, e.g. <c>AddColumn</c> of <c>Score</c> on table <c>Leads</c>,
/// with the entity type and property it maps where EF knows them.</summary>
public sealed record PendingOperation(string Kind, string? Schema, string? Table, string? Name, string? EntityType, string? Property);

/// <summary>Why the bridge (or one context) could not export; <see cref="Kind"/> is one of <see cref="BridgeFailureKinds"/>.</summary>
public sealed record BridgeFailure(string Kind, string Message);

/// <summary>The kinds of design-time failure, each of which the engine reports with its own code.</summary>
public static class BridgeFailureKinds
{
    public const string NoDesignPackage = "NoDesignPackage";
    public const string NoContext = "NoContext";
    public const string ContextNotFound = "ContextNotFound";
    public const string ContextCreationFailed = "ContextCreationFailed";
    public const string UnsupportedEfVersion = "UnsupportedEfVersion";
    public const string NotRelational = "NotRelational";
    public const string ExportFailed = "ExportFailed";
}

/// <summary>System.Text.Json metadata for the export, generated at compile time (the engine is compiled ahead of time).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = false)]
[JsonSerializable(typeof(BridgeExport))]
public sealed partial class BridgeJsonContext : JsonSerializerContext;
