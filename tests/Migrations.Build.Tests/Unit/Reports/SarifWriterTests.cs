using System.Text.Json;
using Migrations.Build.Checks;
using Migrations.Build.Diagnostics;
using Migrations.Build.Reports;
using Migrations.Build.Schema;
using Migrations.Build.Tests.Reports;

namespace Migrations.Build.Tests.Unit.Reports;

[TestClass]
public sealed class SarifWriterTests
{
    [TestMethod]
    public void Sarif_of_the_sample_result_matches_the_golden_file()
    {
        var sarif = SarifWriter.Render(SampleResult.Result(), SampleResult.BaseDirectory);

        // The base directory's absolute URI differs between Windows and Unix; the golden file holds a placeholder.
        // So do the engine's version and the migrations folder's absolute URI (the info has no location of its own).
        var baseUri = new Uri(SampleResult.BaseDirectory + Path.DirectorySeparatorChar).AbsoluteUri;
        var golden = sarif.Replace(baseUri, "file:///BASE/", StringComparison.Ordinal)
            .Replace($"\"semanticVersion\": \"{EngineVersion.Current}\"", "\"semanticVersion\": \"VERSION\"", StringComparison.Ordinal);
        GoldenFile.AssertMatches("migrations.sarif", golden);
    }

    [TestMethod]
    public void Sarif_has_the_properties_the_2_1_0_schema_requires()
    {
        using var document = JsonDocument.Parse(SarifWriter.Render(SampleResult.Result(), SampleResult.BaseDirectory));
        var root = document.RootElement;

        Assert.AreEqual("2.1.0", root.GetProperty("version").GetString());
        StringAssert.EndsWith(root.GetProperty("$schema").GetString(), "sarif-2.1.0.json");
        var run = root.GetProperty("runs").EnumerateArray().Single();
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.AreEqual("Migrations.Build", driver.GetProperty("name").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        CollectionAssert.AreEqual(new[] { "MIG1003", "MIG3003", "MIG3008" }, rules.Select(r => r.GetProperty("id").GetString()).ToArray());
        Assert.AreEqual(DiagnosticCodes.MissingDown.Title + ".", rules[0].GetProperty("shortDescription").GetProperty("text").GetString());
        Assert.AreEqual(DiagnosticCodes.MissingDown.HelpLink, rules[0].GetProperty("helpUri").GetString());
        foreach (var rule in rules)
        {
            var entry = DiagnosticDocumentation.For(DiagnosticCodes.All.Single(d => d.Code == rule.GetProperty("id").GetString()));
            StringAssert.StartsWith(rule.GetProperty("fullDescription").GetProperty("text").GetString(), entry.Description.TrimEnd(':', '.'));
            StringAssert.StartsWith(rule.GetProperty("help").GetProperty("markdown").GetString(), entry.Markdown);
            StringAssert.Contains(rule.GetProperty("help").GetProperty("text").GetString(), rule.GetProperty("helpUri").GetString());
        }

        var results = run.GetProperty("results").EnumerateArray().ToList();
        CollectionAssert.AreEqual(new[] { "error", "warning", "note" }, results.Select(r => r.GetProperty("level").GetString()).ToArray());
        foreach (var result in results)
        {
            var ruleId = result.GetProperty("ruleId").GetString();
            Assert.AreEqual(ruleId, rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
            Assert.IsFalse(string.IsNullOrEmpty(result.GetProperty("message").GetProperty("text").GetString()));
            Assert.AreEqual(32, result.GetProperty("partialFingerprints").GetProperty(FindingFingerprint.SarifKey).GetString()!.Length);
        }
    }

    [TestMethod]
    public void Locations_under_the_base_directory_are_relative_to_the_source_root()
    {
        using var document = JsonDocument.Parse(SarifWriter.Render(SampleResult.Result(), SampleResult.BaseDirectory));
        var run = document.RootElement.GetProperty("runs")[0];
        var location = run.GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation");

        Assert.AreEqual("Migrations/0002_add_leads.up.sql", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.AreEqual("%SRCROOT%", location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        Assert.AreEqual(8, location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.AreEqual(1, location.GetProperty("region").GetProperty("startColumn").GetInt32());
        var root = run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString()!;
        Assert.IsTrue(Uri.TryCreate(root, UriKind.Absolute, out var rootUri) && rootUri.IsFile && root.EndsWith('/'), root);
    }

    [TestMethod]
    public void A_file_outside_the_base_directory_gets_an_absolute_file_uri()
    {
        var outside = Path.GetFullPath(Path.Combine(SampleResult.BaseDirectory, "..", "shared model", "schema.sql"));
        var result = SampleResult.Result() with
        {
            Diagnostics = ValueList.Of(new Diagnostic(DiagnosticCodes.ModelStatementFailed, "near \"TABL\": syntax error", new SourceLocation(outside, 3, 5))),
        };

        using var document = JsonDocument.Parse(SarifWriter.Render(result, SampleResult.BaseDirectory));
        var artifact = document.RootElement.GetProperty("runs")[0].GetProperty("results")[0]
            .GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");

        Assert.AreEqual(new Uri(outside).AbsoluteUri, artifact.GetProperty("uri").GetString());
        StringAssert.Contains(artifact.GetProperty("uri").GetString(), "shared%20model/schema.sql");
        Assert.IsFalse(artifact.TryGetProperty("uriBaseId", out _));
    }

    [TestMethod]
    public void A_diagnostic_without_location_is_placed_at_the_project_file_when_the_request_names_one()
    {
        var project = Path.Combine(SampleResult.BaseDirectory, "App.csproj");
        var result = SampleResult.Result() with { Request = SampleResult.Result().Request with { ProjectFile = project } };

        using var document = JsonDocument.Parse(SarifWriter.Render(result, SampleResult.BaseDirectory));
        var info = document.RootElement.GetProperty("runs")[0].GetProperty("results")[2];

        Assert.AreEqual("MIG3008", info.GetProperty("ruleId").GetString());
        var location = info.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.AreEqual("App.csproj", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.AreEqual(1, location.GetProperty("region").GetProperty("startLine").GetInt32());
    }

    [TestMethod]
    public void A_diagnostic_without_location_and_without_a_project_file_is_placed_at_the_migrations_folder()
    {
        using var document = JsonDocument.Parse(SarifWriter.Render(SampleResult.Result(), SampleResult.BaseDirectory));
        var info = document.RootElement.GetProperty("runs")[0].GetProperty("results")[2];

        Assert.AreEqual("Migrations", info.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
    }

    [TestMethod]
    public void A_location_with_a_span_gets_end_line_and_end_column()
    {
        var span = new SourceLocation(Path.Combine(SampleResult.BaseDirectory, "Migrations", "0002_add_leads.up.sql"), 8, 1) { EndLine = 10, EndColumn = 4 };
        var result = SampleResult.Result() with { Diagnostics = ValueList.Of(new Diagnostic(DiagnosticCodes.UpStatementFailed, "near \"TABL\": syntax error", span)) };

        using var document = JsonDocument.Parse(SarifWriter.Render(result, SampleResult.BaseDirectory));
        var region = document.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");

        Assert.AreEqual(10, region.GetProperty("endLine").GetInt32());
        Assert.AreEqual(4, region.GetProperty("endColumn").GetInt32());
    }

    [TestMethod]
    public void The_sample_log_passes_the_sarif_multitool()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sample-{Guid.NewGuid():N}.sarif");
        try
        {
            File.WriteAllText(path, SarifWriter.Render(SampleResult.Result(), SampleResult.BaseDirectory));
            SarifMultitool.AssertValid(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void An_empty_result_is_a_valid_log_with_no_rules_and_no_results()
    {
        using var document = JsonDocument.Parse(SarifWriter.Render(new ValidationResult(new ValidationRequest("Migrations"), "SQLite"), baseDirectory: null));
        var run = document.RootElement.GetProperty("runs")[0];

        Assert.AreEqual(0, run.GetProperty("tool").GetProperty("driver").GetProperty("rules").GetArrayLength());
        Assert.AreEqual(0, run.GetProperty("results").GetArrayLength());
        Assert.IsFalse(run.TryGetProperty("originalUriBaseIds", out _));
    }
}
