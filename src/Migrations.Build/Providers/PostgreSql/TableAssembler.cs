using Migrations.Build.Schema;

namespace Migrations.Build.Providers.PostgreSql;

/// <summary>Builds <see cref="Table"/> records from the rows of tables.sql, columns.sql, constraints.sql,
/// indexes.sql and index_keys.sql.</summary>
internal static class TableAssembler
{
    public static List<Table> Assemble(
        List<CatalogRow> tables, List<CatalogRow> columns, List<CatalogRow> constraints, List<CatalogRow> indexes, List<CatalogRow> indexKeys)
    {
        var columnsByTable = columns.ToLookup(TableKey);
        var constraintsByTable = constraints.ToLookup(TableKey);
        var indexesByTable = indexes.Where(i => !i.Boolean("on_materialized_view")).ToLookup(TableKey);
        var keysByIndex = indexKeys.ToLookup(r => (r.String("schema_name"), r.String("index_name")));

        return tables.Select(row =>
        {
            var name = new ObjectName(row.String("schema_name"), row.String("table_name"));
            var table = new Table(name)
            {
                Columns = columnsByTable[TableKey(row)].Select(ToColumn).ToValueList(),
                Options = Options(row),
                Comment = row.NullableString("comment"),
                Indexes = indexesByTable[TableKey(row)]
                    .Select(i => ToIndex(i, name.Name, keysByIndex[(i.String("schema_name"), i.String("index_name"))]))
                    .ToValueList(),
            };
            return AddConstraints(table, constraintsByTable[TableKey(row)]);
        }).ToList();
    }

    private static (string, string) TableKey(CatalogRow row) => (row.String("schema_name"), row.String("table_name"));

    private static ValueList<string> Options(CatalogRow row)
    {
        var options = new List<string>();
        if (row.Boolean("unlogged"))
        {
            options.Add("UNLOGGED");
        }

        if (row.NullableString("partition_key") is { } key)
        {
            options.Add("PARTITION BY " + key);
        }

        if (row.NullableString("partition_of") is { } parent)
        {
            options.Add("PARTITION OF " + parent);
        }

        if (row.NullableString("inherits") is { } inherits)
        {
            options.Add("INHERITS (" + inherits + ")");
        }

        if (row.Boolean("row_security"))
        {
            options.Add("ENABLE ROW LEVEL SECURITY");
        }

        if (row.Boolean("force_row_security"))
        {
            options.Add("FORCE ROW LEVEL SECURITY");
        }

        return options;
    }

    private static Column ToColumn(CatalogRow row) => new(row.String("column_name"), row.String("data_type"))
    {
        NotNull = row.Boolean("not_null"),
        Default = row.NullableString("default_value"),
        Identity = row.NullableString("identity"),
        GeneratedExpression = row.NullableString("generated_expression"),
        GeneratedKind = row.NullableString("generated_kind"),
        Collation = row.NullableString("collation_name"),
        Comment = row.NullableString("comment"),
    };

    private static Table AddConstraints(Table table, IEnumerable<CatalogRow> rows)
    {
        var tableName = table.Name.Name;
        var foreignKeys = new List<ForeignKey>();
        var uniques = new List<UniqueConstraint>();
        var checks = new List<CheckConstraint>();
        var exclusions = new List<ExclusionConstraint>();
        PrimaryKey? primaryKey = null;
        foreach (var row in rows)
        {
            var name = row.String("constraint_name");
            var columns = row.StringArray("columns");
            var deferrable = row.Boolean("is_deferrable");
            var deferred = row.Boolean("initially_deferred");
            switch (row.String("constraint_type"))
            {
                case "p":
                    primaryKey = new PrimaryKey(name, columns) { NameIsGenerated = GeneratedNames.Matches(name, tableName, null, "pkey") };
                    break;
                case "f":
                    foreignKeys.Add(new ForeignKey(
                        name,
                        columns,
                        new ObjectName(row.String("referenced_schema"), row.String("referenced_table")),
                        row.StringArray("referenced_columns"))
                    {
                        NameIsGenerated = GeneratedNames.Matches(name, tableName, GeneratedNames.ColumnPart(columns), "fkey"),
                        OnDelete = ReferentialAction(row.String("on_delete")),
                        OnUpdate = ReferentialAction(row.String("on_update")),
                        Match = row.String("match_type") switch { "f" => "FULL", "p" => "PARTIAL", _ => "SIMPLE" },
                        Deferrable = deferrable,
                        InitiallyDeferred = deferred,
                        NotValid = row.Boolean("not_valid"),
                    });
                    break;
                case "u":
                    uniques.Add(new UniqueConstraint(name, columns)
                    {
                        NameIsGenerated = GeneratedNames.Matches(name, tableName, GeneratedNames.ColumnPart(columns), "key"),
                        NullsNotDistinct = row.String("definition").Contains("NULLS NOT DISTINCT", StringComparison.Ordinal),
                        Deferrable = deferrable,
                        InitiallyDeferred = deferred,
                    });
                    break;
                case "c":
                    checks.Add(new CheckConstraint(name, row.String("check_expression"))
                    {
                        // PostgreSQL names a check after its column only when the expression uses exactly one.
                        NameIsGenerated = GeneratedNames.Matches(name, tableName, columns.Length == 1 ? columns[0] : null, "check"),
                        NotValid = row.Boolean("not_valid"),
                    });
                    break;
                case "x":
                    exclusions.Add(new ExclusionConstraint(name, row.String("definition"))
                    {
                        Deferrable = deferrable,
                        InitiallyDeferred = deferred,
                    });
                    break;
            }
        }

        return table with
        {
            PrimaryKey = primaryKey,
            ForeignKeys = foreignKeys,
            UniqueConstraints = uniques,
            CheckConstraints = checks,
            ExclusionConstraints = exclusions,
        };
    }

    private static string ReferentialAction(string code) => code switch
    {
        "r" => "RESTRICT",
        "c" => "CASCADE",
        "n" => "SET NULL",
        "d" => "SET DEFAULT",
        _ => "NO ACTION",
    };

    private static TableIndex ToIndex(CatalogRow row, string tableName, IEnumerable<CatalogRow> keyRows)
    {
        var name = row.String("index_name");
        var keyCount = (int)row.Int64("key_count");
        var ordered = keyRows.OrderBy(k => k.Int64("position")).ToList();
        var keys = ordered.Take(keyCount).Select(ToIndexKey).ToValueList();
        var include = ordered.Skip(keyCount).Select(k => k.String("expression")).ToValueList();
        var namingParts = ordered.Select(k => (k.String("expression"), k.Boolean("is_expression")));
        return new TableIndex(name, keys)
        {
            IsUnique = row.Boolean("is_unique"),
            Method = row.String("method"),
            Predicate = row.NullableString("predicate"),
            Include = include,
            NullsNotDistinct = row.Boolean("nulls_not_distinct"),
            Comment = row.NullableString("comment"),
            NameIsGenerated = GeneratedNames.Matches(name, tableName, GeneratedNames.IndexColumnPart(namingParts), "idx"),
        };
    }

    private static IndexKey ToIndexKey(CatalogRow row)
    {
        var descending = row.Boolean("descending");
        var nullsFirst = row.Boolean("nulls_first");

        // The default is NULLS LAST for ascending keys and NULLS FIRST for descending ones.
        string? nullsOrder = (descending, nullsFirst) switch
        {
            (false, true) => "NULLS FIRST",
            (true, false) => "NULLS LAST",
            _ => null,
        };
        return new IndexKey(row.String("expression"), row.Boolean("is_expression"))
        {
            Descending = descending,
            NullsOrder = nullsOrder,
            Collation = row.NullableString("collation_name"),
            OperatorClass = row.NullableString("operator_class"),
        };
    }
}
