using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;
using Migrations.Build.Models;
using Migrations.Build.Providers;
using Migrations.Build.Schema;
using Migrations.Build.Schema.Comparison;

namespace Migrations.Build.Checks;

/// <summary>Compares the schema the migrations build with the model's schema, both reflected by the same engine;
/// findings point at the model's source through its locator.</summary>
public static class DriftCheck
{
    /// <summary>The model's schema: its scripts applied to their own scratch database and reflected, or its ready
    /// schema; null when a statement failed (reported as MIG3001 at the model file's line).</summary>
    public static async Task<(DatabaseSchema? Schema, IReadOnlyList<Diagnostic> Diagnostics)> ReadModelAsync(CheckContext context, ModelContent model, CancellationToken cancellationToken)
    {
        if (model.Schema is { } ready)
        {
            return (context.Provider.Normalize(ready), []);
        }

        await using var database = await context.CreateScratchDatabaseAsync(ScratchPurpose.Model, cancellationToken);
        foreach (var script in model.Scripts)
        {
            try
            {
                await database.ExecuteAsync(script, cancellationToken);
            }
            catch (StatementFailedException failure)
            {
                return (null, [new Diagnostic(ScriptRunner.CodeFor(failure, DiagnosticCodes.ModelStatementFailed), $"The model failed to apply: {failure.Message}", failure.Location)]);
            }
        }

        return (context.Provider.Normalize(await database.ReadSchemaAsync(cancellationToken)), []);
    }

    /// <summary>Judges the drift between the model and the migrated schema.</summary>
    /// <param name="model">The loaded model, or null when the run has none.</param>
    /// <param name="modelSchema">The model's schema (<see cref="ReadModelAsync"/>), or null when it could not be made.</param>
    /// <param name="found">What loading and applying the model reported already.</param>
    /// <param name="replay">The replay's outcome, or null when it could not start.</param>
    /// <param name="history">The history check's report: with duplicate versions a drift would be an echo.</param>
    public static CheckReport Judge(CheckContext context, ModelContent? model, DatabaseSchema? modelSchema, IReadOnlyList<Diagnostic> found, ReplayOutcome? replay, CheckReport history, IReadOnlyList<Migration> migrations)
    {
        if (model is null)
        {
            return CheckReport.NotRun("drift", "drift not checked (no model)", found);
        }

        if (modelSchema is null)
        {
            return CheckReport.NotRun("drift", "drift not checked (the model failed to apply)", found);
        }

        if (replay?.Schema is not { } migrated)
        {
            return CheckReport.NotRun("drift", "drift not checked (the upgrade failed)", found);
        }

        if (history.Diagnostics.Any(d => d.Descriptor == DiagnosticCodes.DuplicateVersion))
        {
            // Only one of two migrations with the same version was applied: every difference would be an echo.
            return CheckReport.NotRun("drift", "drift not checked (duplicate versions)", found);
        }

        var diagnostics = found.ToList();
        var count = Compare(context, modelSchema, migrated, model, migrations, diagnostics);
        return new CheckReport(new CheckOutcome("drift", count == 0 ? CheckStatus.Passed : CheckStatus.Failed, $"drift {count}"), diagnostics.ToValueList());
    }

    /// <summary>Reports every difference, one diagnostic each; returns how many were found.</summary>
    private static int Compare(CheckContext context, DatabaseSchema model, DatabaseSchema migrated, ModelContent modelContent, IReadOnlyList<Migration> migrations, List<Diagnostic> diagnostics)
    {
        var pending = new HashSet<string>(context.Request.PendingTables, StringComparer.OrdinalIgnoreCase);
        var options = ComparisonOptions.Drift with { Ignore = context.Request.Ignore };
        var modelLocator = modelContent.Locator;
        var migrationLocator = new ObjectLocator(migrations.Select(m => m.Up));
        var fallback = modelContent.Fallback;
        var count = 0;

        foreach (var table in pending.Where(p => migrated.Tables.Any(t => Matches(t.Name, p))))
        {
            diagnostics.Add(new Diagnostic(
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
            diagnostics.Add(DifferenceMessages.Drift(difference, modelLocator, migrationLocator, fallback));
        }

        return count;
    }

    private static bool Matches(ObjectName name, string pending) =>
        string.Equals(name.Name, pending, StringComparison.OrdinalIgnoreCase)
        || string.Equals(name.ToString(), pending, StringComparison.OrdinalIgnoreCase);
}
