using System.Diagnostics;
using Migrations.Tasks;

namespace Migrations.Tasks.Tests.Unit;

[TestClass]
public sealed class CommandLineTextTests
{
    [TestMethod]
    [DataRow("plain", "plain")]
    [DataRow("with space", "\"with space\"")]
    [DataRow("", "\"\"")]
    [DataRow("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [DataRow("C:\\dir\\", "C:\\dir\\")]
    [DataRow("C:\\my dir\\", "\"C:\\my dir\\\\\"")]
    public void Arguments_are_quoted_only_when_needed(string argument, string expected) =>
        Assert.AreEqual(expected, CommandLineText.Quote(argument));

    [TestMethod]
    public void A_real_process_receives_every_argument_unchanged()
    {
        const string printf = "/usr/bin/printf";
        if (!File.Exists(printf))
        {
            TestEnvironment.CannotRun("/usr/bin/printf is needed to show how a process splits its command line.");
        }

        string[] arguments = ["/tmp/my migrations/", "", "a\"b", "trailing\\", "two  spaces", "ünï"];
        var startInfo = new ProcessStartInfo(printf, "\"[%s]\" " + CommandLineText.Join(arguments)) { RedirectStandardOutput = true };

        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();

        Assert.AreEqual(string.Concat(arguments.Select(a => $"[{a}]")), output);
    }
}
