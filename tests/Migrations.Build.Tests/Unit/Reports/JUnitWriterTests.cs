using System.Xml.Linq;
using Migrations.Build.Checks;
using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;
using Migrations.Build.Reports;
using Migrations.Build.Schema;
using Migrations.Build.Tests.Reports;

namespace Migrations.Build.Tests.Unit.Reports;

[TestClass]
public sealed class JUnitWriterTests
{
    [TestMethod]
    public void JUnit_of_the_sample_result_matches_the_golden_file() =>
        GoldenFile.AssertMatches("junit.xml", JUnitWriter.Render(SampleResult.Result(), SampleResult.BaseDirectory));

    [TestMethod]
    public void JUnit_of_the_sample_result_is_valid_against_the_schema() =>
        ReportFormats.AssertValidJUnitText(JUnitWriter.Render(SampleResult.Result(), SampleResult.BaseDirectory), "junit.xml");

    [TestMethod]
    public void There_is_one_test_case_per_check_and_per_migration_besides_the_configuration()
    {
        var document = XDocument.Parse(JUnitWriter.Render(SampleResult.Result(), SampleResult.BaseDirectory));

        CollectionAssert.AreEqual(
            new[] { "configuration", "History", "Upgrade", "Drift", "Downgrade" },
            Cases(document, JUnitWriter.ChecksClassName).Select(c => (string)c.Attribute("name")!).ToArray());
        CollectionAssert.AreEqual(
            new[] { "0001_create_users", "0002_add_leads" },
            Cases(document, JUnitWriter.MigrationsClassName).Select(c => (string)c.Attribute("name")!).ToArray());
    }

    [TestMethod]
    public void A_failure_carries_the_code_the_message_and_the_relative_file_and_line()
    {
        var document = XDocument.Parse(JUnitWriter.Render(SampleResult.Result(), SampleResult.BaseDirectory));
        var drift = Cases(document, JUnitWriter.ChecksClassName).Single(c => (string)c.Attribute("name")! == "Drift");

        var failure = drift.Element("failure")!;
        Assert.AreEqual("MIG3003", (string)failure.Attribute("type")!);
        Assert.AreEqual("View 'open_leads' is created by the migrations but is not in the model", (string)failure.Attribute("message")!);
        Assert.AreEqual("Migrations/0002_add_leads.up.sql:8: error MIG3003: View 'open_leads' is created by the migrations but is not in the model", failure.Value);
    }

    [TestMethod]
    public void A_check_that_did_not_run_is_skipped_with_why()
    {
        var document = XDocument.Parse(JUnitWriter.Render(SampleResult.Result(), SampleResult.BaseDirectory));
        var downgrade = Cases(document, JUnitWriter.ChecksClassName).Single(c => (string)c.Attribute("name")! == "Downgrade");

        Assert.AreEqual("turned off (MigrationsDowngradeCheck=None)", (string)downgrade.Element("skipped")!.Attribute("message")!);
        Assert.AreEqual("1", (string)document.Root!.Elements("testsuite").First().Attribute("skipped")!);
    }

    [TestMethod]
    public void Migrations_after_a_failed_up_are_skipped_and_the_failed_one_fails()
    {
        var folder = Path.Combine(SampleResult.BaseDirectory, "Migrations");
        var migrations = new[] { "0001_a", "0002_b", "0003_c" }.Select(name => new Migration(
            new MigrationVersion(name[..4]), name[5..], new SqlScript(Path.Combine(folder, name + ".up.sql"), ValueList<SqlStatement>.Empty), Down: null)
        { Checksum = "0", Layout = "golang-migrate" }).ToValueList();
        var result = new ValidationResult(new ValidationRequest(folder), "SQLite")
        {
            Migrations = migrations,
            Checks = ValueList.Of(new CheckOutcome("upgrade", CheckStatus.Failed, "upgrade failed at 0002_b")),
            Diagnostics = ValueList.Of(new Diagnostic(DiagnosticCodes.UpStatementFailed, "no such table: accounts", new SourceLocation(Path.Combine(folder, "0002_b.up.sql"), 3, 1))),
        };

        var document = XDocument.Parse(JUnitWriter.Render(result, SampleResult.BaseDirectory));
        var cases = Cases(document, JUnitWriter.MigrationsClassName).ToList();

        Assert.IsNull(cases[0].Element("failure"));
        Assert.IsNull(cases[0].Element("skipped"));
        Assert.AreEqual("Migrations/0002_b.up.sql:3: error MIG2001: no such table: accounts", cases[1].Element("failure")!.Value);
        Assert.AreEqual("not checked: the up of 0002_b failed before it", (string)cases[2].Element("skipped")!.Attribute("message")!);
        ReportFormats.AssertValidJUnitText(document.ToString(), "junit.xml");
    }

    [TestMethod]
    public void A_control_character_in_a_message_does_not_break_the_xml()
    {
        var result = SampleResult.Result() with
        {
            Diagnostics = ValueList.Of(new Diagnostic(DiagnosticCodes.UpStatementFailed, "bad byte \u0001 here", new SourceLocation(Path.Combine(SampleResult.BaseDirectory, "Migrations", "0001_create_users.up.sql"), 1, 1))),
        };

        var xml = JUnitWriter.Render(result, SampleResult.BaseDirectory);

        ReportFormats.AssertValidJUnitText(xml, "junit.xml");
        Assert.Contains("bad byte \uFFFD here", XDocument.Parse(xml).ToString());
    }

    private static IEnumerable<XElement> Cases(XDocument document, string className) =>
        document.Descendants("testcase").Where(c => (string?)c.Attribute("classname") == className);
}
