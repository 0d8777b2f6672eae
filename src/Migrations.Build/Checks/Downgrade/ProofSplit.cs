using Migrations.Build.Migrations;
using Migrations.Build.Providers;

namespace Migrations.Build.Checks.Downgrade;

/// <summary>Where to split the downgrade proofs between two scratch databases so both do about the same work.</summary>
internal static class ProofSplit
{
    /// <summary>Below this many downgrade proofs a second scratch database costs more than it saves.</summary>
    private const int MinimumProofsToSplit = 40;

    /// <summary>Where to split the proofs so both scratch databases do about the same work, or null to use one. The
    /// upper part applies every up and proves the migrations above the split; the lower part applies the ups below it
    /// and proves those. Costs per <paramref name="cost"/>: an up or a down costs its statement count (growing with
    /// the position where statements cost more on a bigger schema), a proof adds two fingerprint reads, and the upper
    /// part starts one database creation later and alone reads the schema; no split when that saves less than a
    /// database creation.</summary>
    public static int? Point(IReadOnlyList<Migration> migrations, int firstProof, ProofCost cost)
    {
        if (Environment.ProcessorCount < 2 || migrations.Count - firstProof < MinimumProofsToSplit)
        {
            return null;
        }

        var count = migrations.Count;
        var apply = new double[count];
        var prove = new double[count];
        double statementsBefore = 0;
        for (var i = 0; i < count; i++)
        {
            var statements = Math.Max(1, migrations[i].Up.Statements.Count);
            apply[i] = statements * (1 + (cost.StatementGrowth * i / count));
            statementsBefore += statements;
            prove[i] = (2 * apply[i]) + (2 * (cost.ReadBase + (cost.ReadPerStatement * statementsBefore)));
        }

        var all = apply.Sum();
        var alone = all + Enumerable.Range(firstProof, count - firstProof).Sum(i => prove[i] - apply[i]) + cost.SchemaRead;
        var lowerCost = apply.Take(firstProof).Sum();
        var upperCost = cost.DatabaseCreation + alone;
        for (var k = firstProof; k < count; k++)
        {
            lowerCost += prove[k];
            upperCost -= prove[k] - apply[k];
            if (lowerCost >= upperCost)
            {
                // The second database must save more than it costs to create (and drop) on a machine whose cores
                // are busy either way.
                return Math.Max(lowerCost, upperCost) + cost.DatabaseCreation < alone ? k + 1 : null;
            }
        }

        return null;
    }
}
