using Migrations.Build.Schema;

namespace Migrations.Build.Checks;

/// <summary>What the replay of the history found: the final schema when every up applied, and the downgrade tally.
/// The upgrade and downgrade checks each judge it (see <see cref="UpgradeCheck"/>, <see cref="Downgrade.DowngradeCheck"/>).</summary>
/// <param name="FailedMigration">The migration whose up failed, or null.</param>
public sealed record ReplayOutcome(DatabaseSchema? Schema, int ProofsAttempted, int ProofsPassed, string? FailedMigration);
