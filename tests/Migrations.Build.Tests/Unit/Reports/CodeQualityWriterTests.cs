using System.Text.Json;
using Migrations.Build.Diagnostics;
using Migrations.Build.Reports;
using Migrations.Build.Schema;

namespace Migrations.Build.Tests.Unit.Reports;

[TestClass]
public sealed class CodeQualityWriterTests
{
    [TestMethod]
    public void Code_quality_of_the_sample_result_matches_the_golden_file() =>
        GoldenFile.AssertMatches("codequality.json", CodeQualityWriter.Render(SampleResult.Result(), SampleResult.BaseDirectory));

    [TestMethod]
    public void Every_issue_has_the_fields_GitLab_requires()
    {
        using var document = JsonDocument.Parse(CodeQualityWriter.Render(SampleResult.Result(), SampleResult.BaseDirectory));
        var issues = document.RootElement.EnumerateArray().ToList();

        Assert.HasCount(3, issues);
        CollectionAssert.AreEqual(new[] { "critical", "minor", "info" }, issues.Select(i => i.GetProperty("severity").GetString()).ToArray());
        Assert.AreEqual("Migrations/0002_add_leads.up.sql", issues[0].GetProperty("location").GetProperty("path").GetString());
        Assert.AreEqual(8, issues[0].GetProperty("location").GetProperty("lines").GetProperty("begin").GetInt32());
        Assert.AreEqual("MIG3003", issues[0].GetProperty("check_name").GetString());
        StringAssert.StartsWith(issues[0].GetProperty("description").GetString(), "MIG3003: View 'open_leads'");
        Assert.AreEqual(3, issues.Select(i => i.GetProperty("fingerprint").GetString()).Distinct().Count());
    }

    [TestMethod]
    public void The_same_finding_twice_gets_two_fingerprints()
    {
        var place = new SourceLocation(Path.Combine(SampleResult.BaseDirectory, "Migrations", "0001_create_users.up.sql"), 1, 1);
        var twice = new Diagnostic(DiagnosticCodes.EmptyScript, "The script contains no statements", place);
        var result = SampleResult.Result() with { Diagnostics = ValueList.Of(twice, twice) };

        using var document = JsonDocument.Parse(CodeQualityWriter.Render(result, SampleResult.BaseDirectory));

        Assert.AreEqual(2, document.RootElement.EnumerateArray().Select(i => i.GetProperty("fingerprint").GetString()).Distinct().Count());
    }

    [TestMethod]
    public void The_fingerprint_is_the_one_in_the_sarif_log()
    {
        using var quality = JsonDocument.Parse(CodeQualityWriter.Render(SampleResult.Result(), SampleResult.BaseDirectory));
        using var sarif = JsonDocument.Parse(SarifWriter.Render(SampleResult.Result(), SampleResult.BaseDirectory));

        CollectionAssert.AreEqual(
            quality.RootElement.EnumerateArray().Select(i => i.GetProperty("fingerprint").GetString()).ToArray(),
            sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                .Select(r => r.GetProperty("partialFingerprints").GetProperty(FindingFingerprint.SarifKey).GetString()).ToArray());
    }
}
