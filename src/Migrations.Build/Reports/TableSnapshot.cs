using System.Globalization;
using Migrations.Build.Schema;
using static Migrations.Build.Reports.SnapshotText;

namespace Migrations.Build.Reports;

/// <summary>The lines of one table's block in a schema snapshot.</summary>
internal static class TableSnapshot
{
    private const string Indent = "  ";

    public static IEnumerable<string> Lines(Table table)
    {
        yield return "TABLE " + Name(table.Name);

        // Column order has a meaning (it is the table's ordinal order); constraint order has none, so each group is
        // sorted by its text and the snapshot stays stable even if a reader forgets to sort.
        foreach (var column in table.Columns)
        {
            yield return Indent + ColumnLine(column);
        }

        if (table.PrimaryKey is { } primaryKey)
        {
            yield return Indent + Named(primaryKey.Name, primaryKey.NameIsGenerated, $"PRIMARY KEY ({Identifiers(primaryKey.Columns)})");
        }

        var constraints = table.ForeignKeys.Select(ForeignKeyLine).Order(StringComparer.Ordinal)
            .Concat(table.UniqueConstraints.Select(UniqueLine).Order(StringComparer.Ordinal))
            .Concat(table.CheckConstraints.Select(CheckLine).Order(StringComparer.Ordinal))
            .Concat(table.ExclusionConstraints.Select(ExclusionLine).Order(StringComparer.Ordinal))
            .Concat(table.Indexes.Select(IndexLine).Order(StringComparer.Ordinal))
            .Concat(table.Options.Select(option => "OPTION " + OneLine(option)).Order(StringComparer.Ordinal));
        foreach (var line in constraints)
        {
            yield return Indent + line;
        }

        if (table.Comment is not null)
        {
            yield return Indent + "COMMENT " + Literal(table.Comment);
        }
    }

    private static string ColumnLine(Column column)
    {
        var parts = new List<string> { Identifier(column.Name) };
        if (column.Type.Length > 0)
        {
            parts.Add(OneLine(column.Type));
        }

        if (column.Collation is not null)
        {
            parts.Add("COLLATE " + Identifier(column.Collation));
        }

        if (column.NotNull)
        {
            parts.Add("NOT NULL");
        }

        if (column.Default is not null)
        {
            parts.Add("DEFAULT " + OneLine(column.Default));
        }

        if (column.GeneratedExpression is not null)
        {
            parts.Add($"GENERATED ALWAYS AS ({OneLine(column.GeneratedExpression)})");
            if (column.GeneratedKind is not null)
            {
                parts.Add(column.GeneratedKind);
            }
        }

        if (column.Identity is not null)
        {
            parts.Add($"GENERATED {column.Identity} AS IDENTITY");
        }

        if (column.AutoIncrement)
        {
            parts.Add("AUTOINCREMENT");
        }

        if (column.Comment is not null)
        {
            parts.Add("COMMENT " + Literal(column.Comment));
        }

        return string.Join(' ', parts);
    }

    private static string ForeignKeyLine(ForeignKey key)
    {
        var text = $"FOREIGN KEY ({Identifiers(key.Columns)}) REFERENCES {Name(key.ReferencedTable)} ({Identifiers(key.ReferencedColumns)})"
            + $" ON DELETE {key.OnDelete} ON UPDATE {key.OnUpdate}";
        if (!string.Equals(key.Match, "SIMPLE", StringComparison.OrdinalIgnoreCase))
        {
            text += " MATCH " + key.Match;
        }

        text += Deferrability(key.Deferrable, key.InitiallyDeferred);
        if (key.NotValid)
        {
            text += " NOT VALID";
        }

        return Named(key.Name, key.NameIsGenerated, text);
    }

    private static string UniqueLine(UniqueConstraint unique)
    {
        var text = "UNIQUE" + (unique.NullsNotDistinct ? " NULLS NOT DISTINCT" : string.Empty)
            + $" ({Identifiers(unique.Columns)})" + Deferrability(unique.Deferrable, unique.InitiallyDeferred);
        return Named(unique.Name, unique.NameIsGenerated, text);
    }

    private static string CheckLine(CheckConstraint check) =>
        Named(check.Name, check.NameIsGenerated, $"CHECK ({OneLine(check.Expression)})" + (check.NotValid ? " NOT VALID" : string.Empty));

    private static string ExclusionLine(ExclusionConstraint exclusion) =>
        Named(exclusion.Name, nameIsGenerated: false, OneLine(exclusion.Definition) + Deferrability(exclusion.Deferrable, exclusion.InitiallyDeferred));

    private static string IndexLine(TableIndex index)
    {
        var text = index.IsUnique ? "UNIQUE INDEX" : "INDEX";
        if (!index.NameIsGenerated)
        {
            text += " " + Identifier(index.Name);
        }

        if (index.Method is not null)
        {
            text += " USING " + index.Method;
        }

        text += $" ({string.Join(", ", index.Keys.Select(KeyText))})";
        if (index.Include.Count > 0)
        {
            text += $" INCLUDE ({Identifiers(index.Include)})";
        }

        if (index.NullsNotDistinct)
        {
            text += " NULLS NOT DISTINCT";
        }

        if (index.Predicate is not null)
        {
            text += " WHERE " + OneLine(index.Predicate);
        }

        if (index.Comment is not null)
        {
            text += " COMMENT " + Literal(index.Comment);
        }

        return index.NameIsGenerated ? text + GeneratedName(index.Name) : text;
    }

    /// <summary>A column key is a name and quoted like one; an expression key is engine text.</summary>
    private static string KeyText(IndexKey key)
    {
        var text = OneLine(key.ToString());
        return key.IsExpression ? text : Identifier(key.Expression) + text[OneLine(key.Expression).Length..];
    }

    /// <summary>An author's name is part of the definition (<c>CONSTRAINT name …</c>); a name the engine chose is
    /// shown after the definition, so a diff of two engines' snapshots lines up on what matters.</summary>
    private static string Named(string? name, bool nameIsGenerated, string definition) => name switch
    {
        null => definition,
        _ when nameIsGenerated => definition + GeneratedName(name),
        _ => $"CONSTRAINT {Identifier(name)} {definition}",
    };

    private static string GeneratedName(string name) => string.Create(CultureInfo.InvariantCulture, $"  -- generated name: {Identifier(name)}");

    private static string Deferrability(bool deferrable, bool initiallyDeferred) =>
        !deferrable ? string.Empty : initiallyDeferred ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE";
}
