using Migrations.Tasks;

namespace Migrations.Tasks.Tests.Unit;

[TestClass]
public sealed class FlatJsonObjectTests
{
    [TestMethod]
    public void Strings_numbers_booleans_and_null_are_read()
    {
        var json = FlatJsonObject.TryParse("""{"s":"a","n":42,"f":-1.5e2,"h":0.5,"t":true,"x":false,"z":null}""");

        Assert.IsNotNull(json);
        Assert.AreEqual("a", json.GetString("s"));
        Assert.AreEqual(42, json.GetInt32("n"));
        Assert.AreEqual(-150, json.GetInt32("f"));
        Assert.AreEqual(0, json.GetInt32("h"), "a fraction is not an int");
        Assert.IsTrue(json.Contains("t"));
        Assert.IsTrue(json.Contains("z"));
        Assert.IsNull(json.GetString("z"));
    }

    [TestMethod]
    public void Escapes_are_decoded()
    {
        var json = FlatJsonObject.TryParse("""{"m":"quote \" backslash \\ slash \/ tab \t line\n euro \u20AC surrogates \uD83D\uDE00"}""");

        Assert.AreEqual("quote \" backslash \\ slash / tab \t line\n euro \u20AC surrogates \U0001F600", json?.GetString("m"));
    }

    [TestMethod]
    public void Nested_objects_and_arrays_are_skipped_but_the_scalars_around_them_are_read()
    {
        var json = FlatJsonObject.TryParse("""{"type":"summary","checks":[{"check":"history","status":"passed"},[],{}],"detail":{"a":[1,2.5,null]},"message":"m"}""");

        Assert.IsNotNull(json);
        Assert.AreEqual("summary", json.GetString("type"));
        Assert.AreEqual("m", json.GetString("message"));
        Assert.IsTrue(json.Contains("checks"));
        Assert.IsNull(json.GetString("checks"), "a nested value is not a string");
        Assert.AreEqual(0, json.GetInt32("detail"));
    }

    [TestMethod]
    public void Nesting_deeper_than_the_limit_is_rejected() =>
        Assert.IsNull(FlatJsonObject.TryParse("{\"a\":" + new string('[', 40) + new string(']', 40) + "}"));

    [TestMethod]
    public void Whitespace_between_tokens_is_allowed()
    {
        Assert.AreEqual("v", FlatJsonObject.TryParse(" { \"k\" : \"v\" } ")?.GetString("k"));
        Assert.IsNotNull(FlatJsonObject.TryParse("{}"));
    }

    [TestMethod]
    [DataRow("", DisplayName = "empty line")]
    [DataRow("not json", DisplayName = "plain text")]
    [DataRow("{\"a\":1", DisplayName = "unterminated object")]
    [DataRow("{\"a\":1} trailing", DisplayName = "text after the object")]
    [DataRow("{\"a\":[1,]}", DisplayName = "trailing comma in an array")]
    [DataRow("{\"a\":{\"b\"}}", DisplayName = "broken nested object")]
    [DataRow("{\"a\":1,}", DisplayName = "trailing comma")]
    [DataRow("{a:1}", DisplayName = "unquoted name")]
    [DataRow("{\"a\":'x'}", DisplayName = "single quotes")]
    [DataRow("{\"a\":\"\\x\"}", DisplayName = "unknown escape")]
    [DataRow("{\"a\":\"\\u12\"}", DisplayName = "short unicode escape")]
    [DataRow("{\"a\":1,\"a\":2}", DisplayName = "duplicate member")]
    [DataRow("{\"a\":-}", DisplayName = "sign without digits")]
    [DataRow("{\"a\":\"line\nbreak\"}", DisplayName = "raw control character")]
    [DataRow("{\"a\":tru}", DisplayName = "truncated literal")]
    public void Anything_but_one_flat_object_is_rejected(string line) => Assert.IsNull(FlatJsonObject.TryParse(line));
}
