using System.Diagnostics;
using System.Text;

namespace Migrations.Build.Tests.Cli;

/// <summary>Runs the real engine (<c>dotnet Migrations.Build.dll</c>, built next to the test assembly because the test
/// project references the engine project) with redirected standard streams and a timeout.</summary>
internal static class EngineProcess
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public static string EnginePath => Path.Combine(AppContext.BaseDirectory, "Migrations.Build.dll");

    /// <summary>Runs to the end; standard input is left open (as the MSBuild task does) and closed at exit.</summary>
    public static async Task<EngineRun> RunAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null, string? workingDirectory = null)
    {
        await using var session = Start(arguments, environment, workingDirectory: workingDirectory);
        return await session.WaitForExitAsync(timeout ?? DefaultTimeout);
    }

    public static Task<EngineRun> RunAsync(params string[] arguments) => RunAsync(arguments, null, null);

    /// <summary>Runs to the end without privileges, so that file permissions apply: as this user, or, when the tests run
    /// as root (who may read every file), as root without its capabilities (through <c>setpriv</c>).</summary>
    public static async Task<EngineRun> RunUnprivilegedAsync(params string[] arguments) => await RunUnprivilegedAsync(arguments, null);

    /// <inheritdoc cref="RunUnprivilegedAsync(string[])"/>
    public static async Task<EngineRun> RunUnprivilegedAsync(IEnumerable<string> arguments, string? workingDirectory)
    {
        if (Environment.UserName != "root")
        {
            return await RunAsync(arguments, workingDirectory: workingDirectory);
        }

        if (!File.Exists("/usr/bin/setpriv"))
        {
            TestPreconditions.CannotRun("Permission tests", "they run as root, and setpriv (util-linux) is not there to drop its capabilities");
        }

        // Root without its capabilities, not another user: file permissions apply to it as to any owner, and the
        // engine can still write what root's own files need (the test run's coverage counters, when it collects them).
        string[] withoutCapabilities = ["--bounding-set=-all", "--inh-caps=-all", "--ambient-caps=-all", "--", DotnetHost()];
        await using var session = Start(arguments, new Dictionary<string, string?>(), ("/usr/bin/setpriv", withoutCapabilities), workingDirectory);
        return await session.WaitForExitAsync(DefaultTimeout);
    }

    /// <summary>Starts the engine and returns at once; the caller reads its lines as they come and may write to its stdin.</summary>
    /// <param name="wrapper">A program that runs the dotnet host (its arguments end with the host).</param>
    /// <param name="workingDirectory">The folder relative paths in <paramref name="arguments"/> are from.</param>
    public static EngineSession Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, (string Program, string[] Arguments)? wrapper = null, string? workingDirectory = null)
    {
        Assert.IsTrue(File.Exists(EnginePath), $"The engine was not built next to the tests: {EnginePath}");
        var startInfo = new ProcessStartInfo(wrapper?.Program ?? DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
            CreateNoWindow = true,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in wrapper?.Arguments ?? [])
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.ArgumentList.Add(EnginePath);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // A developer's own setting must not change what a test sees.
        startInfo.Environment.Remove("MIGRATIONS_CONNECTION_STRING");

        // A CI job's own step summary (GitHub Actions) is not a test's to append to; a test sets it where it needs one.
        startInfo.Environment.Remove("GITHUB_STEP_SUMMARY");
        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            startInfo.Environment[name] = value;
        }

        return new EngineSession(Process.Start(startInfo) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    /// <summary>The host that runs this test, when it is <c>dotnet</c>; otherwise the SDK's or the one on PATH.</summary>
    private static string DotnetHost()
    {
        if (Environment.ProcessPath is { } current && Path.GetFileNameWithoutExtension(current) == "dotnet")
        {
            return current;
        }

        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
    }
}
