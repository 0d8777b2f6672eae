using System.Diagnostics;
using Migrations.Tasks;

namespace Migrations.Tasks.Tests.Unit;

/// <summary>The engine process's lifetime with real processes: output streaming, a polite stop, and a kill after the grace period.</summary>
[TestClass]
public sealed class EngineProcessTests
{
    private const string Shell = "/bin/sh";

    [TestMethod]
    public void Output_of_both_streams_arrives_in_order_with_the_exit_code()
    {
        using var engine = Start("echo one; echo two >&2; echo three; exit 3");

        var output = engine.ReadOutput().ToList();

        Assert.AreEqual(3, engine.WaitForExit());
        CollectionAssert.AreEqual(new[] { "one", "three" }, output.Where(o => !o.IsError).Select(o => o.Text).ToArray());
        CollectionAssert.AreEqual(new[] { "two" }, output.Where(o => o.IsError).Select(o => o.Text).ToArray());
    }

    [TestMethod]
    public void The_environment_entries_reach_the_engine()
    {
        using var engine = EngineProcess.Start(Shell, ["-c", "echo \"$MIGRATIONS_CONNECTION_STRING\""], new Dictionary<string, string> { ["MIGRATIONS_CONNECTION_STRING"] = "Host=h;Password=p w" });

        var output = engine.ReadOutput().Select(o => o.Text).ToList();

        Assert.AreEqual(0, engine.WaitForExit());
        CollectionAssert.AreEqual(new[] { "Host=h;Password=p w" }, output);
    }

    [TestMethod]
    public void Stop_sends_cancel_and_lets_the_engine_exit_on_its_own()
    {
        using var engine = Start("read line; echo \"got $line\"; exit 130");
        var stopwatch = Stopwatch.StartNew();

        engine.Stop(TimeSpan.FromSeconds(10));
        var output = engine.ReadOutput().Select(o => o.Text).ToList();

        Assert.AreEqual(130, engine.WaitForExit());
        CollectionAssert.AreEqual(new[] { "got cancel" }, output);
        Assert.IsLessThan(5, stopwatch.Elapsed.TotalSeconds, "the engine exited by itself; Stop must not wait the whole grace period");
    }

    [TestMethod]
    public void Stop_kills_an_engine_that_ignores_cancel_after_the_grace_period()
    {
        // Ignores standard input entirely, like a hung engine; exec so the shell itself is the process that sleeps.
        using var engine = Start("exec sleep 60");
        var stopwatch = Stopwatch.StartNew();

        engine.Stop(TimeSpan.FromSeconds(1));
        _ = engine.ReadOutput().ToList();
        engine.WaitForExit();

        Assert.IsLessThan(10, stopwatch.Elapsed.TotalSeconds, "the engine was killed after the grace period");
        Assert.IsGreaterThanOrEqualTo(0.9, stopwatch.Elapsed.TotalSeconds, "the engine had its grace period");
    }

    private static EngineProcess Start(string script)
    {
        if (!File.Exists(Shell))
        {
            TestEnvironment.CannotRun($"{Shell} is needed to stand in for the engine.");
        }

        return EngineProcess.Start(Shell, ["-c", script], new Dictionary<string, string>());
    }
}
