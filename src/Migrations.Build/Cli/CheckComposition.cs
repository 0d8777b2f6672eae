using System.Diagnostics;
using Migrations.Build.Checks;
using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;
using Migrations.Build.Models;
using Migrations.Build.Providers;
using Migrations.Build.Providers.Sqlite;
using Migrations.Build.Schema;

namespace Migrations.Build.Cli;

/// <summary>The composition root: turns a request into its migration source, its model source and its engine, and
/// runs the checks on them. The only place that names the concrete sources and providers.</summary>
public static class CheckComposition
{
    /// <summary>Runs a request on the provider it names, which is created here and disposed afterwards.</summary>
    public static async Task<ValidationResult> RunAsync(ValidationRequest request, Action<string>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();

        // An add-on engine (SQL Server) composes its own run: its models and offline checks are its own.
        if (ProviderRegistry.Find(request.Provider) is { Run: { } run })
        {
            try
            {
                return await run(request, progress, cancellationToken) with { Elapsed = clock.Elapsed };
            }
            catch (ProviderSetupException failure)
            {
                return Stopped(request, request.Provider, new Diagnostic(failure.Descriptor, failure.Message), clock);
            }
        }

        if (request.EfCore is { } efCore)
        {
            return await EfCoreComposition.RunAsync(request, efCore, provider: null, progress, cancellationToken);
        }

        return await RunAsync(request, MigrationSource(request), ModelSource(request), provider: null, progress, cancellationToken);
    }

    /// <summary>Runs a request on the given sources; on <paramref name="provider"/> when the caller owns one, else on
    /// the provider the request names, created here and disposed afterwards.</summary>
    public static async Task<ValidationResult> RunAsync(
        ValidationRequest request, IMigrationSource migrations, IModelSource? model, IDatabaseProvider? provider, Action<string>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        if ((migrations.Problem ?? model?.Problem) is { } problem)
        {
            return Stopped(request, provider?.DisplayName ?? request.Provider, problem, clock);
        }

        if (provider is not null)
        {
            var checkedResult = await RunChecksAsync(request, migrations, model, provider, progress, clock, cancellationToken);
            return checkedResult with { Elapsed = clock.Elapsed };
        }

        try
        {
            provider = await CreateProviderAsync(request, cancellationToken);
        }
        catch (ProviderSetupException failure) when (!cancellationToken.IsCancellationRequested)
        {
            return Stopped(request, request.Provider, new Diagnostic(failure.Descriptor, failure.Message), clock);
        }

        ValidationResult result;
        try
        {
            result = await RunChecksAsync(request, migrations, model, provider, progress, clock, cancellationToken);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            await provider.DisposeAsync();
            throw new CheckCancelledException(provider.LeftBehind, cancellationToken);
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }

        // What could not be dropped is said, after the provider is gone (its last drops happen there).
        await provider.DisposeAsync();
        return result with { Diagnostics = result.Diagnostics.Concat(provider.LeftBehind).ToValueList(), Elapsed = clock.Elapsed };
    }

    /// <summary>The provider the request names, configured as the request says (SQLite's foreign keys).</summary>
    /// <exception cref="ProviderSetupException">The provider cannot be created (no server, a bad connection string).</exception>
    public static async Task<IDatabaseProvider> CreateProviderAsync(ValidationRequest request, CancellationToken cancellationToken)
    {
        var provider = await ProviderFactory.CreateAsync(request.Provider, request.ConnectionString, cancellationToken);
        if (provider is SqliteProvider sqlite)
        {
            sqlite.ForeignKeys = request.SqliteForeignKeys;
        }

        return provider;
    }

    /// <summary>Runs the checks; a failure the provider recognizes as the server's (a lost connection), or a setup
    /// failure met midway (no right to create a database), ends the run with its own code instead of MIG9001.</summary>
    private static async Task<ValidationResult> RunChecksAsync(
        ValidationRequest request, IMigrationSource migrations, IModelSource? model, IDatabaseProvider provider, Action<string>? progress, Stopwatch clock, CancellationToken cancellationToken)
    {
        try
        {
            return await CheckRunner.RunAsync(request, migrations, model, provider, progress, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is not OperationCanceledException)
        {
            var fault = exception is ProviderSetupException setup
                ? new Diagnostic(setup.Descriptor, setup.Message)
                : await provider.DescribeFaultAsync(exception);
            if (fault is null)
            {
                throw;
            }

            return Stopped(request, provider.DisplayName, fault, clock);
        }
    }

    /// <summary>Runs a request on a provider the caller owns (and disposes), e.g. a test's shared server.</summary>
    public static Task<ValidationResult> RunAsync(ValidationRequest request, IDatabaseProvider provider, CancellationToken cancellationToken) =>
        request.EfCore is { } efCore
            ? EfCoreComposition.RunAsync(request, efCore, provider, progress: null, cancellationToken)
            : RunAsync(request, MigrationSource(request), ModelSource(request), provider, progress: null, cancellationToken);

    /// <summary>Where the request's migrations come from: a folder of SQL scripts.</summary>
    public static IMigrationSource MigrationSource(ValidationRequest request) =>
        new SqlFolderMigrationSource(request.MigrationsDirectory, request.Layout, request.RequireDowngrade, request.LockFile);

    /// <summary>Where the request's model comes from: declarative SQL, or none.</summary>
    public static IModelSource? ModelSource(ValidationRequest request) =>
        request.ModelPath is { } path ? new DeclarativeSqlModel(path) : null;

    private static ValidationResult Stopped(ValidationRequest request, string providerName, Diagnostic problem, Stopwatch clock) =>
        new(request, providerName) { Diagnostics = ValueList.Of(problem), Elapsed = clock.Elapsed };
}
