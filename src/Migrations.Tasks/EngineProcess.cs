using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Text;
using Migrations.Build.Cli;

namespace Migrations.Tasks;

/// <summary>
/// The engine running in its own process. Its standard input stays open for the whole run, because the engine
/// treats a closed input (or the line <c>cancel</c>, <see cref="EngineProtocol.CancelLine"/>) as a request to drop its scratch databases and stop.
/// Output lines of both streams are queued so the task logs them on its own thread, in order of arrival.
/// </summary>
internal sealed class EngineProcess : IDisposable
{
    private readonly Process _process;
    private readonly BlockingCollection<EngineOutput> _output = [];
    private readonly object _inputLock = new();
    private int _openStreams = 2;
    private bool _inputClosed;

    private EngineProcess(Process process) => _process = process;

    /// <summary>Starts <paramref name="host"/> with <paramref name="arguments"/>; the environment entries are added to the inherited environment.</summary>
    public static EngineProcess Start(string host, IEnumerable<string> arguments, IDictionary<string, string> environment)
    {
        var startInfo = new ProcessStartInfo(host, CommandLineText.Join(arguments))
        {
            UseShellExecute = false,
            CreateNoWindow = true,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var entry in environment)
        {
            startInfo.Environment[entry.Key] = entry.Value;
        }

        var process = new Process { StartInfo = startInfo };
        var engine = new EngineProcess(process);
        process.OutputDataReceived += (_, e) => engine.Receive(e.Data, isError: false);
        process.ErrorDataReceived += (_, e) => engine.Receive(e.Data, isError: true);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return engine;
    }

    /// <summary>Every output line until both streams are closed (the engine exited or was killed).</summary>
    public IEnumerable<EngineOutput> ReadOutput() => _output.GetConsumingEnumerable();

    /// <summary>Waits for the exit after the output ended and returns the exit code.</summary>
    public int WaitForExit()
    {
        _process.WaitForExit();
        CloseInput();
        return _process.ExitCode;
    }

    /// <summary>Asks the engine to stop, and kills its process tree if it is still running after <paramref name="gracePeriod"/>.</summary>
    public void Stop(TimeSpan gracePeriod)
    {
        lock (_inputLock)
        {
            if (!_inputClosed)
            {
                try
                {
                    _process.StandardInput.WriteLine(EngineProtocol.CancelLine);
                    _process.StandardInput.Flush();
                }
                catch (IOException)
                {
                    // The engine already exited; closing below is all that is left to do.
                }
            }
        }

        CloseInput();
        try
        {
            if (!_process.WaitForExit((int)gracePeriod.TotalMilliseconds))
            {
                KillTree();
            }
        }
        catch (InvalidOperationException)
        {
            // The process was disposed after it ended: nothing to stop.
        }
    }

    public void Dispose()
    {
        CloseInput();
        _process.Dispose();
        _output.Dispose();
    }

    private void Receive(string? line, bool isError)
    {
        if (line is not null)
        {
            _output.Add(new EngineOutput(line, isError));
        }
        else if (Interlocked.Decrement(ref _openStreams) == 0)
        {
            _output.CompleteAdding();
        }
    }

    private void CloseInput()
    {
        lock (_inputLock)
        {
            if (_inputClosed)
            {
                return;
            }

            _inputClosed = true;
            try
            {
                _process.StandardInput.Close();
            }
            catch (IOException)
            {
                // A broken pipe means the engine has exited already.
            }
        }
    }

    private void KillTree()
    {
        try
        {
            // Process.Kill(bool entireProcessTree) exists on .NET Core 3.0+, where `dotnet build` runs this task;
            // the .NET Framework MSBuild of Visual Studio only has Kill(), which ends the engine itself.
            var killTree = typeof(Process).GetMethod(nameof(Process.Kill), [typeof(bool)]);
            if (killTree is not null)
            {
                killTree.Invoke(_process, [true]);
            }
            else
            {
                _process.Kill();
            }
        }
        catch (Exception e) when (e is InvalidOperationException or TargetInvocationException or System.ComponentModel.Win32Exception)
        {
            // It exited between the check and the kill.
        }
    }
}
