using Migrations.Build.Diagnostics;
using Migrations.Build.Reports;

namespace Migrations.Build.Tests.Unit.Reports;

/// <summary>The rule descriptions the SARIF log carries come from docs/diagnostics.md, embedded in the engine.</summary>
[TestClass]
public sealed class DiagnosticDocumentationTests
{
    private static readonly IReadOnlyDictionary<string, DiagnosticEntry> FromFile =
        DiagnosticDocumentation.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "docs", "diagnostics.md")));

    public static IEnumerable<object[]> Codes => DiagnosticCodes.All.Select(d => new object[] { d.Code });

    [TestMethod]
    [DynamicData(nameof(Codes))]
    public void Every_code_has_a_description_and_help_from_its_entry(string code)
    {
        var entry = DiagnosticDocumentation.For(DiagnosticCodes.All.Single(d => d.Code == code));

        Assert.IsTrue(FromFile.ContainsKey(code), $"docs/diagnostics.md has no entry for {code}");
        Assert.AreEqual(FromFile[code], entry, "The embedded documentation is the file's.");
        Assert.IsGreaterThan(20, entry.Description.Length, entry.Description);
        Assert.DoesNotContain("**Severity:**", entry.Description);
        Assert.DoesNotContain("```", entry.Description);
        StringAssert.StartsWith(entry.Markdown, "**Severity:**");
    }

    [TestMethod]
    public void The_description_is_the_first_paragraph_after_the_severity_line()
    {
        var entries = DiagnosticDocumentation.Parse("""
            <a id="mig0001"></a>
            ## MIG0001: Title

            **Severity:** error · **Family:** configuration

            First line
            second line.

            ```text
            x: error MIG0001: y
            ```

            **Fix:** do it.

            <a id="mig0002"></a>
            ## MIG0002: Next
            """);

        Assert.AreEqual("First line second line.", entries["MIG0001"].Description);
        StringAssert.EndsWith(entries["MIG0001"].Markdown, "**Fix:** do it.");
        Assert.HasCount(2, entries);
    }
}
