using Migrations.Build.Diagnostics;
using Migrations.Build.Reports;

namespace Migrations.Build.Tests.Unit.Reports;

[TestClass]
public sealed class DiagnosticOrderTests
{
    [TestMethod]
    [DataRow("MIG9001", "MIG0004", DisplayName = "an internal error before a configuration error")]
    [DataRow("MIG0004", "MIG1001", DisplayName = "configuration before history")]
    [DataRow("MIG1001", "MIG2001", DisplayName = "history before upgrade")]
    [DataRow("MIG2001", "MIG4002", DisplayName = "upgrade before downgrade")]
    [DataRow("MIG4002", "MIG3003", DisplayName = "downgrade before drift")]
    [DataRow("MIG4002", "MIG1003", DisplayName = "any error before a warning")]
    [DataRow("MIG1003", "MIG3008", DisplayName = "a warning before an info")]
    public void The_more_important_comes_first(string first, string second)
    {
        var diagnostics = new[] { Of(second), Of(first) };

        var ordered = DiagnosticOrder.MostImportantFirst(diagnostics);

        CollectionAssert.AreEqual(new[] { first, second }, ordered.Select(d => d.Code).ToArray());
    }

    [TestMethod]
    public void Diagnostics_of_one_family_keep_the_engines_order()
    {
        var diagnostics = new[] { Of("MIG3004", "b"), Of("MIG3002", "a"), Of("MIG3004", "c") };

        var ordered = DiagnosticOrder.MostImportantFirst(diagnostics);

        CollectionAssert.AreEqual(new[] { "b", "a", "c" }, ordered.Select(d => d.Message).ToArray());
    }

    private static Diagnostic Of(string code, string message = "m") => new(DiagnosticCodes.All.Single(d => d.Code == code), message);
}
