using System.Text.RegularExpressions;
using Migrations.Build.Diagnostics;

namespace Migrations.Build.Tests.Unit.Reports;

/// <summary>docs/diagnostics.md is what every help link points at: it must keep up with the catalog.</summary>
[TestClass]
public sealed partial class DiagnosticsDocumentationTests
{
    private static readonly string Documentation = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "docs", "diagnostics.md")).ReplaceLineEndings("\n");

    public static IEnumerable<object[]> Codes => DiagnosticCodes.All.Select(d => new object[] { d.Code });

    [TestMethod]
    [DynamicData(nameof(Codes))]
    public void Every_code_has_an_anchor_and_a_heading_with_its_title(string code)
    {
        var descriptor = DiagnosticCodes.All.Single(d => d.Code == code);

        Assert.Contains($"<a id=\"{code.ToLowerInvariant()}\"></a>\n## {code}: {descriptor.Title}\n", Documentation);
    }

    [TestMethod]
    public void Help_links_point_at_the_anchors()
    {
        foreach (var descriptor in DiagnosticCodes.All)
        {
            var anchor = descriptor.HelpLink[(descriptor.HelpLink.IndexOf('#', StringComparison.Ordinal) + 1)..];
            Assert.Contains($"<a id=\"{anchor}\"></a>", Documentation, descriptor.Code);
        }
    }

    [TestMethod]
    public void The_documentation_has_no_entry_for_an_unknown_code()
    {
        var known = DiagnosticCodes.All.Select(d => d.Code.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var documented = Anchor().Matches(Documentation).Select(m => m.Groups["code"].Value).ToList();

        CollectionAssert.AreEquivalent(known.ToArray(), documented.ToArray());
    }

    [TestMethod]
    public void Every_entry_shows_an_example_line_with_its_code()
    {
        foreach (var descriptor in DiagnosticCodes.All)
        {
            var start = Documentation.IndexOf($"## {descriptor.Code}:", StringComparison.Ordinal);
            var end = Documentation.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
            var entry = end < 0 ? Documentation[start..] : Documentation[start..end];

            Assert.Contains($" {descriptor.Code}: ", entry[entry.IndexOf("```text", StringComparison.Ordinal)..], descriptor.Code);
        }
    }

    [GeneratedRegex("<a id=\"(?<code>mig[0-9]{4})\"></a>")]
    private static partial Regex Anchor();
}
