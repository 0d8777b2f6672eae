using Migrations.Build.Schema;

namespace Migrations.Build.Providers.PostgreSql;

/// <summary>Builds a <see cref="DatabaseSchema"/> from the result sets of <see cref="CatalogQueries"/>.</summary>
internal static class CatalogAssembler
{
    public static DatabaseSchema Assemble(IReadOnlyDictionary<string, List<CatalogRow>> results)
    {
        var tables = TableAssembler.Assemble(
            results[CatalogQueries.Tables],
            results[CatalogQueries.Columns],
            results[CatalogQueries.Constraints],
            results[CatalogQueries.Indexes],
            results[CatalogQueries.IndexKeys]);

        return new DatabaseSchema
        {
            Tables = tables,
            Views = results[CatalogQueries.Views].Select(ToView).ToValueList(),
            Triggers = results[CatalogQueries.Triggers].Select(ToTrigger).ToValueList(),
            Sequences = results[CatalogQueries.Sequences].Select(ToSequence).ToValueList(),
            EnumTypes = results[CatalogQueries.Enums]
                .Select(r => new EnumType(Name(r, "type_name"), r.StringArray("labels")))
                .ToValueList(),
            OtherObjects = OtherObjects(results).ToValueList(),
        };
    }

    private static ObjectName Name(CatalogRow row, string column) => new(row.String("schema_name"), row.String(column));

    private static View ToView(CatalogRow row) => new(Name(row, "view_name"), row.String("definition"))
    {
        Materialized = row.Boolean("materialized"),
        Comment = row.NullableString("comment"),
    };

    private static Trigger ToTrigger(CatalogRow row) =>
        new(Name(row, "trigger_name"), Name(row, "table_name"), row.String("definition"));

    private static Sequence ToSequence(CatalogRow row) => new(Name(row, "sequence_name"))
    {
        Type = row.String("data_type"),
        Start = row.Int64("start_value"),
        Increment = row.Int64("increment"),
        MinValue = row.Int64("min_value"),
        MaxValue = row.Int64("max_value"),
        Cycle = row.Boolean("cycle"),
        OwnedBy = row.NullableString("owned_by"),
    };

    private static IEnumerable<SchemaObject> OtherObjects(IReadOnlyDictionary<string, List<CatalogRow>> results)
    {
        foreach (var row in results[CatalogQueries.Schemas])
        {
            yield return new SchemaObject("schema", new ObjectName(row.String("name")), string.Empty);
        }

        foreach (var row in results[CatalogQueries.Domains])
        {
            yield return new SchemaObject("domain", Name(row, "type_name"), row.String("definition"));
        }

        foreach (var row in results[CatalogQueries.CompositeTypes])
        {
            yield return new SchemaObject("composite type", Name(row, "type_name"), row.String("definition"));
        }

        foreach (var row in results[CatalogQueries.Functions])
        {
            yield return new SchemaObject(row.String("kind"), Name(row, "signature"), row.String("definition"));
        }

        foreach (var row in results[CatalogQueries.Extensions])
        {
            yield return new SchemaObject(
                "extension",
                new ObjectName(row.String("extension_name")),
                $"version {row.String("version")} in schema {row.String("schema_name")}");
        }

        foreach (var row in results[CatalogQueries.Comments])
        {
            yield return new SchemaObject(
                "comment",
                new ObjectName(row.String("object_type") + " " + row.String("object_identity")),
                row.String("description"));
        }

        // Indexes on materialized views: the model has no place for them on a view, so they are compared by definition.
        foreach (var row in results[CatalogQueries.Indexes].Where(r => r.Boolean("on_materialized_view")))
        {
            var comment = row.NullableString("comment") is { } text ? " -- " + text : string.Empty;
            yield return new SchemaObject("index", Name(row, "index_name"), row.String("definition") + comment);
        }
    }
}
