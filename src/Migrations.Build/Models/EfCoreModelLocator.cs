using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations.EfCore;
using Migrations.EfBridge.Export;

namespace Migrations.Build.Models;

/// <summary>Places a finding about a table or column at the entity class that maps it (and its property), through the
/// model's entity-to-table mapping; an object no entity maps (an index, a join table) is not placed here.</summary>
public sealed class EfCoreModelLocator(IReadOnlyList<EntityMapping> entities, CSharpSourceIndex sources) : ISchemaLocator
{
    public SourceLocation? FindCreation(string name) =>
        Entity(name) is { } entity ? sources.FindClass(entity.ClrType) : null;

    public SourceLocation? FindInTable(string table, string? child)
    {
        if (Entity(table) is not { } entity)
        {
            return null;
        }

        var property = child is null ? null : entity.Columns.FirstOrDefault(c => string.Equals(c.Column, child, StringComparison.OrdinalIgnoreCase));
        return property is not null ? sources.FindProperty(entity.ClrType, property.Property) : sources.FindClass(entity.ClrType);
    }

    private EntityMapping? Entity(string table) =>
        entities.FirstOrDefault(e => e.Table == table) ?? entities.FirstOrDefault(e => string.Equals(e.Table, table, StringComparison.OrdinalIgnoreCase));
}
