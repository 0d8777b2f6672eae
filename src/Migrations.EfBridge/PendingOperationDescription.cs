using Migrations.EfBridge.Export;

namespace Migrations.EfBridge;

/// <summary>Describes one of EF's MigrationOperations (AddColumnOperation, CreateTableOperation, …) by its kind, table
/// and name, and the entity type and property it comes from.</summary>
internal static class PendingOperationDescription
{
    public static PendingOperation Describe(object operation, IReadOnlyList<EntityMapping> entities)
    {
        var kind = operation.GetType().Name;
        kind = kind.EndsWith("Operation", StringComparison.Ordinal) ? kind[..^"Operation".Length] : kind;
        var schema = LateBound.GetOptional(operation, "Schema") as string;
        var name = LateBound.GetOptional(operation, "Name") as string;

        // A table operation (CreateTable, DropTable) names the table in Name; the others in Table.
        var table = LateBound.GetOptional(operation, "Table") as string ?? name;
        var entity = entities.FirstOrDefault(e => e.Table == table && e.Schema == schema) ?? entities.FirstOrDefault(e => e.Table == table);
        var property = name is null || table == name ? null : entity?.Columns.FirstOrDefault(c => c.Column == name)?.Property;
        return new PendingOperation(kind, schema, table, name == table ? null : name, entity?.ClrType, property);
    }
}
