using Microsoft.SqlServer.Dac.Model;
using Migrations.Build.Diagnostics;

namespace Migrations.Build.SqlServer.Models;

/// <summary>Places findings about a DacFx model's objects at the file and line that define them (DacFx keeps each
/// object's source name and start line); a dacpac has no sources, and the finding points at the dacpac itself.</summary>
public sealed class DacFxLocator : ISchemaLocator
{
    private readonly Dictionary<string, SourceLocation> _objects = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string Table, string Child), SourceLocation> _children = [];

    public DacFxLocator(TSqlModel model)
    {
        foreach (var item in model.GetObjects(DacQueryScopes.UserDefined, ModelSchema.Table, ModelSchema.View, ModelSchema.Procedure, ModelSchema.ScalarFunction, ModelSchema.TableValuedFunction, ModelSchema.DmlTrigger, ModelSchema.Sequence, ModelSchema.Index, ModelSchema.Schema, ModelSchema.DataType, ModelSchema.TableType, ModelSchema.PrimaryKeyConstraint, ModelSchema.ForeignKeyConstraint, ModelSchema.UniqueConstraint, ModelSchema.CheckConstraint, ModelSchema.DefaultConstraint))
        {
            if (At(item) is not { } location)
            {
                continue;
            }

            // Named constraints are schema-scoped in SQL Server, and DacFx's messages name them so ([dbo].[fk_orders]).
            var name = DacFxNames.Of(item);
            if (item.Name.HasName)
            {
                _objects.TryAdd(name.ToString(), location);
                _objects.TryAdd(name.Name, location);
            }

            if (item.ObjectType == ModelSchema.Table)
            {
                foreach (var child in item.GetReferenced(Table.Columns).Concat(item.GetChildren()))
                {
                    if (DacFxNames.Local(child) is { } childName && At(child) is { } childLocation)
                    {
                        _children.TryAdd((name.ToString().ToUpperInvariant(), childName.ToUpperInvariant()), childLocation);
                    }
                }
            }
        }
    }

    public SourceLocation? FindCreation(string name) => _objects.GetValueOrDefault(name);

    public SourceLocation? FindInTable(string table, string? child) =>
        child is not null && _children.TryGetValue((table.ToUpperInvariant(), child.ToUpperInvariant()), out var location) ? location : FindCreation(table);

    /// <summary>Where DacFx says the object starts, or null (objects of a dacpac have no source).</summary>
    public static SourceLocation? At(TSqlObject item) =>
        item.GetSourceInformation() is { SourceName: { Length: > 0 } source } information
            ? new SourceLocation(source, Math.Max(information.StartLine, 1), Math.Max(information.StartColumn, 1))
            : null;
}
