using Migrations.Build.Checks.Downgrade;
using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;
using Migrations.Build.Models;
using Migrations.Build.Providers;
using Migrations.Build.Schema;

namespace Migrations.Build.Checks;

/// <summary>Runs the checks in order (History → Upgrade (+ Downgrade proofs in the same replay) → Drift) on the
/// migrations and model its sources give, and collects their diagnostics and outcomes. It knows no source and no
/// engine by name: the composition root (<c>Cli/CheckComposition</c>) picks them.</summary>
public static class CheckRunner
{
    /// <param name="model">The model, or null: no drift check (the summary says so).</param>
    public static async Task<ValidationResult> RunAsync(
        ValidationRequest request, IMigrationSource migrations, IModelSource? model, IDatabaseProvider provider, Action<string>? progress, CancellationToken cancellationToken)
    {
        var (setup, problem) = SetupScriptFile.LoadAll(request.SetupScripts, provider.Dialect);
        if (problem is not null)
        {
            return new ValidationResult(request, provider.DisplayName) { Diagnostics = ValueList.Of(problem) };
        }

        try
        {
            return await RunAsync(request, migrations, model, provider, new CheckContext(request, provider, progress) { Setup = setup }, cancellationToken);
        }
        catch (ProviderSetupException failure)
        {
            // The setup script failed in a scratch database, or one could not be made: nothing else can be checked.
            return new ValidationResult(request, provider.DisplayName) { Diagnostics = ValueList.Of(failure.ToDiagnostic()) };
        }
    }

    private static async Task<ValidationResult> RunAsync(
        ValidationRequest request, IMigrationSource migrations, IModelSource? model, IDatabaseProvider provider, CheckContext context, CancellationToken cancellationToken)
    {
        var content = model?.Load(provider.Dialect);
        var set = migrations.Load(provider.Dialect);
        var history = HistoryCheck.Run(set, migrations.LockFile);

        var unusable = history.Diagnostics.Any(d => d.Descriptor == DiagnosticCodes.UnreadableScript || d.Descriptor == DiagnosticCodes.UnterminatedToken);
        if (unusable)
        {
            context.UpgradeDatabaseCreated(); // none will be
        }

        // The model's scratch database is built while the migrations replay (created after theirs, see CheckContext).
        var modelRun = content is { IsUsable: true }
            ? Task.Run(() => DriftCheck.ReadModelAsync(context, content, cancellationToken), cancellationToken)
            : Task.FromResult<(DatabaseSchema? Schema, IReadOnlyList<Diagnostic> Diagnostics)>((null, []));
        ReplayOutcome? replay = null;
        if (!unusable)
        {
            try
            {
                replay = await ReplayPass.RunAsync(context, set.Migrations, cancellationToken);
            }
            catch
            {
                // Cancelled or the server went away: the model's database is dropped before the provider is.
                context.UpgradeDatabaseCreated();
                await Task.WhenAny(modelRun);
                throw;
            }
        }

        var (modelSchema, modelDiagnostics) = await modelRun;
        var upgrade = UpgradeCheck.Judge(replay, context.Upgrade, set.Migrations);
        var drift = DriftCheck.Judge(context, content, modelSchema, [.. content?.Diagnostics ?? [], .. modelDiagnostics], replay, history, set.Migrations);
        var downgrade = DowngradeCheck.Judge(request.Downgrade, set.Migrations, replay, context.Downgrade);
        CheckReport[] reports = [history, upgrade, drift, downgrade];

        var diagnostics = reports.SelectMany(r => r.Diagnostics).ToValueList();
        if ((request.UpdateLock || File.Exists(migrations.LockFile)) && !diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            // Released history grows only from a passing run: a failing migration never becomes "released".
            if (HistoryLock.AppendNew(migrations.LockFile, HistoryLock.Read(migrations.LockFile), set) is { } notWritten)
            {
                diagnostics = diagnostics.Append(notWritten).ToValueList();
            }
        }

        return new ValidationResult(request, provider.DisplayName)
        {
            Diagnostics = diagnostics,
            Migrations = set.Migrations,
            NotChecked = UpgradeCheck.NotApplied(replay, set.Migrations).ToValueList(),
            MigratedSchema = replay?.Schema,
            ModelSchema = modelSchema,
            Checks = reports.Select(r => r.Outcome).ToValueList(),

            // What this engine cannot tell is said, not guessed (printed with --verbose, sent in the JSON summary).
            NotVerifiable = provider.Capabilities.NotVerifiable,
        };
    }
}
