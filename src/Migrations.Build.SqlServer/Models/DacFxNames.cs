using Microsoft.SqlServer.Dac.Model;
using Migrations.Build.Schema;

namespace Migrations.Build.SqlServer.Models;

/// <summary>DacFx's object identifiers as the engine's names: <c>[dbo].[users]</c> is <c>dbo.users</c>; a constraint
/// the author did not name (DacFx gives it no name) is null, and the server names it.</summary>
internal static class DacFxNames
{
    public static ObjectName Of(TSqlObject item) => Of(item.Name);

    public static ObjectName Of(ObjectIdentifier name) => name.Parts.Count switch
    {
        0 => new ObjectName(string.Empty),
        1 => new ObjectName(name.Parts[0]),
        _ => new ObjectName(name.Parts[^2], name.Parts[^1]),
    };

    /// <summary>The last part of a child's name (a column, a constraint), or null when it has none.</summary>
    public static string? Local(TSqlObject item) => item.Name.HasName && item.Name.Parts.Count > 0 ? item.Name.Parts[^1] : null;

    public static ValueList<string> Columns(TSqlObject item, ModelRelationshipClass relationship) =>
        item.GetReferenced(relationship).Select(c => c.Name.Parts[^1]).ToValueList();
}
