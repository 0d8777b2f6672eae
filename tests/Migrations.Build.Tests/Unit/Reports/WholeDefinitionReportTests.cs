using System.Text.Json;
using System.Xml.Linq;
using Migrations.Build.Checks;
using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;
using Migrations.Build.Reports;
using Migrations.Build.Schema;
using Migrations.Build.Schema.Comparison;
using Migrations.Build.Tests.Reports;
using Migrations.Build.Tests.Unit.Migrations;

namespace Migrations.Build.Tests.Unit.Reports;

/// <summary>A changed long definition: the build's line shows the changed lines, the reports hold both whole texts.</summary>
[TestClass]
public sealed class WholeDefinitionReportTests
{
    private static readonly string Up = Path.Combine(SampleResult.BaseDirectory, "Migrations", "0002_add_leads.up.sql");

    private static string View(string literal) =>
        "SELECT id,\n       title,\n       'open' AS state,\n       amount\n  FROM leads\n WHERE amount > " + literal + ";";

    private static ValidationResult Result(string? connectionString = null)
    {
        var changed = new ChangedAttribute(new ComparedObject(ObjectKind.View, new ObjectName("open_leads")), ObjectAttribute.Definition, View("0"), View("100"));
        var drift = DifferenceMessages.Drift(changed, new ObjectLocator([]), new ObjectLocator([]), new SourceLocation(Up, 8, 1));
        var result = SampleResult.Result();
        return result with
        {
            Request = result.Request with { ConnectionString = connectionString },
            Diagnostics = ValueList.Of(drift),
        };
    }

    private static readonly string WholeTexts = string.Join(
        '\n',
        "--- definition in the model",
        "+++ definition after the migrations",
        " SELECT id,",
        "        title,",
        "        'open' AS state,",
        "        amount",
        "   FROM leads",
        "- WHERE amount > 0;",
        "+ WHERE amount > 100;");

    [TestMethod]
    public void The_build_line_shows_the_changed_lines_and_the_details_both_whole_texts()
    {
        var drift = Result().Diagnostics.Single();

        StringAssert.Contains(drift.Message, "line 5: FROM leads | -WHERE amount > 0; | +WHERE amount > 100;");
        Assert.AreEqual(WholeTexts, drift.Details);
        Assert.IsFalse(drift.ToString().Contains('\n', StringComparison.Ordinal), "the build's line stays one line");
    }

    [TestMethod]
    public void Markdown_summary_folds_the_whole_texts_below_the_table() =>
        GoldenFile.AssertMatches("summary-whole-definitions.md", MarkdownReportWriter.Render(Result(), SampleResult.BaseDirectory));

    [TestMethod]
    public void Sarif_result_carries_the_whole_texts_in_its_properties()
    {
        using var sarif = JsonDocument.Parse(SarifWriter.Render(Result(), SampleResult.BaseDirectory));

        var result = sarif.RootElement.GetProperty("runs")[0].GetProperty("results")[0];
        Assert.AreEqual(WholeTexts, result.GetProperty("properties").GetProperty("details").GetString());
    }

    [TestMethod]
    public void Sarif_log_with_the_whole_texts_passes_the_sarif_multitool()
    {
        using var folder = new TemporaryFolder();
        var path = folder.Write("whole-definitions.sarif", SarifWriter.Render(Result(), SampleResult.BaseDirectory));

        SarifMultitool.AssertValid(path);
    }

    [TestMethod]
    public void Junit_failures_hold_the_whole_texts_below_its_line()
    {
        var document = XDocument.Parse(JUnitWriter.Render(Result(), SampleResult.BaseDirectory));

        var failures = document.Descendants("failure").ToList();
        Assert.AreNotEqual(0, failures.Count);
        foreach (var failure in failures)
        {
            StringAssert.EndsWith(failure.Value, "\n" + WholeTexts);
            Assert.IsFalse(((string)failure.Attribute("message")!).Contains("--- definition", StringComparison.Ordinal), "the failure's one-line message is the build's message");
        }
    }

    [TestMethod]
    public void A_secret_in_a_definition_is_masked_in_every_report_file()
    {
        using var folder = new TemporaryFolder();
        var result = Result("Host=db;Username=app;Password=s3cr3t-pw");
        var diagnostic = result.Diagnostics.Single();
        result = result with { Diagnostics = ValueList.Of(diagnostic with { Details = diagnostic.Details + "\n+ -- dblink('password=s3cr3t-pw')" }) };

        var written = ReportDirectoryWriter.Write(result, folder.Path, SampleResult.BaseDirectory);

        foreach (var file in written)
        {
            Assert.IsFalse(File.ReadAllText(file).Contains("s3cr3t-pw", StringComparison.Ordinal), file);
        }

        StringAssert.Contains(File.ReadAllText(written.Single(f => f.EndsWith(ReportDirectoryWriter.SummaryFileName, StringComparison.Ordinal))), "- WHERE amount > 0;");
    }
}
