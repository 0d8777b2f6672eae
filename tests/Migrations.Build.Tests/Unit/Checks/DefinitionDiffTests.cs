using System.Globalization;
using Migrations.Build.Checks;
using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;
using Migrations.Build.Schema;
using Migrations.Build.Schema.Comparison;

namespace Migrations.Build.Tests.Unit.Checks;

/// <summary>Long definitions in messages: only the lines that differ, with their context, not both whole texts.</summary>
[TestClass]
public sealed class DefinitionDiffTests
{
    private static readonly Migration Migration = new(
        new MigrationVersion("0003"),
        "label_leads",
        new SqlScript("0003_label_leads.up.sql", [new SqlStatement("CREATE VIEW open_leads AS SELECT 1;", new SourceLocation("0003_label_leads.up.sql", 1, 1))]),
        new SqlScript("0003_label_leads.down.sql", [new SqlStatement("CREATE VIEW open_leads AS SELECT 1;", new SourceLocation("0003_label_leads.down.sql", 1, 1))]))
    {
        Checksum = "0",
        Layout = "golang-migrate",
    };

    /// <summary>A view's query of 30 lines as PostgreSQL prints it, with the literal of column c15 given.</summary>
    private static string View(string literal) =>
        "SELECT id,\n    owner_id,\n"
        + string.Concat(Enumerable.Range(1, 27).Select(i => $"    '{(i == 15 ? literal : "col" + i.ToString("00", CultureInfo.InvariantCulture))}'::text AS c{i:00},\n"))
        + "   FROM leads;";

    [TestMethod]
    public void One_changed_literal_in_a_thirty_line_view_shows_that_line_and_its_context()
    {
        var changed = new ChangedAttribute(new ComparedObject(ObjectKind.View, new ObjectName("open_leads")), ObjectAttribute.Definition, View("col15"), View("changed"));

        Assert.AreEqual(
            "The down of 0003_label_leads does not restore view open_leads: definition before the up (-) and after the down (+): "
            + "line 16: 'col14'::text AS c14, | -'col15'::text AS c15, | +'changed'::text AS c15, | 'col16'::text AS c16,.",
            DifferenceMessages.Downgrade(Migration, changed).Message);
    }

    [TestMethod]
    public void The_whole_texts_go_to_the_details_as_a_diff_of_every_line_with_its_indentation()
    {
        var changed = new ChangedAttribute(new ComparedObject(ObjectKind.View, new ObjectName("open_leads")), ObjectAttribute.Definition, View("col15"), View("changed"));

        var details = DifferenceMessages.Downgrade(Migration, changed).Details!.Split('\n');

        Assert.AreEqual("--- definition before the up", details[0]);
        Assert.AreEqual("+++ definition after the down", details[1]);
        Assert.AreEqual(" SELECT id,", details[2]);
        Assert.AreEqual("     owner_id,", details[3]);
        CollectionAssert.AreEqual(new[] { "-    'col15'::text AS c15,", "+    'changed'::text AS c15," }, details.Where(l => l[0] is '-' or '+').Skip(2).ToArray());
        Assert.AreEqual(2 + 30 + 1, details.Length, "every line of both texts, the changed one on each side");
        Assert.AreEqual("    FROM leads;", details[^1]);
    }

    [TestMethod]
    public void A_short_change_shows_both_values_in_the_message_and_has_no_details()
    {
        var changed = new ChangedAttribute(new ComparedObject(ObjectKind.View, new ObjectName("open_leads")), ObjectAttribute.Definition, "SELECT 1", "SELECT 2");

        Assert.IsNull(DifferenceMessages.Downgrade(Migration, changed).Details);
        Assert.IsNull(DifferenceMessages.Drift(changed, new ObjectLocator([]), new ObjectLocator([]), null).Details);
    }

    [TestMethod]
    public void Drift_and_up_applied_again_carry_the_whole_texts_too()
    {
        var changed = new ChangedAttribute(new ComparedObject(ObjectKind.View, new ObjectName("open_leads")), ObjectAttribute.Definition, View("col15"), View("changed"));

        StringAssert.StartsWith(DifferenceMessages.Drift(changed, new ObjectLocator([]), new ObjectLocator([]), null).Details, "--- definition in the model\n+++ definition after the migrations\n");
        StringAssert.StartsWith(DifferenceMessages.Reapply(Migration, changed).Details, "--- definition the first time\n+++ definition the second time\n");
    }

    [TestMethod]
    public void Changes_far_apart_are_shown_as_separate_runs_of_lines()
    {
        var expected = View("col15");
        var actual = View("col15").Replace("'col02'", "'two'", StringComparison.Ordinal).Replace("'col26'", "'twenty-six'", StringComparison.Ordinal);

        Assert.AreEqual(
            "line 3: 'col01'::text AS c01, | -'col02'::text AS c02, | +'two'::text AS c02, | 'col03'::text AS c03, … line 27: 'col25'::text AS c25, | -'col26'::text AS c26, | +'twenty-six'::text AS c26, | 'col27'::text AS c27,",
            DefinitionDiff.Of(expected, actual));
    }

    [TestMethod]
    public void A_message_shows_at_most_eight_lines_and_counts_the_rest()
    {
        var expected = View("col15");
        var actual = expected.Replace("'col", "'new", StringComparison.Ordinal);

        Assert.AreEqual(
            "line 2: owner_id, | -'col01'::text AS c01, | -'col02'::text AS c02, | -'col03'::text AS c03, | -'col04'::text AS c04, | -'col05'::text AS c05, | -'col06'::text AS c06, | -'col07'::text AS c07, | … 47 more changed lines",
            DefinitionDiff.Of(expected, actual));
    }

    [TestMethod]
    public void A_view_the_engine_keeps_on_one_line_is_laid_out_by_its_clauses()
    {
        var expected = "SELECT id, owner_id, " + string.Join(", ", Enumerable.Range(1, 27).Select(i => $"'col{i:00}' AS c{i:00}")) + " FROM leads WHERE owner_id > 0";
        var actual = expected.Replace("'col15'", "'changed, really'", StringComparison.Ordinal);

        Assert.AreEqual("'col14' AS c14, | -'col15' AS c15, | +'changed, really' AS c15, | 'col16' AS c16,", DefinitionDiff.Of(expected, actual));
        CollectionAssert.AreEqual(new[] { "SELECT id,", "owner_id,", "'a, b' AS x", "FROM leads", "WHERE owner_id > 0" }, DefinitionLayout.Lines("SELECT id, owner_id, 'a, b' AS x FROM leads WHERE owner_id > 0"));
    }

    [TestMethod]
    [DataRow("RETURN 1", "RETURN 2", "definition RETURN 1 before the up, RETURN 2 after the down")]
    [DataRow("SELECT a FROM t", "SELECT b FROM t", "definition SELECT a FROM t before the up, SELECT b FROM t after the down")]
    [DataRow("SELECT 1\nFROM t", "SELECT 2\nFROM t", "definition SELECT 1\nFROM t before the up, SELECT 2\nFROM t after the down")]
    public void Short_definitions_are_shown_whole(string expected, string actual, string shown)
    {
        var changed = new ChangedAttribute(new ComparedObject(ObjectKind.View, new ObjectName("v")), ObjectAttribute.Definition, expected, actual);

        Assert.AreEqual($"The down of 0003_label_leads does not restore view v: {shown}.", DifferenceMessages.Downgrade(Migration, changed).Message);
    }
}
