using System.Globalization;
using Microsoft.Data.SqlClient;
using Migrations.Build.Schema;

namespace Migrations.Build.SqlServer.Server;

/// <summary>Reflects a scratch database from SQL Server's catalog views on the scratch database's own session (so
/// it also sees what an open transaction did), into the same shapes <see cref="Models.DacFxSchemaReader"/> gives a
/// model: types printed the same way, unnamed constraints (system-named) with no name.</summary>
internal static class SqlServerCatalogReader
{
    private const string Columns = """
        SELECT s.name, o.name, c.name, t.name, ts.name, t.is_user_defined, c.max_length, c.precision, c.scale, c.is_nullable,
               dc.definition, CASE WHEN dc.is_system_named = 0 THEN dc.name END, c.collation_name, cc.definition, cc.is_persisted,
               c.is_identity, CAST(ic.seed_value AS nvarchar(40)), CAST(ic.increment_value AS nvarchar(40))
        FROM sys.columns c JOIN sys.tables o ON o.object_id = c.object_id JOIN sys.schemas s ON s.schema_id = o.schema_id
        JOIN sys.types t ON t.user_type_id = c.user_type_id JOIN sys.schemas ts ON ts.schema_id = t.schema_id
        LEFT JOIN sys.default_constraints dc ON dc.object_id = c.default_object_id
        LEFT JOIN sys.computed_columns cc ON cc.object_id = c.object_id AND cc.column_id = c.column_id
        LEFT JOIN sys.identity_columns ic ON ic.object_id = c.object_id AND ic.column_id = c.column_id
        WHERE o.is_ms_shipped = 0 ORDER BY s.name, o.name, c.column_id
        """;

    private const string Keys = """
        SELECT s.name, o.name, k.type, CASE WHEN k.is_system_named = 0 THEN k.name END, i.type_desc,
               (SELECT STRING_AGG(col.name, ',') WITHIN GROUP (ORDER BY ic.key_ordinal) FROM sys.index_columns ic JOIN sys.columns col ON col.object_id = ic.object_id AND col.column_id = ic.column_id WHERE ic.object_id = i.object_id AND ic.index_id = i.index_id AND ic.is_included_column = 0)
        FROM sys.key_constraints k JOIN sys.tables o ON o.object_id = k.parent_object_id JOIN sys.schemas s ON s.schema_id = o.schema_id
        JOIN sys.indexes i ON i.object_id = k.parent_object_id AND i.index_id = k.unique_index_id
        """;

    private const string ForeignKeys = """
        SELECT s.name, o.name, CASE WHEN f.is_system_named = 0 THEN f.name END, rs.name, r.name,
               (SELECT STRING_AGG(c.name, ',') WITHIN GROUP (ORDER BY fc.constraint_column_id) FROM sys.foreign_key_columns fc JOIN sys.columns c ON c.object_id = fc.parent_object_id AND c.column_id = fc.parent_column_id WHERE fc.constraint_object_id = f.object_id),
               (SELECT STRING_AGG(c.name, ',') WITHIN GROUP (ORDER BY fc.constraint_column_id) FROM sys.foreign_key_columns fc JOIN sys.columns c ON c.object_id = fc.referenced_object_id AND c.column_id = fc.referenced_column_id WHERE fc.constraint_object_id = f.object_id),
               f.delete_referential_action_desc, f.update_referential_action_desc
        FROM sys.foreign_keys f JOIN sys.tables o ON o.object_id = f.parent_object_id JOIN sys.schemas s ON s.schema_id = o.schema_id
        JOIN sys.tables r ON r.object_id = f.referenced_object_id JOIN sys.schemas rs ON rs.schema_id = r.schema_id
        """;

    private const string Checks = """
        SELECT s.name, o.name, CASE WHEN k.is_system_named = 0 THEN k.name END, k.definition
        FROM sys.check_constraints k JOIN sys.tables o ON o.object_id = k.parent_object_id JOIN sys.schemas s ON s.schema_id = o.schema_id
        """;

    private const string Indexes = """
        SELECT s.name, o.name, i.name, i.is_unique, i.type_desc, i.filter_definition,
               (SELECT STRING_AGG(c.name, ',') WITHIN GROUP (ORDER BY ic.key_ordinal) FROM sys.index_columns ic JOIN sys.columns c ON c.object_id = ic.object_id AND c.column_id = ic.column_id WHERE ic.object_id = i.object_id AND ic.index_id = i.index_id AND ic.is_included_column = 0),
               (SELECT STRING_AGG(c.name, ',') WITHIN GROUP (ORDER BY c.name) FROM sys.index_columns ic JOIN sys.columns c ON c.object_id = ic.object_id AND c.column_id = ic.column_id WHERE ic.object_id = i.object_id AND ic.index_id = i.index_id AND ic.is_included_column = 1)
        FROM sys.indexes i JOIN sys.tables o ON o.object_id = i.object_id JOIN sys.schemas s ON s.schema_id = o.schema_id
        WHERE i.is_primary_key = 0 AND i.is_unique_constraint = 0 AND i.type > 0 AND o.is_ms_shipped = 0
        """;

    private const string Modules = """
        SELECT s.name, o.name, o.type, m.definition, ps.name, p.name
        FROM sys.sql_modules m JOIN sys.objects o ON o.object_id = m.object_id JOIN sys.schemas s ON s.schema_id = o.schema_id
        LEFT JOIN sys.objects p ON p.object_id = o.parent_object_id LEFT JOIN sys.schemas ps ON ps.schema_id = p.schema_id
        WHERE o.is_ms_shipped = 0
        """;

    private const string Sequences = """
        SELECT s.name, q.name, t.name, CAST(q.start_value AS nvarchar(40)), CAST(q.increment AS nvarchar(40)), CAST(q.minimum_value AS nvarchar(40)), CAST(q.maximum_value AS nvarchar(40)), q.is_cycling
        FROM sys.sequences q JOIN sys.schemas s ON s.schema_id = q.schema_id JOIN sys.types t ON t.user_type_id = q.user_type_id
        """;

    private const string Schemas = "SELECT name FROM sys.schemas WHERE schema_id BETWEEN 5 AND 16383";

    private const string AliasTypes = """
        SELECT s.name, t.name, b.name, t.max_length, t.precision, t.scale, t.is_nullable
        FROM sys.types t JOIN sys.schemas s ON s.schema_id = t.schema_id JOIN sys.types b ON b.user_type_id = t.system_type_id
        WHERE t.is_user_defined = 1 AND t.is_table_type = 0 AND t.is_assembly_type = 0
        """;

    public static async Task<DatabaseSchema> ReadAsync(SqlConnection connection, SqlTransaction? transaction, CancellationToken cancellationToken)
    {
        var tables = new SortedDictionary<ObjectName, TableParts>();
        TableParts Of(string schema, string name)
        {
            var key = new ObjectName(schema, name);
            if (!tables.TryGetValue(key, out var parts))
            {
                tables[key] = parts = new TableParts();
            }

            return parts;
        }

        await foreach (var r in RowsAsync(connection, transaction, Columns, cancellationToken))
        {
            var type = TypeText(r.S(3), r.S(4), r.Bool(5), r.Int(6), r.Int(7), r.Int(8));
            var computed = r.Null(13) is null ? null : Unwrap(r.S(13));
            Of(r.S(0), r.S(1)).Columns.Add(new Column(r.S(2), computed is null ? type : "computed")
            {
                NotNull = computed is null && !r.Bool(9),
                Default = r.Null(10) is { } d ? Unwrap(d) : null,
                Collation = r.Null(12) is { } collation && computed is null && type.Contains("char", StringComparison.Ordinal) ? collation : null,
                GeneratedExpression = computed,
                GeneratedKind = computed is null ? null : (r.Bool(14) ? "STORED" : "VIRTUAL"),
                Identity = r.Bool(15) ? $"({r.S(16)},{r.S(17)})" : null,
            });
        }

        await foreach (var r in RowsAsync(connection, transaction, Keys, cancellationToken))
        {
            var parts = Of(r.S(0), r.S(1));
            var columns = r.S(5).Split(',').ToValueList();
            if (r.S(2).Trim() == "PK")
            {
                parts.PrimaryKey = new PrimaryKey(r.Null(3), columns) { NameIsGenerated = r.Null(3) is null };
                parts.NonClusteredKey = r.S(4) == "NONCLUSTERED";
            }
            else
            {
                parts.Unique.Add(new UniqueConstraint(r.Null(3), columns) { NameIsGenerated = r.Null(3) is null });
            }
        }

        await foreach (var r in RowsAsync(connection, transaction, ForeignKeys, cancellationToken))
        {
            Of(r.S(0), r.S(1)).ForeignKeys.Add(new ForeignKey(r.Null(2), r.S(5).Split(',').ToValueList(), new ObjectName(r.S(3), r.S(4)), r.S(6).Split(',').ToValueList())
            {
                NameIsGenerated = r.Null(2) is null,
                OnDelete = r.S(7).Replace('_', ' '),
                OnUpdate = r.S(8).Replace('_', ' '),
            });
        }

        await foreach (var r in RowsAsync(connection, transaction, Checks, cancellationToken))
        {
            Of(r.S(0), r.S(1)).Checks.Add(new CheckConstraint(r.Null(2), Unwrap(r.S(3))) { NameIsGenerated = r.Null(2) is null });
        }

        await foreach (var r in RowsAsync(connection, transaction, Indexes, cancellationToken))
        {
            Of(r.S(0), r.S(1)).Indexes.Add(new TableIndex(r.S(2), r.S(6).Split(',').Select(c => new IndexKey(c)).ToValueList())
            {
                IsUnique = r.Bool(3),
                Method = r.S(4) == "CLUSTERED" ? "clustered" : null,
                Predicate = r.Null(5) is { } predicate ? Unwrap(predicate) : null,
                Include = r.Null(7) is { } include ? include.Split(',').ToValueList() : ValueList<string>.Empty,
            });
        }

        var views = new List<View>();
        var triggers = new List<Trigger>();
        var others = new List<SchemaObject>();
        await foreach (var r in RowsAsync(connection, transaction, Modules, cancellationToken))
        {
            var name = new ObjectName(r.S(0), r.S(1));
            var definition = r.S(3).Trim();
            switch (r.S(2).Trim())
            {
                case "V": views.Add(new View(name, definition)); break;
                case "TR": triggers.Add(new Trigger(name, new ObjectName(r.S(4), r.S(5)), definition)); break;
                case "P": others.Add(new SchemaObject("procedure", name, definition)); break;
                default: others.Add(new SchemaObject("function", name, definition)); break;
            }
        }

        var sequences = new List<Sequence>();
        await foreach (var r in RowsAsync(connection, transaction, Sequences, cancellationToken))
        {
            sequences.Add(new Sequence(new ObjectName(r.S(0), r.S(1)))
            {
                Type = r.S(2),
                Start = Number(r.S(3)),
                Increment = Number(r.S(4)),
                MinValue = Number(r.S(5)),
                MaxValue = Number(r.S(6)),
                Cycle = r.Bool(7),
            });
        }

        await foreach (var r in RowsAsync(connection, transaction, Schemas, cancellationToken))
        {
            others.Add(new SchemaObject("schema", new ObjectName(r.S(0)), string.Empty));
        }

        await foreach (var r in RowsAsync(connection, transaction, AliasTypes, cancellationToken))
        {
            others.Add(new SchemaObject("type", new ObjectName(r.S(0), r.S(1)), TypeText(r.S(2), "sys", false, r.Int(3), r.Int(4), r.Int(5)) + (r.Bool(6) ? " NULL" : " NOT NULL")));
        }

        return new DatabaseSchema
        {
            Tables = tables.Select(t => t.Value.ToTable(t.Key)).ToValueList(),
            Views = views.OrderBy(v => v.Name).ToValueList(),
            Triggers = triggers.OrderBy(t => t.Name).ToValueList(),
            Sequences = sequences.OrderBy(s => s.Name).ToValueList(),
            OtherObjects = others.OrderBy(o => o.Kind, StringComparer.Ordinal).ThenBy(o => o.Name).ToValueList(),
        };
    }

    /// <summary>The type as <see cref="Models.DacFxColumnType"/> prints it; <c>nvarchar</c> lengths are in bytes here.</summary>
    private static string TypeText(string name, string schema, bool userDefined, int maxLength, int precision, int scale)
    {
        if (userDefined)
        {
            return new ObjectName(schema, name).ToString();
        }

        return name switch
        {
            "char" or "varchar" or "binary" or "varbinary" => maxLength == -1 ? $"{name}(max)" : $"{name}({maxLength.ToString(CultureInfo.InvariantCulture)})",
            "nchar" or "nvarchar" => maxLength == -1 ? $"{name}(max)" : $"{name}({(maxLength / 2).ToString(CultureInfo.InvariantCulture)})",
            "decimal" or "numeric" => $"{name}({precision.ToString(CultureInfo.InvariantCulture)},{scale.ToString(CultureInfo.InvariantCulture)})",
            "datetime2" or "time" or "datetimeoffset" => $"{name}({scale.ToString(CultureInfo.InvariantCulture)})",
            _ => name,
        };
    }

    /// <summary>SQL Server stores defaults, checks and computed expressions wrapped in parentheses (<c>((0))</c>);
    /// DacFx gives them as written.</summary>
    internal static string Unwrap(string expression)
    {
        var text = expression.Trim();
        while (text.Length >= 2 && text[0] == '(' && text[^1] == ')' && Balanced(text[1..^1]))
        {
            text = text[1..^1].Trim();
        }

        return text;
    }

    private static bool Balanced(string text)
    {
        var depth = 0;
        foreach (var c in text)
        {
            depth += c switch { '(' => 1, ')' => -1, _ => 0 };
            if (depth < 0)
            {
                return false;
            }
        }

        return depth == 0;
    }

    private static long Number(string text) => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : 0;

    private static async IAsyncEnumerable<CatalogRecord> RowsAsync(SqlConnection connection, SqlTransaction? transaction, string text, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = new SqlCommand(text, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var values = new object?[reader.FieldCount];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            yield return new CatalogRecord(values);
        }
    }

    private sealed record CatalogRecord(object?[] Values)
    {
        public string S(int i) => Convert.ToString(Values[i], CultureInfo.InvariantCulture) ?? string.Empty;

        public string? Null(int i) => Values[i] is null ? null : S(i);

        public bool Bool(int i) => Values[i] is bool b ? b : Convert.ToInt32(Values[i] ?? 0, CultureInfo.InvariantCulture) != 0;

        public int Int(int i) => Convert.ToInt32(Values[i] ?? 0, CultureInfo.InvariantCulture);
    }

    private sealed class TableParts
    {
        public List<Column> Columns { get; } = [];

        public PrimaryKey? PrimaryKey { get; set; }

        public bool NonClusteredKey { get; set; }

        public List<ForeignKey> ForeignKeys { get; } = [];

        public List<UniqueConstraint> Unique { get; } = [];

        public List<CheckConstraint> Checks { get; } = [];

        public List<TableIndex> Indexes { get; } = [];

        public Table ToTable(ObjectName name) => new(name)
        {
            Columns = Columns.ToValueList(),
            PrimaryKey = PrimaryKey,
            ForeignKeys = ForeignKeys.OrderBy(f => f.Name, StringComparer.Ordinal).ThenBy(f => string.Join(",", f.Columns), StringComparer.Ordinal).ToValueList(),
            UniqueConstraints = Unique.OrderBy(u => u.Name, StringComparer.Ordinal).ThenBy(u => string.Join(",", u.Columns), StringComparer.Ordinal).ToValueList(),
            CheckConstraints = Checks.OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Expression, StringComparer.Ordinal).ToValueList(),
            Indexes = Indexes.OrderBy(i => i.Name, StringComparer.Ordinal).ToValueList(),
            Options = NonClusteredKey ? ValueList.Of("PRIMARY KEY NONCLUSTERED") : ValueList<string>.Empty,
        };
    }
}
