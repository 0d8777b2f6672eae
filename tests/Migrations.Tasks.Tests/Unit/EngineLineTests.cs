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
    public void Escaped_characters_in_a_message_are_decoded()
    {
        var line = EngineLine.Parse("""{"type":"progress","message":"quote \" backslash \\ slash \/ tab \t euro \u20AC surrogates \uD83D\uDE00"}""");

        Assert.AreEqual("quote \" backslash \\ slash / tab \t euro \u20AC surrogates \U0001F600", line.Message);
    }

    [TestMethod]
    public void Nested_detail_a_newer_engine_adds_is_skipped_and_the_members_around_it_are_read()
    {
        var line = EngineLine.Parse("""{"type":"summary","checks":[{"check":"history","status":"passed"},[],{}],"detail":{"a":[1,2.5,null]},"message":"m","errors":0}""");

        Assert.AreEqual(EngineLineKind.Summary, line.Kind);
        Assert.AreEqual("m", line.Message);
    }

    [TestMethod]
    public void A_position_that_is_not_a_whole_number_reads_as_zero_and_a_missing_severity_as_error()
    {
        var line = EngineLine.Parse("""{"type":"diagnostic","code":"MIG2001","line":2.5,"column":"3","message":"m"}""");

        Assert.AreEqual(0, line.Line);
        Assert.AreEqual(0, line.Column);
        Assert.AreEqual("error", line.Severity);
    }

    [TestMethod]
    [DataRow("plain output", DisplayName = "plain text")]
    [DataRow("", DisplayName = "empty line")]
    [DataRow("{\"type\":\"progress\",\"message\":\"m\"} trailing", DisplayName = "text after the object")]
    [DataRow("{\"type\":\"progress\",\"message\":\"m\",}", DisplayName = "trailing comma")]
    [DataRow("{type:\"progress\",\"message\":\"m\"}", DisplayName = "unquoted name")]
    [DataRow("{\"type\":\"progress\",\"message\":'m'}", DisplayName = "single quotes")]
    [DataRow("{\"type\":\"progress\",\"message\":\"\\x\"}", DisplayName = "unknown escape")]
    [DataRow("{\"type\":\"progress\",\"message\":\"line\nbreak\"}", DisplayName = "raw control character")]
    [DataRow("{\"type\":\"progress\",\"message\":7}", DisplayName = "message not a string")]
    [DataRow("{\"type\":\"progress\",\"message\":\"m\",\"a\":" + "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[" + "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]" + "}", DisplayName = "nested deeper than the reader's limit")]
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
