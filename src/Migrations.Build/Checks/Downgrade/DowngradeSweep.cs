using Migrations.Build.Migrations;
using Migrations.Build.Providers;

namespace Migrations.Build.Checks.Downgrade;

/// <summary>Runs the downs from the newest migration back, each in its own transaction, and checks after each that
/// the schema is the one recorded before its up (see <see cref="ProofSegment"/>).</summary>
/// <param name="digests">Fingerprint digests by state: <c>digests[i]</c> is the schema before the up of migration i.</param>
internal sealed class DowngradeSweep(CheckContext context, IScratchDatabase database, IReadOnlyList<Migration> migrations, IReadOnlyList<string?> digests)
{
    /// <summary>Sweeps the downs of [<paramref name="from"/>, <paramref name="to"/>) from the database in the state
    /// after the up of <paramref name="to"/> - 1.</summary>
    /// <param name="alreadyProven">Migrations proven one by one on the way forward: their downs run (the sweep must
    /// pass them) but are not counted again.</param>
    /// <param name="startUnsure">The forward pass stopped at a failing up: check first that it left nothing behind.</param>
    /// <returns>How many downgrades the sweep proved, and the migration it stopped at (a down that failed or did
    /// not restore the schema before its up), or null when it reached <paramref name="from"/>. It reports nothing
    /// itself: what it stopped at is proven again one by one, which names the difference.</returns>
    public async Task<(int Proven, int? StoppedAt)> RunAsync(int from, int to, IReadOnlySet<int> alreadyProven, bool startUnsure, CancellationToken cancellationToken)
    {
        if (from >= to)
        {
            return (0, null);
        }

        if (startUnsure && await DigestAsync(cancellationToken) != digests[to])
        {
            return (0, to - 1);
        }

        var proven = 0;
        for (var i = to - 1; i >= from; i--)
        {
            var migration = migrations[i];
            context.Progress($"migration {i + 1}/{migrations.Count}: reverting {migration}");
            if (!await TryRevertAsync(migration.Down!, cancellationToken) || await DigestAsync(cancellationToken) != digests[i])
            {
                return (proven, i);
            }

            proven += alreadyProven.Contains(i) ? 0 : 1;
        }

        return (proven, null);
    }

    private async Task<bool> TryRevertAsync(SqlScript down, CancellationToken cancellationToken) =>
        await ScriptRunner.TryRunAsync(context.Provider, database, down, cancellationToken) is null;

    private async Task<string> DigestAsync(CancellationToken cancellationToken) =>
        FingerprintDigest.Of(await database.ReadFingerprintAsync(cancellationToken));
}
