using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;
using Migrations.Build.Providers;

namespace Migrations.Build.Checks;

/// <summary>Runs one script on a scratch database the way the runners do: in its own transaction unless it cannot
/// have one; the upgrade pass and the downgrade proofs share it.</summary>
internal static class ScriptRunner
{
    /// <summary>Applies an up (in its own transaction when <paramref name="transactional"/>, else in whatever is open);
    /// reports MIG2001 at the failing statement, rolls back an open transaction and returns false when it fails.</summary>
    public static async Task<bool> TryApplyAsync(CheckContext context, IScratchDatabase database, Migration migration, bool transactional, CancellationToken cancellationToken)
    {
        if (await TryRunAsync(database, migration.Up, transactional, cancellationToken) is not { } failure)
        {
            return true;
        }

        context.Upgrade.Add(new Diagnostic(
            CodeFor(failure, DiagnosticCodes.UpStatementFailed),
            $"Migration {migration} failed: {failure.Message}",
            failure.Location));
        return false;
    }

    /// <summary>Applies an up as the runners do: in its own transaction unless it cannot have one.</summary>
    public static Task<bool> TryApplyAsync(CheckContext context, IScratchDatabase database, Migration migration, CancellationToken cancellationToken) =>
        TryApplyAsync(context, database, migration, transactional: !NeedsNoTransaction(context.Provider, migration.Up), cancellationToken);

    /// <summary>Runs a script as the runners do: in its own transaction unless it cannot have one.</summary>
    public static Task<StatementFailedException?> TryRunAsync(IDatabaseProvider provider, IScratchDatabase database, SqlScript script, CancellationToken cancellationToken) =>
        TryRunAsync(database, script, transactional: !NeedsNoTransaction(provider, script), cancellationToken);

    /// <summary>Runs a script (in its own transaction when <paramref name="transactional"/>, else in whatever is open);
    /// when a statement fails, rolls back an open transaction and returns the failure.</summary>
    public static async Task<StatementFailedException?> TryRunAsync(IScratchDatabase database, SqlScript script, bool transactional, CancellationToken cancellationToken)
    {
        try
        {
            if (transactional)
            {
                await database.BeginTransactionAsync(cancellationToken);
            }

            await database.ExecuteAsync(script, cancellationToken);
            if (transactional)
            {
                await database.CommitAsync(cancellationToken);
            }

            return null;
        }
        catch (StatementFailedException failure)
        {
            if (database.InTransaction)
            {
                await database.RollbackAsync(cancellationToken);
            }

            return failure;
        }
    }

    /// <summary>The code of a failed statement's finding: the refusal's (MIG2003–MIG2006) when the engine refused it
    /// (it would act outside the scratch database), MIG2010 when the statement timeout stopped it, in an up, a down or
    /// the model alike; else <paramref name="otherwise"/>.</summary>
    public static DiagnosticDescriptor CodeFor(StatementFailedException failure, DiagnosticDescriptor otherwise) =>
        failure.Refusal ?? (failure.TimedOut ? DiagnosticCodes.StatementTimedOut : otherwise);

    /// <summary>True when the script cannot run inside a transaction on this engine (its own directive, or a
    /// statement such as CREATE INDEX CONCURRENTLY).</summary>
    public static bool NeedsNoTransaction(IDatabaseProvider provider, SqlScript script) =>
        script.NoTransaction || script.Statements.Any(provider.RequiresNoTransaction);
}
