using System.Collections;
using System.Reflection;
using Migrations.EfBridge.Export;

namespace Migrations.EfBridge;

/// <summary>Exports one DbContext: each migration's Up and Down as the provider's SQL (what the migrator would run,
/// without the history table's rows), the model's create script, its entity-to-table mapping and the operations
/// between the snapshot's model and the current model. Nothing here opens a connection.</summary>
internal static class ContextExporter
{
    public static ContextExport Export(Type contextType, object context)
    {
        var ef = EfServices.Of(context);
        var provider = LateBound.Get(LateBound.Get(context, "Database")!, "ProviderName") as string;
        if (ef.Optional(ef.MigrationsAssembly) is not { } migrationsAssembly || ef.Optional(ef.SqlGenerator) is not { } generator)
        {
            throw new BridgeFailureException(
                BridgeFailureKinds.NotRelational,
                $"The DbContext '{contextType.Name}' uses the provider '{provider}', which has no migrations (not a relational database provider).");
        }

        var migrations = Migrations(ef, migrationsAssembly, generator, provider ?? string.Empty);
        var currentModel = LateBound.Get(ef.Required(ef.DesignTimeModel), "Model")!;
        var currentRelational = ef.RelationalModel(currentModel);
        var differ = ef.Required(ef.ModelDiffer);
        var createOperations = LateBound.Call(differ, ef.ModelDiffer, "GetDifferences", null, currentRelational);
        var createScript = Commands(ef, generator, createOperations, currentModel);
        var entities = Entities(ef, currentModel);

        IReadOnlyList<PendingOperation>? pending = null;
        List<SqlCommandExport>? snapshotScript = null;
        var snapshot = LateBound.Get(migrationsAssembly, "ModelSnapshot");
        if (snapshot is not null)
        {
            var snapshotModel = ef.Finalized(LateBound.Get(snapshot, "Model"));
            var snapshotRelational = ef.RelationalModel(snapshotModel);
            var changes = (IEnumerable)LateBound.Call(differ, ef.ModelDiffer, "GetDifferences", snapshotRelational, currentRelational)!;
            pending = changes.Cast<object>().Select(o => PendingOperationDescription.Describe(o, entities)).ToList();
            snapshotScript = Commands(ef, generator, LateBound.Call(differ, ef.ModelDiffer, "GetDifferences", null, snapshotRelational), snapshotModel);
        }

        return new ContextExport(contextType.Name, contextType.FullName ?? contextType.Name, provider, migrations, createScript, entities, pending, null)
        {
            SnapshotType = snapshot?.GetType().FullName,
            SnapshotScript = snapshotScript,
        };
    }

    private static List<MigrationExport> Migrations(EfServices ef, object migrationsAssembly, object generator, string provider)
    {
        var found = (IReadOnlyDictionary<string, TypeInfo>)LateBound.Get(migrationsAssembly, "Migrations")!;
        var exports = new List<MigrationExport>();
        object? previousModel = null;
        foreach (var (id, type) in found.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            var migration = LateBound.Call(migrationsAssembly, ef.MigrationsAssembly, "CreateMigration", type, provider)!;
            var targetModel = ef.Finalized(LateBound.Get(migration, "TargetModel"));

            // As EF's Migrator: Up is generated against the migration's own target model, Down against the previous
            // migration's (the model the Down returns to).
            var up = Commands(ef, generator, LateBound.Get(migration, "UpOperations"), targetModel);
            var down = Commands(ef, generator, LateBound.Get(migration, "DownOperations"), previousModel);
            exports.Add(new MigrationExport(id, type.FullName ?? type.Name, up, down));
            previousModel = targetModel;
        }

        return exports;
    }

    private static List<SqlCommandExport> Commands(EfServices ef, object generator, object? operations, object? model)
    {
        var commands = (IEnumerable)LateBound.Call(generator, ef.SqlGenerator, "Generate", operations, model)!;
        return commands.Cast<object>()
            .Select(c => new SqlCommandExport((string)LateBound.Get(c, "CommandText")!, LateBound.Get(c, "TransactionSuppressed") is true))
            .ToList();
    }

    private static List<EntityMapping> Entities(EfServices ef, object model)
    {
        var mappings = new List<EntityMapping>();
        foreach (var entity in ((IEnumerable)LateBound.Call(model, ef.Model, "GetEntityTypes")!).Cast<object>())
        {
            if (LateBound.CallStatic(ef.RelationalEntityTypeExtensions, "GetTableName", entity) is not string table)
            {
                continue;
            }

            var schema = LateBound.CallStatic(ef.RelationalEntityTypeExtensions, "GetSchema", entity) as string;
            var clrType = (Type)LateBound.Get(entity, "ClrType")!;
            var columns = ((IEnumerable)LateBound.Call(entity, entity.GetType(), "GetProperties")!).Cast<object>()
                .Select(p => new ColumnMapping(
                    (string)LateBound.Get(p, "Name")!,
                    LateBound.CallStatic(ef.RelationalPropertyExtensions, "GetColumnName", p) as string ?? (string)LateBound.Get(p, "Name")!))
                .ToList();
            mappings.Add(new EntityMapping(clrType.FullName ?? clrType.Name, schema, table, columns));
        }

        return mappings;
    }
}
