using System.Diagnostics;
using Migrations.Build.Checks;
using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;
using Migrations.Build.Migrations.EfCore;
using Migrations.Build.Models;
using Migrations.Build.Providers;
using Migrations.Build.Schema;
using Migrations.EfBridge.Export;

namespace Migrations.Build.Cli;

/// <summary>The composition of an EF Core project: the bridge reads every DbContext once, then each context's history
/// is checked on its own, on its provider's engine, with the EF migration and model sources; the model changes that
/// no migration makes yet are added as findings.</summary>
public static class EfCoreComposition
{
    /// <summary>EF's history table: created by EF's migrator, never by a migration or the model.</summary>
    public const string HistoryTable = "__EFMigrationsHistory";

    /// <param name="provider">A provider the caller owns (a test's server), or null: each context's is created here.</param>
    public static async Task<ValidationResult> RunAsync(ValidationRequest request, EfCoreProject project, IDatabaseProvider? provider, Action<string>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        progress?.Invoke("reading the EF Core project (EF bridge)");
        var (export, problem) = EfBridgeRun.Read(project, cancellationToken);
        progress?.Invoke($"EF bridge: {clock.Elapsed.TotalSeconds:0.00} s");
        if (problem is not null || export is null)
        {
            return Stopped(request, problem!, clock);
        }

        var sources = CSharpSourceIndex.Read(project.SourceFiles, project.ProjectDirectory);
        var projectLocation = new SourceLocation(project.ProjectFile ?? project.ProjectDirectory);
        var results = new List<(ContextExport Context, ValidationResult Result)>();
        foreach (var context in export.Contexts)
        {
            var contextFile = sources.FindClass(context.FullName) ?? projectLocation;
            var result = await CheckContextAsync(request, context, sources, contextFile, export.Contexts.Count > 1, provider, progress, cancellationToken);
            results.Add((context, result));
        }

        var merged = results.Count == 1 ? results[0].Result : Merged(request, results);
        return merged with { Elapsed = clock.Elapsed };
    }

    private static async Task<ValidationResult> CheckContextAsync(
        ValidationRequest request, ContextExport context, CSharpSourceIndex sources, SourceLocation contextFile, bool several, IDatabaseProvider? provider, Action<string>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        if (context.Failure is { } failure)
        {
            return Stopped(request, EfBridgeFailures.ToDiagnostic(failure, contextFile), clock);
        }

        var engine = EfProviderNames.EngineProvider(context.Provider);
        if (provider is null && (engine is null || ProviderRegistry.Find(engine) is null))
        {
            return Stopped(request, new Diagnostic(
                DiagnosticCodes.EfProviderUnsupported,
                $"The DbContext '{context.Name}' uses the EF Core provider '{context.Provider}', which Migrations.Build cannot check: it runs {string.Join(", ", ProviderRegistry.Names)} (EF Core's Microsoft.EntityFrameworkCore.Sqlite, Npgsql.EntityFrameworkCore.PostgreSQL and Microsoft.EntityFrameworkCore.SqlServer).",
                contextFile), clock);
        }

        // Each context has its own history, so its own lock when there are several.
        var lockFile = request.LockFile is { } given && !several
            ? given
            : Path.Combine(request.MigrationsDirectory, several ? $"{context.Name}.{MigrationDiscovery.LockFileName}" : MigrationDiscovery.LockFileName);
        var contextRequest = request with
        {
            Provider = engine ?? request.Provider,
            Ignore = request.Ignore.Contains(HistoryTable) ? request.Ignore : request.Ignore.Append(HistoryTable).ToValueList(),
        };
        var migrations = new EfCoreMigrationSource(context, sources, lockFile, contextFile);
        var model = new EfCoreModel(context, sources, contextFile);
        progress?.Invoke($"checking DbContext {context.Name} ({context.Migrations.Count} migrations, {context.Provider})");

        // The provider outlives the checks: the snapshot's schema is read on it afterwards.
        IDatabaseProvider? owned = null;
        if (provider is null)
        {
            try
            {
                owned = await ProviderFactory.CreateAsync(contextRequest.Provider, contextRequest.ConnectionString, cancellationToken);
            }
            catch (ProviderSetupException setup)
            {
                return Stopped(contextRequest, new Diagnostic(setup.Descriptor, setup.Message), clock);
            }
        }

        await using (owned)
        {
            var engineProvider = provider ?? owned!;
            var result = await CheckComposition.RunAsync(contextRequest, migrations, model, engineProvider, progress, cancellationToken);
            if (request.ReportDirectory is { } reports)
            {
                WriteGeneratedSql(context, reports, progress);
            }

            var pending = PendingModelChanges.Judge(context, sources, contextFile);
            var snapshot = await SnapshotDrift.JudgeAsync(new CheckContext(contextRequest, engineProvider, progress), context, result, sources, contextFile, cancellationToken);
            return result with { Diagnostics = result.Diagnostics.Concat(pending).Concat(snapshot).ToValueList(), Elapsed = clock.Elapsed };
        }
    }

    private static void WriteGeneratedSql(ContextExport context, string reports, Action<string>? progress)
    {
        try
        {
            progress?.Invoke($"generated SQL: {GeneratedSqlFiles.Write(context, reports)}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The report folder's own writer reports MIG0010 for the same folder; the checks' result stands.
            progress?.Invoke($"generated SQL not written: {e.Message}");
        }
    }

    /// <summary>Several contexts' results as one: every finding, and each check's summary named by its context.</summary>
    private static ValidationResult Merged(ValidationRequest request, List<(ContextExport Context, ValidationResult Result)> results) =>
        new(request, string.Join(", ", results.Select(r => r.Result.ProviderName).Distinct()))
        {
            Diagnostics = results.SelectMany(r => r.Result.Diagnostics).ToValueList(),
            Migrations = results.SelectMany(r => r.Result.Migrations).ToValueList(),
            MigratedSchema = results[0].Result.MigratedSchema,
            ModelSchema = results[0].Result.ModelSchema,
            Checks = results.SelectMany(r => r.Result.Checks.Select(c => c with { Summary = $"{r.Context.Name}: {c.Summary}" })).ToValueList(),
            NotVerifiable = results.SelectMany(r => r.Result.NotVerifiable).Distinct().ToValueList(),
        };

    private static ValidationResult Stopped(ValidationRequest request, Diagnostic problem, Stopwatch clock) =>
        new(request, request.Provider) { Diagnostics = ValueList.Of(problem), Elapsed = clock.Elapsed };
}
