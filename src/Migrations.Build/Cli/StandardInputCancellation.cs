namespace Migrations.Build.Cli;

/// <summary>Lets the MSBuild task cancel the engine gracefully: the line <c>cancel</c> on standard input cancels the
/// run, so the engine drops its scratch databases before it exits (a kill would orphan them). The end of input alone
/// does not cancel: CI runs with standard input closed, and that must not look like Ctrl+C.</summary>
public static class StandardInputCancellation
{
    public static void Watch(CancellationTokenSource cancellation)
    {
        var thread = new Thread(() =>
        {
            try
            {
                string? line;
                while ((line = Console.In.ReadLine()) is not null)
                {
                    if (line.Trim().Equals(EngineProtocol.CancelLine, StringComparison.OrdinalIgnoreCase))
                    {
                        cancellation.Cancel();
                        return;
                    }
                }
            }
            catch (ObjectDisposedException)
            {
                // The run finished first.
            }
        })
        {
            IsBackground = true,
            Name = "stdin cancellation",
        };
        thread.Start();
    }
}
