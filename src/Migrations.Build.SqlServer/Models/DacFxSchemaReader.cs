using Microsoft.SqlServer.Dac.Model;
using Migrations.Build.Schema;
using DacCheckConstraint = Microsoft.SqlServer.Dac.Model.CheckConstraint;
using DacColumn = Microsoft.SqlServer.Dac.Model.Column;
using DacIndex = Microsoft.SqlServer.Dac.Model.Index;
using DacSequence = Microsoft.SqlServer.Dac.Model.Sequence;
using DacTable = Microsoft.SqlServer.Dac.Model.Table;
using DacUniqueConstraint = Microsoft.SqlServer.Dac.Model.UniqueConstraint;
using SchemaCheck = Migrations.Build.Schema.CheckConstraint;
using SchemaColumn = Migrations.Build.Schema.Column;
using SchemaSequence = Migrations.Build.Schema.Sequence;
using SchemaTable = Migrations.Build.Schema.Table;
using SchemaUnique = Migrations.Build.Schema.UniqueConstraint;
using SchemaView = Migrations.Build.Schema.View;

namespace Migrations.Build.SqlServer.Models;

/// <summary>Reflects a DacFx model (built from a SQL project, a .sql folder or a dacpac, or extracted from a scratch
/// database) into the engine's schema records: model and database then share one reader.</summary>
public static class DacFxSchemaReader
{
    public static DatabaseSchema Read(TSqlModel model)
    {
        var tables = model.GetObjects(DacQueryScopes.UserDefined, ModelSchema.Table).ToList();
        return new DatabaseSchema
        {
            Tables = tables.Select(t => ReadTable(model, t)).OrderBy(t => t.Name).ToValueList(),
            Views = model.GetObjects(DacQueryScopes.UserDefined, ModelSchema.View)
                .Select(v => new SchemaView(DacFxNames.Of(v), Script(v)))
                .OrderBy(v => v.Name).ToValueList(),
            Triggers = model.GetObjects(DacQueryScopes.UserDefined, ModelSchema.DmlTrigger)
                .Select(t => new Trigger(DacFxNames.Of(t), t.GetReferenced(DmlTrigger.TriggerObject).Select(DacFxNames.Of).FirstOrDefault() ?? new ObjectName(string.Empty), Script(t)))
                .OrderBy(t => t.Name).ToValueList(),
            Sequences = model.GetObjects(DacQueryScopes.UserDefined, ModelSchema.Sequence)
                .Select(ReadSequence).OrderBy(s => s.Name).ToValueList(),
            OtherObjects = OtherObjects(model).OrderBy(o => o.Kind, StringComparer.Ordinal).ThenBy(o => o.Name).ToValueList(),
        };
    }

    private static SchemaTable ReadTable(TSqlModel model, TSqlObject table)
    {
        var name = DacFxNames.Of(table);
        var defaults = table.GetReferencing(DefaultConstraint.Host)
            .Select(d => (Column: d.GetReferenced(DefaultConstraint.TargetColumn).FirstOrDefault()?.Name.Parts[^1], Expression: Text(d, DefaultConstraint.Expression) ?? string.Empty))
            .Where(d => d.Column is not null)
            .GroupBy(d => d.Column!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Expression, StringComparer.OrdinalIgnoreCase);
        var primaryKey = table.GetReferencing(PrimaryKeyConstraint.Host).FirstOrDefault();
        return new SchemaTable(name)
        {
            Columns = table.GetReferenced(DacTable.Columns).Select(c => ReadColumn(c, defaults)).ToValueList(),
            PrimaryKey = primaryKey is null ? null : new PrimaryKey(DacFxNames.Local(primaryKey), DacFxNames.Columns(primaryKey, PrimaryKeyConstraint.Columns))
            {
                NameIsGenerated = DacFxNames.Local(primaryKey) is null,
            },
            ForeignKeys = table.GetReferencing(ForeignKeyConstraint.Host).Select(ReadForeignKey)
                .OrderBy(f => f.Name, StringComparer.Ordinal).ThenBy(f => string.Join(",", f.Columns), StringComparer.Ordinal).ToValueList(),
            UniqueConstraints = table.GetReferencing(DacUniqueConstraint.Host)
                .Select(u => new SchemaUnique(DacFxNames.Local(u), DacFxNames.Columns(u, DacUniqueConstraint.Columns)) { NameIsGenerated = DacFxNames.Local(u) is null })
                .OrderBy(u => u.Name, StringComparer.Ordinal).ThenBy(u => string.Join(",", u.Columns), StringComparer.Ordinal).ToValueList(),
            CheckConstraints = table.GetReferencing(DacCheckConstraint.Host)
                .Select(c => new SchemaCheck(DacFxNames.Local(c), Text(c, DacCheckConstraint.Expression) ?? string.Empty) { NameIsGenerated = DacFxNames.Local(c) is null })
                .OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Expression, StringComparer.Ordinal).ToValueList(),
            Indexes = table.GetReferencing(DacIndex.IndexedObject).Select(ReadIndex).OrderBy(i => i.Name, StringComparer.Ordinal).ToValueList(),
            Options = TableOptions(table, primaryKey),
        };
    }

    private static SchemaColumn ReadColumn(TSqlObject column, Dictionary<string, string> defaults)
    {
        var name = column.Name.Parts[^1];
        var computed = column.GetMetadata<ColumnType>(DacColumn.ColumnType) == ColumnType.ComputedColumn;
        var type = computed ? "computed" : DacFxColumnType.Of(column, DacColumn.Length, DacColumn.Precision, DacColumn.Scale, DacColumn.IsMax, DacColumn.DataType);
        return new SchemaColumn(name, type)
        {
            NotNull = !computed && !column.GetProperty<bool>(DacColumn.Nullable),
            Default = defaults.GetValueOrDefault(name),
            Collation = column.GetProperty<string>(DacColumn.Collation) is { Length: > 0 } collation ? collation : null,
            GeneratedExpression = computed ? Text(column, DacColumn.Expression) : null,
            GeneratedKind = computed ? (column.GetProperty<bool>(DacColumn.Persisted) ? "STORED" : "VIRTUAL") : null,
            Identity = column.GetProperty<bool>(DacColumn.IsIdentity)
                ? $"({column.GetProperty<string>(DacColumn.IdentitySeed) ?? "1"},{column.GetProperty<string>(DacColumn.IdentityIncrement) ?? "1"})"
                : null,
        };
    }

    private static ForeignKey ReadForeignKey(TSqlObject key) =>
        new(
            DacFxNames.Local(key),
            DacFxNames.Columns(key, ForeignKeyConstraint.Columns),
            key.GetReferenced(ForeignKeyConstraint.ForeignTable).Select(DacFxNames.Of).FirstOrDefault() ?? new ObjectName(string.Empty),
            DacFxNames.Columns(key, ForeignKeyConstraint.ForeignColumns))
        {
            NameIsGenerated = DacFxNames.Local(key) is null,
            OnDelete = Action(key.GetProperty<ForeignKeyAction>(ForeignKeyConstraint.DeleteAction)),
            OnUpdate = Action(key.GetProperty<ForeignKeyAction>(ForeignKeyConstraint.UpdateAction)),
        };

    private static TableIndex ReadIndex(TSqlObject index) =>
        new(index.Name.Parts[^1], index.GetReferencedRelationshipInstances(DacIndex.Columns)
            .Select(c => new IndexKey(c.ObjectName.Parts[^1]) { Descending = !c.GetProperty<bool>(DacIndex.ColumnsRelationship.Ascending) })
            .ToValueList())
        {
            IsUnique = index.GetProperty<bool>(DacIndex.Unique),
            Predicate = Text(index, DacIndex.FilterPredicate) is { Length: > 0 } predicate ? predicate : null,
            Method = index.GetProperty<bool>(DacIndex.Clustered) ? "clustered" : null,
            Include = DacFxNames.Columns(index, DacIndex.IncludedColumns),
        };

    private static SchemaSequence ReadSequence(TSqlObject sequence) =>
        new(DacFxNames.Of(sequence))
        {
            Type = sequence.GetReferenced(DacSequence.DataType).Select(t => t.Name.Parts[^1].ToLowerInvariant()).FirstOrDefault() ?? "bigint",
            Start = Number(sequence.GetProperty<string>(DacSequence.StartValue), 1),
            Increment = Number(sequence.GetProperty<string>(DacSequence.IncrementValue), 1),
            MinValue = Number(sequence.GetProperty<string>(DacSequence.MinValue), 0),
            MaxValue = Number(sequence.GetProperty<string>(DacSequence.MaxValue), 0),
            Cycle = sequence.GetProperty<bool>(DacSequence.IsCycling),
        };

    private static IEnumerable<SchemaObject> OtherObjects(TSqlModel model)
    {
        foreach (var schema in model.GetObjects(DacQueryScopes.UserDefined, ModelSchema.Schema))
        {
            yield return new SchemaObject("schema", DacFxNames.Of(schema), string.Empty);
        }

        (ModelTypeClass Type, string Kind)[] scripted =
        [
            (ModelSchema.Procedure, "procedure"),
            (ModelSchema.ScalarFunction, "function"),
            (ModelSchema.TableValuedFunction, "function"),
            (ModelSchema.TableType, "table type"),
            (ModelSchema.UserDefinedType, "type"),
        ];
        foreach (var (type, kind) in scripted)
        {
            foreach (var item in model.GetObjects(DacQueryScopes.UserDefined, type))
            {
                yield return new SchemaObject(kind, DacFxNames.Of(item), Script(item));
            }
        }

        // Alias types (CREATE TYPE dbo.email FROM nvarchar(320) NOT NULL): by base type and nullability.
        foreach (var alias in model.GetObjects(DacQueryScopes.UserDefined, ModelSchema.DataType))
        {
            var definition = DacFxColumnType.Of(alias, DataType.UddtLength, DataType.UddtPrecision, DataType.UddtScale, DataType.UddtIsMax, DataType.Type)
                + (alias.GetProperty<bool>(DataType.UddtNullable) ? " NULL" : " NOT NULL");
            yield return new SchemaObject("type", DacFxNames.Of(alias), definition);
        }
    }

    private static ValueList<string> TableOptions(TSqlObject table, TSqlObject? primaryKey)
    {
        var options = new List<string>();
        if (primaryKey is not null && !primaryKey.GetProperty<bool>(PrimaryKeyConstraint.Clustered))
        {
            options.Add("PRIMARY KEY NONCLUSTERED");
        }

        if (table.GetProperty<bool>(DacTable.MemoryOptimized))
        {
            options.Add("MEMORY_OPTIMIZED");
        }

        return options.Order(StringComparer.Ordinal).ToValueList();
    }

    private static string Action(ForeignKeyAction action) => action switch
    {
        ForeignKeyAction.Cascade => "CASCADE",
        ForeignKeyAction.SetNull => "SET NULL",
        ForeignKeyAction.SetDefault => "SET DEFAULT",
        _ => "NO ACTION",
    };

    private static long Number(string? text, long fallback) =>
        long.TryParse(text?.Trim('(', ')', ' '), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : fallback;

    /// <summary>A script property (an expression: a default, a check, a computed column, a filter) as its text; DacFx
    /// gives those only through the untyped getter.</summary>
    private static string? Text(TSqlObject item, ModelPropertyClass property) => item.GetProperty(property) as string;

    /// <summary>The object's text as written (views, procedures, functions, triggers), trimmed.</summary>
    private static string Script(TSqlObject item) => item.TryGetScript(out var script) ? script.Trim() : string.Empty;
}
