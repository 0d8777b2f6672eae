using Migrations.Build.Checks;
using Migrations.Build.Checks.Downgrade;
using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;
using Migrations.Build.Providers;
using Migrations.Build.Schema;

namespace Migrations.Build.Tests.Unit.Checks;

/// <summary>How the downgrade proofs are split between two scratch databases (<see cref="ProofSplit.Point"/>).</summary>
[TestClass]
public sealed class SplitPointTests
{
    private static readonly ProofCost ReadsOnly = new(StatementGrowth: 0, ReadBase: 1, ReadPerStatement: 0, DatabaseCreation: 0);

    [TestMethod]
    public void Equal_migrations_with_reads_only_are_split_where_both_parts_cost_the_same()
    {
        RequireTwoCores();

        // Lower: 2k proofs of 4 units; upper: 100 ups of 1 unit plus (100 - k) proofs of 3 units (the up is counted
        // once): 4k >= 100 + 3 (100 - k) first holds at k = 58 (the split returns the count below it, 58).
        Assert.AreEqual(58, ProofSplit.Point(History(100), 0, ReadsOnly));
    }

    [TestMethod]
    public void A_later_second_database_gives_the_lower_part_more_proofs()
    {
        RequireTwoCores();
        var history = History(100);

        var atOnce = ProofSplit.Point(history, 0, ReadsOnly);
        var later = ProofSplit.Point(history, 0, ReadsOnly with { DatabaseCreation = 40 });

        Assert.IsTrue(later > atOnce, $"{later} should be above {atOnce}");
    }

    [TestMethod]
    public void Reads_that_grow_with_the_schema_give_the_lower_part_more_proofs()
    {
        RequireTwoCores();
        var history = History(200);

        var flat = ProofSplit.Point(history, 0, ReadsOnly);
        var growing = ProofSplit.Point(history, 0, ReadsOnly with { ReadPerStatement = 0.1 });

        Assert.IsTrue(growing > flat, $"{growing} should be above {flat}");
    }

    [TestMethod]
    public void A_second_database_that_costs_more_than_it_saves_is_not_created()
    {
        RequireTwoCores();
        var history = History(50);

        Assert.IsNotNull(ProofSplit.Point(history, 0, ReadsOnly with { DatabaseCreation = 20 }));
        Assert.IsNull(ProofSplit.Point(history, 0, ReadsOnly with { DatabaseCreation = 100 }));
    }

    [TestMethod]
    [DataRow(39, 0)]
    [DataRow(100, 61)]
    public void Fewer_than_forty_proofs_stay_on_one_database(int migrations, int firstProof) =>
        Assert.IsNull(ProofSplit.Point(History(migrations), firstProof, ProofCost.Default));

    private static List<Migration> History(int count) =>
        Enumerable.Range(1, count).Select(i =>
        {
            var path = $"/m/{i:D4}_m.up.sql";
            var up = new SqlScript(path, ValueList.Of(new SqlStatement($"CREATE TABLE t{i} (id integer)", new SourceLocation(path, 1, 1))));
            return new Migration(new MigrationVersion($"{i:D4}"), "m", up, Down: null) { Checksum = "0", Layout = "golang-migrate" };
        }).ToList();

    private static void RequireTwoCores()
    {
        if (Environment.ProcessorCount < 2)
        {
            TestPreconditions.CannotRun("Split tests", "the proofs are split only on a machine with two cores or more");
        }
    }
}
