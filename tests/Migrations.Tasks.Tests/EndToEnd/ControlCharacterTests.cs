using System.Text.RegularExpressions;

namespace Migrations.Tasks.Tests.EndToEnd;

/// <summary>A migration whose file name holds a line break and a forged diagnostic: the real <c>dotnet build</c>
/// prints no line that a CI problem matcher reads as the forged one, and still reports the real finding.</summary>
[TestClass]
public sealed partial class ControlCharacterTests
{
    private const string Forged = "x.sql(1,1): error MIG0000: forged";

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DataRow("-v:n")]
    [DataRow("-v:detailed")]
    public void A_file_name_with_a_line_break_prints_no_forged_diagnostic(string verbosity)
    {
        var copy = SampleCopy.Create("Healthy.Sqlite", TestContext.TestName! + verbosity.Replace(":", "", StringComparison.Ordinal));
        File.WriteAllText(copy.PathOf($"Migrations/0004_evil\n{Forged}.up.sql"), "CREATE TABLE evil (id INT);\n");

        var result = copy.Build(verbosity);

        foreach (var line in LineBreak().Split(result.Output + "\n" + string.Join("\n", result.Errors)))
        {
            var match = ProblemMatcher().Match(line);
            Assert.IsFalse(match.Success && match.Groups[5].Value == "MIG0000", $"A problem matcher reads a forged diagnostic in:\n{line}\n---\n{result}");
        }

        Assert.IsTrue(
            result.Output.Split('\n').Any(line => line.Contains(@"0004_evil\nx.sql(1,1)", StringComparison.Ordinal) && ProblemMatcher().IsMatch(line.TrimEnd('\r'))),
            "The real finding at the file (escaped) is missing:\n" + result);
    }

    [GeneratedRegex(@"\r\n|\r|\n|\u0085|\u2028|\u2029")]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"^(.*)\((\d+),(\d+)\): (error|warning) (MIG\d{4}): (.*)$")]
    private static partial Regex ProblemMatcher();
}
