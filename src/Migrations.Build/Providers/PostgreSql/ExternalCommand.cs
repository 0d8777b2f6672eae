using System.Diagnostics;

namespace Migrations.Build.Providers.PostgreSql;

/// <summary>The outcome of an external program: exit code and captured output.</summary>
internal sealed record CommandResult(int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>stderr, or stdout when stderr is empty, trimmed for a diagnostic.</summary>
    public string Output => (string.IsNullOrWhiteSpace(StandardError) ? StandardOutput : StandardError).Trim();
}

/// <summary>Runs a server tool (initdb, pg_ctl, chown, …) with an argument list (no shell, no quoting bugs).</summary>
internal static class ExternalCommand
{
    public static async Task<CommandResult> RunAsync(
        string fileName, IEnumerable<string> arguments, string? workingDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var startInfo = StartInfo(fileName, arguments, workingDirectory);
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);

            // Briefly, so that what it wrote is closed before the caller deletes it (never long: a cancel must be prompt).
            process.WaitForExit(TimeSpan.FromMilliseconds(500));
            cancellationToken.ThrowIfCancellationRequested();
            return new CommandResult(-1, string.Empty, $"{Path.GetFileName(fileName)} did not finish within {timeout.TotalSeconds:0} s.");
        }

        return new CommandResult(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }

    /// <summary>Starts a command and returns at once, its output discarded: for an engine that is about to exit and
    /// must not wait (a server told to stop). One that cannot be started is left to the caller's fallback.</summary>
    public static void StartAndForget(string fileName, IEnumerable<string> arguments)
    {
        try
        {
            using var process = Process.Start(StartInfo(fileName, arguments, workingDirectory: null));
            process?.StandardInput.Close();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Not started: the next check's sweep stops what this was for.
        }
    }

    /// <summary>How every tool is started: streams redirected, the server's environment variables out of its way.</summary>
    private static ProcessStartInfo StartInfo(string fileName, IEnumerable<string> arguments, string? workingDirectory)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        if (workingDirectory is not null)
        {
            // An unprivileged user may not be allowed into the caller's current directory (e.g. /root),
            // and initdb refuses to run when it cannot resolve its working directory.
            startInfo.WorkingDirectory = workingDirectory;
        }

        // The server reads these when set; our explicit options must win.
        startInfo.Environment.Remove("PGDATA");
        startInfo.Environment.Remove("PGPORT");
        startInfo.Environment.Remove("PGHOST");
        startInfo.Environment["LC_ALL"] = "C";

        return startInfo;
    }

    /// <summary>True when <paramref name="fileName"/> runs and exits with 0 (used to probe tools such as <c>id</c>).</summary>
    public static async Task<bool> SucceedsAsync(string fileName, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        try
        {
            var result = await RunAsync(fileName, arguments, null, TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
            return result.Succeeded;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
