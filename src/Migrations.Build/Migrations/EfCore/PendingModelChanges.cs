using Migrations.Build.Diagnostics;
using Migrations.EfBridge.Export;

namespace Migrations.Build.Migrations.EfCore;

/// <summary>The triangle's first side: the changes between the last migration's model snapshot and the current model
/// (what <c>dotnet ef migrations has-pending-model-changes</c> answers only with yes or no), one finding per operation,
/// at the entity property or class it comes from.</summary>
public static class PendingModelChanges
{
    private const string Advice = "add a migration (dotnet ef migrations add NAME)";

    public static IEnumerable<Diagnostic> Judge(ContextExport context, CSharpSourceIndex sources, SourceLocation contextFile) =>
        (context.PendingOperations ?? []).Select(o => new Diagnostic(DiagnosticCodes.EfPendingModelChange, $"{Describe(o)}: {Advice}.", Locate(o, sources) ?? contextFile));

    /// <summary>E.g. "Property Lead.Score (column Leads.Score) is in the model, but no migration adds it".</summary>
    public static string Describe(PendingOperation o)
    {
        var table = o.Schema is { Length: > 0 } schema ? $"{schema}.{o.Table}" : o.Table;
        var entity = o.EntityType is { } type ? type[(type.LastIndexOf('.') + 1)..] : null;
        var property = entity is not null && o.Property is not null ? $"Property {entity}.{o.Property} (column {table}.{o.Name})" : $"Column {table}.{o.Name}";
        return o.Kind switch
        {
            "AddColumn" => $"{property} is in the model, but no migration adds it",
            "DropColumn" => $"Column {table}.{o.Name} is no longer in the model, but no migration drops it",
            "AlterColumn" => $"{property} is changed in the model, but no migration alters it",
            "RenameColumn" => $"Column {table}.{o.Name} is renamed in the model, but no migration renames it",
            "CreateTable" => entity is not null ? $"Entity {entity} (table {table}) is in the model, but no migration creates it" : $"Table {table} is in the model, but no migration creates it",
            "DropTable" => $"Table {table} is no longer in the model, but no migration drops it",
            "RenameTable" => $"Table {table} is renamed in the model, but no migration renames it",
            "CreateIndex" => $"Index {o.Name} on {table} is in the model, but no migration creates it",
            "DropIndex" => $"Index {o.Name} on {table} is no longer in the model, but no migration drops it",
            "AddForeignKey" => $"Foreign key {o.Name} on {table} is in the model, but no migration adds it",
            "DropForeignKey" => $"Foreign key {o.Name} on {table} is no longer in the model, but no migration drops it",
            _ => $"The model has a change that no migration makes ({o.Kind}{(table is null ? "" : " on " + table)}{(o.Name is null ? "" : " " + o.Name)})",
        };
    }

    private static SourceLocation? Locate(PendingOperation o, CSharpSourceIndex sources) =>
        o.EntityType is not { } type ? null
        : o.Property is { } property ? sources.FindProperty(type, property)
        : sources.FindClass(type);
}
