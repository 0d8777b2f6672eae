using System.Text.RegularExpressions;

namespace Migrations.Build.Tests.Cli;

/// <summary>A file name with a line break, a terminal escape or another control character is printed escaped, in
/// the text output, the JSON lines and every report: it cannot print a forged <c>file(1,1): error …</c> line that a
/// CI problem matcher would take as real, and the real finding is still reported at the file.</summary>
[TestClass]
public sealed partial class CliControlCharacterTests
{
    private const string Forged = "x.sql(1,1): error MIG0000: forged";

    [TestMethod]
    [DataRow("\n", @"\n")]
    [DataRow("\r\n", @"\r\n")]
    [DataRow("\r", @"\r")]
    [DataRow("\u001b[2K\r", @"\u001B[2K\r")]
    [DataRow("\u2028", @"\u2028")]
    [DataRow("\u0085", @"\u0085")]
    public async Task File_name_with_a_control_character_prints_no_forged_line(string separator, string escaped)
    {
        using var workspace = new CliWorkspace();
        workspace.WriteUsersMigration();
        var name = $"0002_evil{separator}{Forged}.up.sql";
        workspace.Write("Migrations/" + name, "CREATE TABLE evil (id INT);\n");
        var reports = workspace.PathOf("reports");

        foreach (var format in new[] { "text", "json" })
        {
            var run = await EngineProcess.RunAsync("check", "--migrations", workspace.Migrations, "--format", format, "--report-dir", reports);

            Assert.AreNotEqual(3, run.ExitCode, run.ToString());
            AssertNoForgedLine(run.AllText, run.ToString());
            var finding = run.Output.FirstOrDefault(line => line.Contains("0002_evil", StringComparison.Ordinal) && line.Contains("MIG1", StringComparison.Ordinal));
            Assert.IsNotNull(finding, "The real finding at the file is missing:\n" + run);
            Assert.Contains(format == "json" ? escaped.Replace(@"\", @"\\", StringComparison.Ordinal) : escaped, finding, run.ToString());
            run.AssertNoStackTrace();
        }

        foreach (var file in Directory.GetFiles(reports, "*", SearchOption.AllDirectories))
        {
            var text = await File.ReadAllTextAsync(file);
            AssertNoForgedLine(text, file);
            Assert.IsFalse(text.Contains(separator, StringComparison.Ordinal) && separator != "\n" && separator != "\r\n", $"{file} holds the raw control character:\n{text}");
        }
    }

    /// <summary>No line of <paramref name="text"/> is read by a problem matcher (the regex GitHub's and most CI's
    /// MSBuild matchers use) as the forged diagnostic; a line break of any kind starts a new line.</summary>
    internal static void AssertNoForgedLine(string text, string context)
    {
        foreach (var line in LineBreak().Split(text))
        {
            var match = ProblemMatcher().Match(line);
            Assert.IsFalse(match.Success && match.Groups[5].Value == "MIG0000", $"A problem matcher reads a forged diagnostic in:\n{line}\n---\n{context}");
        }
    }

    [GeneratedRegex(@"\r\n|\r|\n|\u0085|\u2028|\u2029")]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"^(.*)\((\d+),(\d+)\): (error|warning) (MIG\d{4}): (.*)$")]
    private static partial Regex ProblemMatcher();
}
