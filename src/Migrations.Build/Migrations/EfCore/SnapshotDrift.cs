using Migrations.Build.Checks;
using Migrations.Build.Diagnostics;
using Migrations.Build.Models;
using Migrations.Build.Schema;
using Migrations.Build.Schema.Comparison;
using Migrations.EfBridge.Export;

namespace Migrations.Build.Migrations.EfCore;

/// <summary>The triangle's second side: the schema the migrations build against the model snapshot's (its create
/// script applied to a scratch database and reflected). They differ when a migration or the snapshot was edited by
/// hand after <c>dotnet ef migrations add</c> wrote them, and EF computes the next migration from the snapshot, so that
/// one would be wrong too. One finding per difference, at the snapshot's file.</summary>
public static class SnapshotDrift
{
    private const string Advice = "A migration or the snapshot was edited after dotnet ef wrote them, and EF computes the next migration from the snapshot: make them agree (undo the edit, or remove the migration with dotnet ef migrations remove and add it again).";

    /// <param name="result">The context's checks: its migrated schema and (when the snapshot's script is the current
    /// model's, so no model change is pending) its model schema, reused instead of applied again.</param>
    public static async Task<IReadOnlyList<Diagnostic>> JudgeAsync(
        CheckContext context, ContextExport export, ValidationResult result, CSharpSourceIndex sources, SourceLocation contextFile, CancellationToken cancellationToken)
    {
        if (export.SnapshotScript is not { } script || result.MigratedSchema is not { } migrated
            || result.Diagnostics.Any(d => d.Descriptor == DiagnosticCodes.DuplicateVersion))
        {
            return [];
        }

        var at = export.SnapshotType is { } type ? sources.FindClass(type) ?? contextFile : contextFile;
        DatabaseSchema? snapshot = result.ModelSchema;
        if (snapshot is null || !SameScript(script, export.CreateScript))
        {
            var content = new EfCoreModel(script, export.Entities, sources, at).Load(context.Provider.Dialect);
            if (!content.IsUsable)
            {
                return content.Diagnostics;
            }

            context.UpgradeDatabaseCreated(); // the upgrade pass is over: nothing to wait for
            (snapshot, var diagnostics) = await DriftCheck.ReadModelAsync(context, content, cancellationToken);
            if (snapshot is null)
            {
                return diagnostics;
            }
        }

        var name = export.SnapshotType is { } full ? full[(full.LastIndexOf('.') + 1)..] : "The model snapshot";
        var options = ComparisonOptions.Drift with { Ignore = context.Request.Ignore };
        return SchemaComparer.Compare(snapshot, migrated, options)
            .Select(d => new Diagnostic(
                DiagnosticCodes.EfSnapshotDiffers,
                $"{name} does not match the schema the migrations build: {DifferenceMessages.Between(d, "the snapshot's create script", "the migrations")} {Advice}",
                at))
            .ToList();
    }

    private static bool SameScript(IReadOnlyList<SqlCommandExport> a, IReadOnlyList<SqlCommandExport> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.Sql == p.Second.Sql);
}
