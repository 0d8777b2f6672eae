using Migrations.Build.Tool;

namespace Migrations.Tasks.Tests.Tool;

/// <summary>Colours mark whole lines on a terminal, and only there.</summary>
[TestClass]
public sealed class ColoredLineWriterTests
{
    [TestMethod]
    [DataRow("/p/Migrations/0002.up.sql(3,1): error MIG2001: Migration 0002_x failed", "\u001b[31m")]
    [DataRow("/p/Migrations/0002.up.sql: warning MIG1003: A migration has no down script", "\u001b[33m")]
    [DataRow("Migrations: 2 migrations on SQLite — upgrade ok, drift 0, downgrades 2/2 proven (0.41 s)", "\u001b[32m")]
    [DataRow("Migrations: 2 migrations on SQLite — upgrade failed (0.41 s); 1 error(s), 0 warning(s)", "\u001b[31m")]
    [DataRow("Diff 0001 → 0002 on SQLite: no differences.", "\u001b[32m")]
    [DataRow("Diff 0001 → 0002 on SQLite: 2 differences.", "\u001b[33m")]
    [DataRow("TABLE users", null)]
    public void Each_kind_of_line_has_its_colour(string line, string? color)
    {
        Assert.AreEqual(color, ColoredLineWriter.ColorOf(line));
    }

    [TestMethod]
    public void A_coloured_line_keeps_its_text_and_ends_with_a_reset()
    {
        using var inner = new StringWriter();
        using (var writer = new ColoredLineWriter(inner))
        {
            writer.Write("a: error MIG0001: x");
            writer.WriteLine();
            writer.WriteLine("plain");
        }

        Assert.AreEqual("\u001b[31ma: error MIG0001: x\u001b[0m\nplain\n", inner.ToString());
    }

    [TestMethod]
    [DataRow(false, null, "xterm-256color", true)]
    [DataRow(true, null, "xterm-256color", false)]
    [DataRow(false, "1", "xterm-256color", false)]
    [DataRow(false, "", "xterm", true)]
    [DataRow(false, null, "dumb", false)]
    public void Colours_only_on_a_terminal_without_NO_COLOR(bool redirected, string? noColor, string? term, bool wanted)
    {
        Assert.AreEqual(wanted, ColoredLineWriter.Wanted(redirected, noColor, term));
    }
}
