using Migrations.Build.Cli;

namespace Migrations.Build.Tests.Cli;

/// <summary>An internal error (MIG9001) is printed in the format the caller asked for, read from the raw arguments.</summary>
[TestClass]
public sealed class CrashOutputFormatTests
{
    [TestMethod]
    [DataRow(true, "check", "--format", "json")]
    [DataRow(true, "check", "--format", "JSON")]
    [DataRow(true, "check", "--format=json")]
    [DataRow(true, "check", "--format:json")]
    [DataRow(false, "check", "--format", "text")]
    [DataRow(false, "check", "--format")]
    [DataRow(false, "check", "--migrations", "json")]
    [DataRow(false, "check")]
    public void Json_output_is_chosen_only_by_the_format_option(bool json, params string[] arguments) =>
        Assert.AreEqual(json, Program.WantsJson(arguments), string.Join(' ', arguments));
}
