using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;
using Migrations.Build.Providers;
using Migrations.Build.Schema;
using Migrations.Build.Schema.Comparison;

namespace Migrations.Build.Checks;

/// <summary>Compares the schema the migrations build with the model's schema, both reflected by the same engine.</summary>
public static class DriftCheck
{
    /// <summary>Applies the model scripts to their own scratch database and reflects it; null when a statement failed
    /// (reported as MIG3001 at the model file's line).</summary>
    public static async Task<DatabaseSchema?> ReadModelAsync(CheckContext context, IReadOnlyList<SqlScript> scripts, CancellationToken cancellationToken)
    {
        await using var database = await context.CreateScratchDatabaseAsync(ScratchPurpose.Model, cancellationToken);
        foreach (var script in scripts)
        {
            try
            {
                await database.ExecuteAsync(script, cancellationToken);
            }
            catch (StatementFailedException failure)
            {
                context.Drift.Add(new Diagnostic(DiagnosticCodes.ModelStatementFailed, $"The model failed to apply: {failure.Message}", failure.Location));
                return null;
            }
        }

        return context.Provider.Normalize(await database.ReadSchemaAsync(cancellationToken));
    }

    /// <summary>Reports every difference, one diagnostic each; returns how many were found.</summary>
    public static int Compare(CheckContext context, DatabaseSchema model, DatabaseSchema migrated, IReadOnlyList<SqlScript> modelScripts, IReadOnlyList<Migration> migrations)
    {
        var pending = new HashSet<string>(context.Request.PendingTables, StringComparer.OrdinalIgnoreCase);
        var options = ComparisonOptions.Drift with { Ignore = context.Request.Ignore };
        var modelLocator = new ObjectLocator(modelScripts);
        var migrationLocator = new ObjectLocator(migrations.Select(m => m.Up));
        var fallback = modelScripts.FirstOrDefault()?.Start;
        var count = 0;

        foreach (var table in pending.Where(p => migrated.Tables.Any(t => Matches(t.Name, p))))
        {
            context.Drift.Add(new Diagnostic(
                DiagnosticCodes.StalePendingTable,
                $"Table {table} is listed as pending, but a migration creates it now; remove it from MigrationsPendingTable.",
                migrationLocator.FindCreation(table)));
        }

        foreach (var difference in SchemaComparer.Compare(model, migrated, options))
        {
            // A pending table may be missing, and so may everything on it; anything else about it is still compared.
            var owner = difference.Object.Table ?? (difference.Object.Kind == ObjectKind.Table ? difference.Object.Owner : null);
            if (difference is MissingObject && owner is not null && pending.Any(p => Matches(owner, p)))
            {
                continue;
            }

            count++;
            context.Drift.Add(DifferenceMessages.Drift(difference, modelLocator, migrationLocator, fallback));
        }

        return count;
    }

    private static bool Matches(ObjectName name, string pending) =>
        string.Equals(name.Name, pending, StringComparison.OrdinalIgnoreCase)
        || string.Equals(name.ToString(), pending, StringComparison.OrdinalIgnoreCase);
}
