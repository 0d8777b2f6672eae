using System.Diagnostics;
using System.Text;
using Migrations.Tasks.Tests.EndToEnd;

namespace Migrations.Tasks.Tests.Targets;

/// <summary>A <c>dotnet build</c> that is still running: its output so far, and a way to press Ctrl+C.</summary>
internal sealed class RunningBuild : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Task _reading;

    private RunningBuild(Process process)
    {
        _process = process;
        _reading = Task.WhenAll(Read(process.StandardOutput), Read(process.StandardError));
    }

    public static RunningBuild Start(string workingDirectory, IReadOnlyList<string> arguments)
    {
        var startInfo = DotnetCommand.StartInfo("dotnet", workingDirectory, new Dictionary<string, string>(), arguments);
        return new RunningBuild(Process.Start(startInfo)!);
    }

    /// <summary>Waits until the output holds <paramref name="text"/>; fails (with the output) if the build ends first.</summary>
    public void WaitForOutput(string text)
    {
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            Assert.IsFalse(_process.HasExited && _reading.IsCompleted, $"The build ended before printing '{text}':\n{Output}");
            Thread.Sleep(100);
        }
    }

    /// <summary>Ctrl+C: SIGINT to the dotnet process, as a terminal sends it.</summary>
    public void Interrupt()
    {
        using var kill = Process.Start("kill", ["-s", "INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
        Assert.AreEqual(0, kill.ExitCode, "kill -s INT failed");
    }

    public CommandResult WaitForExit()
    {
        _process.WaitForExit();
        _reading.Wait();
        return new CommandResult(_process.ExitCode, Output);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    private async Task Read(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
