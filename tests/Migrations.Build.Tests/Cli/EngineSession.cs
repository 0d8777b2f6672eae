using System.Diagnostics;
using System.Text;

namespace Migrations.Build.Tests.Cli;

/// <summary>A running engine process: collects its output lines as they arrive, lets a test wait for a line, write to
/// its standard input and wait for its exit; disposing kills it (and its children) if it still runs.</summary>
internal sealed class EngineSession : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];
    private readonly StringBuilder _error = new();
    private readonly object _gate = new();
    private readonly TaskCompletionSource _outputClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _errorClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _lineArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public EngineSession(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _outputClosed.TrySetResult();
                return;
            }

            TaskCompletionSource arrived;
            lock (_gate)
            {
                _output.Add(e.Data);
                arrived = _lineArrived;
                _lineArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            arrived.TrySetResult();
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _errorClosed.TrySetResult();
                return;
            }

            lock (_gate)
            {
                _error.AppendLine(e.Data);
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public IReadOnlyList<string> Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToList();
            }
        }
    }

    /// <summary>Waits until some stdout line satisfies <paramref name="predicate"/>; false when the process ended or the time ran out first.</summary>
    public async Task<bool> WaitForLineAsync(Func<string, bool> predicate, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            Task arrived;
            lock (_gate)
            {
                if (_output.Any(predicate))
                {
                    return true;
                }

                arrived = _lineArrived.Task;
            }

            if (_outputClosed.Task.IsCompleted)
            {
                return false;
            }

            await Task.WhenAny(arrived, _outputClosed.Task, Task.Delay(50));
        }

        return false;
    }

    /// <summary>Sends SIGINT, as Ctrl+C in a terminal does (Unix only).</summary>
    public void Interrupt()
    {
        Assert.AreEqual(0, SendSignal(_process.Id, 2), "kill(SIGINT) failed");
    }

    /// <summary>Sends SIGINT to the engine and every process below it, as Ctrl+C in a terminal does to the foreground
    /// process group (where the engine's tools have no session of their own).</summary>
    public void InterruptGroup()
    {
        var below = TemporaryClusterWatch.DescendantsOf(_process.Id).ToList();
        Interrupt();
        foreach (var process in below)
        {
            _ = SendSignal(process, 2); // it may have ended meanwhile
        }
    }

    /// <summary>Sends SIGKILL to the engine alone, as a CI job timeout or the OOM killer would: nothing of it runs after.</summary>
    public void Kill() => _process.Kill(entireProcessTree: false);

    public async Task WriteLineAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Waits for the exit and the end of both streams; on timeout kills the process tree and fails the test.</summary>
    public async Task<EngineRun> WaitForExitAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
            await Task.WhenAll(_outputClosed.Task, _errorClosed.Task).WaitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            Assert.Fail($"The engine did not exit within {timeout.TotalSeconds:0} s. Output so far:\n{string.Join('\n', Output)}");
        }

        lock (_gate)
        {
            return new EngineRun(_process.ExitCode, _output.ToList(), _error.ToString());
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int processId, int signal);

    public ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.StandardInput.Close();
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException)
        {
            // Already gone.
        }

        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
