using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;
using Migrations.Build.Providers;

namespace Migrations.Build.Checks;

/// <summary>What the checks of one run share: the request, the provider, the order in which scratch databases are
/// created, and where the replay's upgrade and downgrade findings go.</summary>
public sealed class CheckContext(ValidationRequest request, IDatabaseProvider provider, Action<string>? progress = null)
{
    // Completed once the upgrade pass has its scratch databases (or will not create them): the model's database is
    // created after them, so the longer pass starts first (a server creates databases one at a time, see
    // PostgreSqlProvider).
    private TaskCompletionSource _upgradeDatabaseCreated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ValidationRequest Request { get; } = request;

    public IDatabaseProvider Provider { get; } = provider;

    /// <summary>The setup script (<see cref="ValidationRequest.SetupScripts"/>, one after another) run in every scratch database before
    /// anything else, or null.</summary>
    public SqlScript? Setup { get; init; }

    /// <summary>What the replay found about the ups (MIG2xxx).</summary>
    public List<Diagnostic> Upgrade { get; } = [];

    /// <summary>What the downgrade proofs found (MIG4xxx).</summary>
    public List<Diagnostic> Downgrade { get; } = [];

    public void Progress(string message) => progress?.Invoke(message);

    /// <summary>A scratch database for the upgrade pass (<see cref="ScratchPurpose.Migrations"/>) or for the model
    /// (<see cref="ScratchPurpose.Model"/>; where creating a database costs, asked for once the upgrade pass has its
    /// own).</summary>
    public async Task<IScratchDatabase> CreateScratchDatabaseAsync(ScratchPurpose purpose, CancellationToken cancellationToken)
    {
        Provider.StatementTimeout = Request.StatementTimeout;
        if (purpose == ScratchPurpose.Model)
        {
            if (Provider.ProofCost.DatabaseCreation > 0)
            {
                await _upgradeDatabaseCreated.Task.WaitAsync(cancellationToken);
            }

            return await PrepareAsync(Limited(await Provider.CreateScratchDatabaseAsync("model", cancellationToken)), cancellationToken);
        }

        return await PrepareAsync(Limited(await Provider.CreateScratchDatabaseAsync("migrations", cancellationToken)), cancellationToken);
    }

    /// <summary>Runs the setup script in a new scratch database; a failure drops the database and stops the run
    /// (MIG0051 at the statement): every scratch database would fail the same way.</summary>
    private async Task<IScratchDatabase> PrepareAsync(IScratchDatabase database, CancellationToken cancellationToken)
    {
        if (Setup is not { Statements.Count: > 0 } setup)
        {
            return database;
        }

        try
        {
            await database.ExecuteSetupAsync(setup, cancellationToken);
            return database;
        }
        catch (StatementFailedException failure)
        {
            await database.DisposeAsync();
            throw new ProviderSetupException(DiagnosticCodes.SetupStatementFailed, $"The setup script failed: {failure.Message}", failure) { Location = failure.Location };
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    private IScratchDatabase Limited(IScratchDatabase database)
    {
        database.StatementTimeout = Request.StatementTimeout;
        return database;
    }

    /// <summary>Lets the model's database be created: the upgrade pass has its database, or will not create one.</summary>
    public void UpgradeDatabaseCreated() => _upgradeDatabaseCreated.TrySetResult();

    /// <summary>A context for work running beside this one: same request and provider, its own diagnostics.</summary>
    public CheckContext Fork() => new(Request, Provider, progress) { _upgradeDatabaseCreated = _upgradeDatabaseCreated, Setup = Setup };

    /// <summary>Takes a forked context's diagnostics, after this context's own.</summary>
    public void Absorb(CheckContext fork)
    {
        Upgrade.AddRange(fork.Upgrade);
        Downgrade.AddRange(fork.Downgrade);
    }
}
