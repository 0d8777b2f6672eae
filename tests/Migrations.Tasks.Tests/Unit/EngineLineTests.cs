using Migrations.Tasks;

namespace Migrations.Tasks.Tests.Unit;

[TestClass]
public sealed class EngineLineTests
{
    [TestMethod]
    public void A_located_diagnostic_keeps_its_code_file_position_and_help_link()
    {
        var line = EngineLine.Parse("""{"type":"diagnostic","severity":"error","code":"MIG2001","file":"/abs/Migrations/0002_x.up.sql","line":8,"column":1,"message":"no such table: legacy","helpLink":"https://h#mig2001"}""");

        Assert.AreEqual(EngineLineKind.Diagnostic, line.Kind);
        Assert.AreEqual("error", line.Severity);
        Assert.AreEqual("MIG2001", line.Code);
        Assert.AreEqual("/abs/Migrations/0002_x.up.sql", line.File);
        Assert.AreEqual(8, line.Line);
        Assert.AreEqual(1, line.Column);
        Assert.AreEqual("no such table: legacy", line.Message);
        Assert.AreEqual("https://h#mig2001", line.HelpLink);
    }

    [TestMethod]
    public void A_diagnostic_without_location_has_no_file_and_line_zero()
    {
        var line = EngineLine.Parse("""{"type":"diagnostic","severity":"warning","code":"MIG0008","message":"empty"}""");

        Assert.AreEqual(EngineLineKind.Diagnostic, line.Kind);
        Assert.IsNull(line.File);
        Assert.AreEqual(0, line.Line);
    }

    [TestMethod]
    public void Summary_and_progress_are_recognized()
    {
        Assert.AreEqual(EngineLineKind.Summary, EngineLine.Parse("""{"type":"summary","message":"Migrations: ok","errors":0,"warnings":0}""").Kind);
        Assert.AreEqual(EngineLineKind.Progress, EngineLine.Parse("""{"type":"progress","message":"applying 0001"}""").Kind);
    }

    [TestMethod]
    [DataRow("plain output", DisplayName = "plain text")]
    [DataRow("{\"type\":\"diagnostic\",\"message\":\"no code\"}", DisplayName = "diagnostic without code")]
    [DataRow("{\"type\":\"other\",\"message\":\"m\"}", DisplayName = "unknown type")]
    [DataRow("{\"type\":\"summary\"}", DisplayName = "no message")]
    [DataRow("{\"type\":\"summary\",\"message\":", DisplayName = "broken JSON")]
    public void Anything_else_is_passed_through_as_text(string text)
    {
        var line = EngineLine.Parse(text);

        Assert.AreEqual(EngineLineKind.Text, line.Kind);
        Assert.AreEqual(text, line.Message);
    }
}
