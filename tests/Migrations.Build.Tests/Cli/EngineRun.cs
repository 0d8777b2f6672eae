using System.Text.RegularExpressions;

namespace Migrations.Build.Tests.Cli;

/// <summary>What one run of the engine process printed, and how it exited.</summary>
internal sealed partial record EngineRun(int ExitCode, IReadOnlyList<string> Output, string Error)
{
    /// <summary>stdout and stderr together, for assertions about what must never be printed.</summary>
    public string AllText => string.Join('\n', Output) + "\n" + Error;

    /// <summary>stdout with the elapsed time of the summary replaced by <c>T</c>, so whole outputs can be compared.</summary>
    public IReadOnlyList<string> OutputWithoutTime => Output.Select(line => ElapsedTime().Replace(line, "(T s)")).ToList();

    /// <summary>Fails when the run printed a .NET stack trace or an exception name: bad input must give a diagnostic.</summary>
    public void AssertNoStackTrace()
    {
        Assert.IsFalse(StackFrame().IsMatch(AllText), "A stack trace was printed:\n" + AllText);
        Assert.DoesNotContain("Exception", AllText, "An exception was printed:\n" + AllText);
    }

    /// <summary>Compares all of stdout, line by line, with the summary's time replaced by <c>T</c>.</summary>
    public void AssertOutput(IReadOnlyList<string> expected) =>
        Assert.AreEqual(string.Join('\n', expected), string.Join('\n', OutputWithoutTime), ToString());

    public override string ToString() => $"exit code {ExitCode}\n--- stdout\n{string.Join('\n', Output)}\n--- stderr\n{Error}";

    [GeneratedRegex(@"\(\d+\.\d\d s\)")]
    private static partial Regex ElapsedTime();

    [GeneratedRegex(@"^\s+at \S", RegexOptions.Multiline)]
    private static partial Regex StackFrame();
}
