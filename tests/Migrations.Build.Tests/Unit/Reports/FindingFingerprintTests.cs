using Migrations.Build.Diagnostics;
using Migrations.Build.Reports;

namespace Migrations.Build.Tests.Unit.Reports;

[TestClass]
public sealed class FindingFingerprintTests
{
    [TestMethod]
    [DataRow("its checksum differs from migrations.lock line 12", "its checksum differs from migrations.lock line #")]
    [DataRow("Line 3 of the history lock is not valid", "Line # of the history lock is not valid")]
    [DataRow("at schema.sql(12,5) the table", "at schema.sql(#,#) the table")]
    [DataRow("Table notes exists after the migrations", "Table notes exists after the migrations")]
    public void Line_numbers_in_a_message_do_not_count(string message, string identity) =>
        Assert.AreEqual(identity, FindingFingerprint.WithoutLineNumbers(message));

    [TestMethod]
    public void The_fingerprint_depends_on_rule_file_and_message_but_not_on_the_line()
    {
        Diagnostic At(DiagnosticDescriptor code, string message, int line) => new(code, message, new SourceLocation("/r/a.sql", line, 1));
        var diagnostics = new[]
        {
            At(DiagnosticCodes.DownLeavesObject, "leaves index ix behind", 2),
            At(DiagnosticCodes.DownLeavesObject, "leaves index ix behind", 9),
            At(DiagnosticCodes.DownMissesObject, "leaves index ix behind", 2),
            At(DiagnosticCodes.DownLeavesObject, "leaves table t behind", 2),
        };

        var moved = FindingFingerprint.ForAll([diagnostics[0]], ["a.sql"])[0];
        var all = FindingFingerprint.ForAll(diagnostics[1..], ["a.sql", "a.sql", "a.sql"]);
        var otherFile = FindingFingerprint.ForAll([diagnostics[0]], ["b.sql"])[0];

        Assert.AreEqual(moved, all[0], "Only the line differs.");
        Assert.AreNotEqual(moved, all[1], "Another rule.");
        Assert.AreNotEqual(moved, all[2], "Another object.");
        Assert.AreNotEqual(moved, otherFile, "Another file.");
    }
}
