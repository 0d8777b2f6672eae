namespace Migrations.Build.Diagnostics;

/// <summary>Maps a schema object to the place in its source that defines it, so a finding about the object points
/// there (a model's SQL file, a dacpac's project file, an EF Core entity). A miss returns null, never a guess.</summary>
public interface ISchemaLocator
{
    /// <summary>Where the object of this name (a table, view, index, trigger, …) is defined.</summary>
    SourceLocation? FindCreation(string name);

    /// <summary>Where <paramref name="child"/> (a column or constraint name) of <paramref name="table"/> is defined,
    /// else where the table is.</summary>
    SourceLocation? FindInTable(string table, string? child);
}
