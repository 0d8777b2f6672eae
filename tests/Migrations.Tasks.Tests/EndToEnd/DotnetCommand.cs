using System.Diagnostics;

namespace Migrations.Tasks.Tests.EndToEnd;

/// <summary>Runs the real <c>dotnet</c> CLI as a person or CI would, isolated from the test host's MSBuild environment.</summary>
/// <remarks>It waits as long as the command takes: a fixed limit fails the suite on a loaded machine (a pack of the
/// native engine took over 5 minutes on 2 busy cores), and a command that hangs is a finding the test run's own
/// time limit reports.</remarks>
internal static class DotnetCommand
{
    public static CommandResult Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        RunProgram("dotnet", workingDirectory, environment, arguments);

    /// <summary>Runs another program the same way, e.g. an installed .NET tool's command.</summary>
    public static CommandResult RunProgram(string program, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        using var process = Process.Start(StartInfo(program, workingDirectory, environment, arguments))!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new CommandResult(process.ExitCode, output.Result + error.Result);
    }

    /// <summary>How every command here starts: redirected streams, isolated from the test host's build variables.</summary>
    public static ProcessStartInfo StartInfo(string program, string workingDirectory, IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> arguments)
    {
        var startInfo = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // `dotnet test` runs this host with MSBuild variables of its own; a nested build must not inherit them.
        foreach (var name in startInfo.Environment.Keys.Where(IsInheritedBuildVariable).ToList())
        {
            startInfo.Environment.Remove(name);
        }

        startInfo.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        startInfo.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        // A throwaway PostgreSQL cluster per check, removed when it ends, unless a test asks for the warm one.
        startInfo.Environment["MIGRATIONS_POSTGRES_CLUSTER"] = "temporary";
        foreach (var entry in environment)
        {
            startInfo.Environment[entry.Key] = entry.Value;
        }

        return startInfo;
    }

    private static bool IsInheritedBuildVariable(string name) =>
        name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("TESTINGPLATFORM", StringComparison.OrdinalIgnoreCase)
        || name is "DOTNET_HOST_PATH" or "MIGRATIONS_CONNECTION_STRING" or "NUGET_PACKAGES";
}

/// <summary>The exit code and the combined output of one command.</summary>
internal sealed record CommandResult(int ExitCode, string Output);
