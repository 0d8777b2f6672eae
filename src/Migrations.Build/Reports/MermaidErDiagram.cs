using System.Text;
using System.Text.RegularExpressions;
using Migrations.Build.Schema;

namespace Migrations.Build.Reports;

/// <summary>Draws a schema's tables and foreign keys as a Mermaid <c>erDiagram</c>.</summary>
internal static partial class MermaidErDiagram
{
    /// <summary>Mermaid's default <c>maxTextSize</c>: GitHub refuses to draw a larger diagram.</summary>
    public const int MaxTextSize = 50_000;

    /// <summary>The diagram text (without the code fence), or null when the schema has no table.</summary>
    public static string? Render(DatabaseSchema schema)
    {
        if (schema.Tables.Count == 0)
        {
            return null;
        }

        var tables = schema.Tables.OrderBy(t => t.Name).ToList();
        var entities = new EntityNames();
        var text = new StringBuilder("erDiagram\n");
        foreach (var table in tables)
        {
            AppendEntity(text, entities.Of(table.Name), table);
        }

        foreach (var table in tables)
        {
            foreach (var key in table.ForeignKeys.OrderBy(k => k.ReferencedTable).ThenBy(k => string.Join(',', k.Columns), StringComparer.Ordinal))
            {
                var label = string.Join(", ", key.Columns).Replace("\"", "'", StringComparison.Ordinal);
                text.Append("    ").Append(entities.Of(key.ReferencedTable)).Append(' ')
                    .Append(ParentCardinality(table, key)).Append("--").Append(ChildCardinality(table, key)).Append(' ')
                    .Append(entities.Of(table.Name)).Append(" : \"").Append(label).Append("\"\n");
            }
        }

        return text.ToString();
    }

    /// <summary>A Mermaid attribute type must be one word: <c>VARCHAR(100)</c> becomes <c>VARCHAR_100_</c>,
    /// <c>double precision</c> becomes <c>double_precision</c>, <c>int[]</c> becomes <c>int_array</c>.</summary>
    public static string TypeToken(string type) => Token(type.Trim().Replace("[]", "_array", StringComparison.Ordinal), "untyped");

    /// <summary>An entity or attribute name Mermaid accepts: letters, digits and underscores, not starting with a digit.</summary>
    public static string Token(string text, string fallback)
    {
        var token = NotWordCharacters().Replace(text, "_");
        if (token.Trim('_').Length == 0)
        {
            return fallback;
        }

        if (char.IsAsciiDigit(token[0]))
        {
            return "_" + token;
        }

        // Mermaid reads PK, FK and UK (in any case) as key markers wherever they stand.
        return token.ToUpperInvariant() is "PK" or "FK" or "UK" ? token + "_" : token;
    }

    private static void AppendEntity(StringBuilder text, string entity, Table table)
    {
        if (table.Columns.Count == 0)
        {
            text.Append("    ").Append(entity).Append('\n');
            return;
        }

        var primaryKey = table.PrimaryKey?.Columns.ToHashSet(StringComparer.Ordinal) ?? [];
        var foreignKey = table.ForeignKeys.SelectMany(k => k.Columns).ToHashSet(StringComparer.Ordinal);
        var unique = table.UniqueConstraints.Where(u => u.Columns.Count == 1).Select(u => u.Columns[0])
            .Concat(table.Indexes.Where(i => i.IsUnique && i.Predicate is null && i.Keys.Count == 1 && !i.Keys[0].IsExpression).Select(i => i.Keys[0].Expression))
            .ToHashSet(StringComparer.Ordinal);

        text.Append("    ").Append(entity).Append(" {\n");
        foreach (var column in table.Columns)
        {
            var type = TypeToken(column.Type);
            var name = Token(column.Name, "column");
            text.Append("        ").Append(type).Append(' ').Append(name);

            var keys = new List<string>();
            if (primaryKey.Contains(column.Name))
            {
                keys.Add("PK");
            }

            if (foreignKey.Contains(column.Name))
            {
                keys.Add("FK");
            }

            if (unique.Contains(column.Name) && !primaryKey.Contains(column.Name))
            {
                keys.Add("UK");
            }

            if (keys.Count > 0)
            {
                text.Append(' ').Append(string.Join(", ", keys));
            }

            // When the name or type had to be changed to satisfy Mermaid, the comment keeps what the engine said.
            var original = new List<string>();
            if (name != column.Name)
            {
                original.Add(column.Name);
            }

            if (type != column.Type)
            {
                original.Add(column.Type.Length == 0 ? "no type" : column.Type);
            }

            if (original.Count > 0)
            {
                text.Append(" \"").Append(string.Join(": ", original).Replace("\"", "'", StringComparison.Ordinal)).Append('"');
            }

            text.Append('\n');
        }

        text.Append("    }\n");
    }

    /// <summary>Each row of the child has at most one parent: exactly one when every key column is NOT NULL.</summary>
    private static string ParentCardinality(Table child, ForeignKey key) =>
        key.Columns.All(c => child.Columns.FirstOrDefault(col => col.Name == c)?.NotNull == true) ? "||" : "|o";

    /// <summary>A parent has at most one child when the key columns are themselves unique in the child.</summary>
    private static string ChildCardinality(Table child, ForeignKey key)
    {
        var columns = key.Columns.ToHashSet(StringComparer.Ordinal);
        var uniqueSets = new[] { child.PrimaryKey?.Columns }
            .Concat(child.UniqueConstraints.Select(u => (ValueList<string>?)u.Columns))
            .Concat(child.Indexes.Where(i => i.IsUnique && i.Predicate is null && i.Keys.All(k => !k.IsExpression))
                .Select(i => (ValueList<string>?)i.Keys.Select(k => k.Expression).ToValueList()));
        return uniqueSets.Any(set => set is { } s && s.ToHashSet(StringComparer.Ordinal).SetEquals(columns)) ? "o|" : "o{";
    }

    /// <summary>Words Mermaid's ER lexer reads as keywords outside an entity block (it ignores case), so an entity
    /// cannot be called that: a table named <c>end</c> or <c>many</c> would break the whole diagram.</summary>
    private static readonly HashSet<string> ReservedWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "erDiagram", "one", "many", "only", "zero", "to", "optionally", "end", "class", "classDef", "style", "subgraph",
        "direction", "accTitle", "accDescr", "title", "u", "o",
    };

    [GeneratedRegex(@"[^A-Za-z0-9_]+")]
    private static partial Regex NotWordCharacters();

    /// <summary>Gives each table one Mermaid entity name, unique even when two names sanitize alike
    /// (<c>sales.orders</c> and <c>sales_orders</c>).</summary>
    private sealed class EntityNames
    {
        private readonly Dictionary<ObjectName, string> _byTable = [];
        private readonly HashSet<string> _used = new(StringComparer.Ordinal);

        public string Of(ObjectName table)
        {
            if (_byTable.TryGetValue(table, out var known))
            {
                return known;
            }

            var token = Token(table.ToString(), "table");
            if (ReservedWords.Contains(token))
            {
                token += "_";
            }

            var candidate = token;
            for (var suffix = 2; !_used.Add(candidate); suffix++)
            {
                candidate = token + "_" + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            _byTable[table] = candidate;
            return candidate;
        }
    }
}
