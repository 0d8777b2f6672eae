using System.Diagnostics;
using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;
using Migrations.Build.Models;
using Migrations.Build.Providers;
using Migrations.Build.Schema;

namespace Migrations.Build.Checks;

/// <summary>Runs the checks in order (History → Upgrade (+ Downgrade proofs in the same pass) → Drift) and
/// collects their diagnostics and outcomes.</summary>
public static class CheckRunner
{
    public static async Task<ValidationResult> RunAsync(ValidationRequest request, Action<string>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var result = new ValidationResult(request, request.Provider);
        if (!Directory.Exists(request.MigrationsDirectory))
        {
            return result with
            {
                Diagnostics = ValueList.Of(new Diagnostic(
                    DiagnosticCodes.MigrationsDirectoryNotFound,
                    $"The migrations directory '{request.MigrationsDirectory}' does not exist. Set MigrationsDirectory (--migrations) to the folder that holds your migrations.",
                    new SourceLocation(request.MigrationsDirectory))),
                Elapsed = clock.Elapsed,
            };
        }

        if (request.ModelPath is { } modelPath && !File.Exists(modelPath) && !Directory.Exists(modelPath))
        {
            return result with
            {
                Diagnostics = ValueList.Of(new Diagnostic(
                    DiagnosticCodes.ModelNotFound,
                    $"The model '{modelPath}' does not exist. Set MigrationsModel (--model) to a schema.sql file or a folder of .sql files.",
                    new SourceLocation(modelPath))),
                Elapsed = clock.Elapsed,
            };
        }

        IDatabaseProvider provider;
        try
        {
            provider = await ProviderFactory.CreateAsync(request.Provider, request.ConnectionString, cancellationToken);
        }
        catch (ProviderSetupException failure)
        {
            return result with
            {
                Diagnostics = ValueList.Of(new Diagnostic(failure.Descriptor, failure.Message)),
                Elapsed = clock.Elapsed,
            };
        }

        await using (provider)
        {
            result = await RunChecksAsync(new CheckContext(request, provider, progress), result with { ProviderName = provider.DisplayName }, cancellationToken);
        }

        return result with { Elapsed = clock.Elapsed };
    }

    /// <summary>Runs the checks on a provider the caller owns (and disposes), e.g. a test's shared server.</summary>
    public static async Task<ValidationResult> RunAsync(ValidationRequest request, IDatabaseProvider provider, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var result = await RunChecksAsync(new CheckContext(request, provider), new ValidationResult(request, provider.DisplayName), cancellationToken);
        return result with { Elapsed = clock.Elapsed };
    }

    private static async Task<ValidationResult> RunChecksAsync(CheckContext context, ValidationResult result, CancellationToken cancellationToken)
    {
        var request = context.Request;
        IReadOnlyList<SqlScript> modelScripts = [];
        var buildModel = false;
        if (request.ModelPath is { } modelPath)
        {
            var loaded = DeclarativeSqlModel.Load(modelPath, context.Provider.Dialect);
            context.Drift.AddRange(loaded.Diagnostics);
            modelScripts = loaded.Scripts;
            buildModel = !loaded.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
        }

        var set = MigrationDiscovery.Discover(request.MigrationsDirectory, context.Provider.Dialect, request.Layout, request.RequireDowngrade);
        var lockPath = request.LockFile ?? Path.Combine(request.MigrationsDirectory, "migrations.lock");
        context.History.AddRange(HistoryCheck.Run(set, lockPath));
        var outcomes = new List<CheckOutcome>
        {
            Outcome("history", context.History, set.Migrations.Count == 1 ? "1 migration" : $"{set.Migrations.Count} migrations"),
        };

        var unusable = context.History.FirstOrDefault(d => d.Descriptor == DiagnosticCodes.UnreadableScript || d.Descriptor == DiagnosticCodes.UnterminatedToken);
        if (unusable is not null)
        {
            context.UpgradeDatabaseCreated(); // none will be
        }

        // The model's scratch database is built while the migrations replay (created after theirs, see CheckContext).
        var scripts = modelScripts;
        var model = buildModel
            ? Task.Run(() => DriftCheck.ReadModelAsync(context, scripts, cancellationToken), cancellationToken)
            : Task.FromResult<DatabaseSchema?>(null);
        var upgradeRun = unusable is null ? UpgradeCheck.RunAsync(context, set.Migrations, cancellationToken) : null;

        UpgradeCheck.Outcome? upgrade = null;
        if (upgradeRun is null)
        {
            outcomes.Add(new CheckOutcome("upgrade", CheckStatus.NotRun, "upgrade not run (a script cannot be read)"));
        }
        else
        {
            try
            {
                upgrade = await upgradeRun;
            }
            catch
            {
                // Cancelled or the server went away: the model's database is dropped before the provider is.
                context.UpgradeDatabaseCreated();
                await Task.WhenAny(model);
                throw;
            }

            outcomes.Add(upgrade.Schema is null
                ? new CheckOutcome("upgrade", CheckStatus.Failed, $"upgrade failed at {upgrade.FailedMigration}")
                : new CheckOutcome("upgrade", CheckStatus.Passed, "upgrade ok"));
        }

        var modelSchema = await model;
        outcomes.Add(DriftOutcome(context, upgrade, modelSchema, modelScripts, set));
        outcomes.Add(DowngradeOutcome(context, upgrade, set));

        var diagnostics = context.History.Concat(context.Upgrade).Concat(context.Drift).Concat(context.Downgrade).ToValueList();
        if ((request.UpdateLock || File.Exists(lockPath)) && !diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            // Released history grows only from a passing run: a failing migration never becomes "released".
            HistoryLock.AppendNew(lockPath, HistoryLock.Read(lockPath), set);
        }

        return result with
        {
            Diagnostics = diagnostics,
            Migrations = set.Migrations,
            MigratedSchema = upgrade?.Schema,
            ModelSchema = modelSchema,
            Checks = outcomes.ToValueList(),

            // What this engine cannot tell is said, not guessed (printed with --verbose, sent in the JSON summary).
            NotVerifiable = context.Provider.Capabilities.NotVerifiable,
        };
    }

    private static CheckOutcome DriftOutcome(CheckContext context, UpgradeCheck.Outcome? upgrade, DatabaseSchema? model, IReadOnlyList<SqlScript> modelScripts, MigrationSet set)
    {
        if (context.Request.ModelPath is null)
        {
            return new CheckOutcome("drift", CheckStatus.NotRun, "drift not checked (no model)");
        }

        if (model is null)
        {
            return new CheckOutcome("drift", CheckStatus.NotRun, "drift not checked (the model failed to apply)");
        }

        if (upgrade?.Schema is not { } migrated)
        {
            return new CheckOutcome("drift", CheckStatus.NotRun, "drift not checked (the upgrade failed)");
        }

        if (context.History.Any(d => d.Descriptor == DiagnosticCodes.DuplicateVersion))
        {
            // Only one of two migrations with the same version was applied: every difference would be an echo.
            return new CheckOutcome("drift", CheckStatus.NotRun, "drift not checked (duplicate versions)");
        }

        var count = DriftCheck.Compare(context, model, migrated, modelScripts, set.Migrations);
        return new CheckOutcome("drift", count == 0 ? CheckStatus.Passed : CheckStatus.Failed, $"drift {count}");
    }

    private static CheckOutcome DowngradeOutcome(CheckContext context, UpgradeCheck.Outcome? upgrade, MigrationSet set)
    {
        var scope = context.Request.Downgrade;
        if (!scope.Enabled)
        {
            return new CheckOutcome("downgrade", CheckStatus.NotRun, "downgrades not checked (turned off)");
        }

        if (upgrade is null)
        {
            return new CheckOutcome("downgrade", CheckStatus.NotRun, "downgrades not checked");
        }

        var inScope = scope.LastCount is { } n ? set.Migrations.TakeLast(n).ToList() : set.Migrations.ToList();
        var withDown = inScope.Count(m => m.Down is not null);
        var summary = $"downgrades {upgrade.ProofsPassed}/{inScope.Count} proven";
        if (withDown < inScope.Count)
        {
            summary += $" ({inScope.Count - withDown} without down)";
        }

        if (upgrade.Schema is null && upgrade.ProofsAttempted < withDown)
        {
            summary += $" (stopped at {upgrade.FailedMigration})";
        }

        var failed = context.Downgrade.Any(d => d.Severity == DiagnosticSeverity.Error);
        return new CheckOutcome("downgrade", failed ? CheckStatus.Failed : CheckStatus.Passed, summary);
    }

    private static CheckOutcome Outcome(string check, List<Diagnostic> diagnostics, string summary) =>
        new(check, diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) ? CheckStatus.Failed : CheckStatus.Passed, summary);
}
