namespace Migrations.Build.Cli;

/// <summary>Ends the engine soon after a cancel, whatever it is waiting on. A cancel asks every pending call to stop, and
/// nearly all do at once; but a call to the server can hang in the network or the driver (seen: Npgsql's synchronous
/// cancel request, up to its 15 s connect timeout, on a loaded machine), and Ctrl+C must end the engine within 2 s.
/// What a cut-short cleanup leaves carries its owner in its name (a scratch database, a temporary cluster), so the next
/// check on any project drops it at once.</summary>
internal static class CancelDeadline
{
    /// <summary>From the cancel to the exit at the latest: the drops get 1.5 s of it (<c>PostgreSqlProvider</c>).</summary>
    public static readonly TimeSpan AfterCancel = TimeSpan.FromSeconds(1.8);

    /// <summary>Once <paramref name="cancelled"/> fires, waits for <paramref name="run"/> up to <see cref="AfterCancel"/>;
    /// if it has not ended by then, says so through <paramref name="say"/> and exits with the cancel's exit code.</summary>
    /// <remarks>A thread of its own that waits on the token's handle, not a callback of the token: the token runs its
    /// callbacks one after the other, the newest first, so a driver's blocking callback would hold this one back.</remarks>
    public static void Arm(CancellationToken cancelled, Task run, Action<string> say)
    {
        var ended = ((IAsyncResult)run).AsyncWaitHandle;
        var thread = new Thread(() =>
        {
            if (WaitHandle.WaitAny([cancelled.WaitHandle, ended]) != 0 || ended.WaitOne(AfterCancel))
            {
                return;
            }

            say($"cancelled; stopped after {AfterCancel.TotalSeconds:0.#} s without waiting for the server any longer (the next check drops what is left)");
            Console.Out.Flush();
            Console.Error.Flush();
            Providers.PostgreSql.TemporaryCluster.AbandonAll();
            ExitNow(EngineProtocol.ExitCodes.Cancelled);
        })
        {
            IsBackground = true,
            Name = "cancel deadline",
        };
        thread.Start();
    }

    /// <summary>Exits without the process-exit handlers, which may wait on the very server call that hangs (a temporary
    /// cluster's handler stops it and clears the connection pools: measured 15 s under load); elsewhere than on Unix,
    /// the runtime's exit.</summary>
    private static void ExitNow(int code)
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            _exit(code);
        }

        Environment.Exit(code);
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "_exit")]
    private static extern void _exit(int status);
}
