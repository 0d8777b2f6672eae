using System.Diagnostics;
using System.Text.Json;
using Migrations.Build.Diagnostics;
using Migrations.EfBridge.Export;

namespace Migrations.Build.Migrations.EfCore;

/// <summary>Runs the EF bridge in the app's own dependency context, as <c>dotnet ef</c> runs ef.dll:
/// <c>dotnet exec --depsfile App.deps.json --runtimeconfig App.runtimeconfig.json --roll-forward Major
/// Migrations.EfBridge.dll …</c> in the project folder, and reads its export. A design-time failure comes back as the
/// diagnostic that says what to add or set, never as an exception.</summary>
public static class EfBridgeRun
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>The export, or the diagnostic that stopped it (located at the project file).</summary>
    public static (BridgeExport? Export, Diagnostic? Problem) Read(EfCoreProject project, CancellationToken cancellationToken)
    {
        var at = new SourceLocation(project.ProjectFile ?? project.ProjectDirectory);
        if (!File.Exists(project.Assembly))
        {
            return (null, new Diagnostic(DiagnosticCodes.EfProjectUnsupported, $"The project's assembly '{project.Assembly}' does not exist: build the project first.", at));
        }

        var stem = Path.Combine(Path.GetDirectoryName(project.Assembly)!, Path.GetFileNameWithoutExtension(project.Assembly));
        var runtimeConfig = stem + ".runtimeconfig.json";
        var deps = stem + ".deps.json";
        if (!File.Exists(runtimeConfig) || !File.Exists(deps))
        {
            return (null, new Diagnostic(
                DiagnosticCodes.EfProjectUnsupported,
                $"{project.Assembly} has no {Path.GetFileName(runtimeConfig)} and {Path.GetFileName(deps)} beside it: the EF Core migrations of a .NET Framework or netstandard project cannot be read. Check them from a .NET 8 (or later) project, or set GenerateRuntimeConfigurationFiles to true in a library.",
                at));
        }

        var bridge = project.ResolvedBridgePath();
        if (!File.Exists(bridge))
        {
            return (null, new Diagnostic(DiagnosticCodes.EfBridgeFailed, $"The EF bridge was not found at '{bridge}'. The Migrations.Build package is incomplete: clear it from the NuGet cache and restore again.", at));
        }

        var output = Path.Combine(Path.GetTempPath(), $"migrations-efbridge-{Guid.NewGuid():N}.json");
        try
        {
            var (exitCode, errorOutput) = Run(Arguments(project, deps, runtimeConfig, bridge, output), project.ProjectDirectory, cancellationToken);
            if (!File.Exists(output))
            {
                var detail = errorOutput.Count == 0 ? "" : ": " + string.Join(" | ", errorOutput.TakeLast(5));
                return (null, new Diagnostic(DiagnosticCodes.EfBridgeFailed, $"The EF bridge stopped with exit code {exitCode} and no answer{detail}", at));
            }

            var export = JsonSerializer.Deserialize(File.ReadAllText(output), BridgeJsonContext.Default.BridgeExport);
            if (export is null)
            {
                return (null, new Diagnostic(DiagnosticCodes.EfBridgeFailed, "The EF bridge's answer is empty.", at));
            }

            return export.Failure is { } failure ? (export, EfBridgeFailures.ToDiagnostic(failure, at)) : (export, null);
        }
        catch (JsonException e)
        {
            return (null, new Diagnostic(DiagnosticCodes.EfBridgeFailed, $"The EF bridge's answer cannot be read: {e.Message}", at));
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (null, new Diagnostic(DiagnosticCodes.EfBridgeFailed, $"Could not start '{DotnetHost()}' to run the EF bridge: {e.Message}. Make sure the .NET runtime is installed, or set DOTNET_HOST_PATH to the dotnet executable.", at));
        }
        finally
        {
            File.Delete(output);
        }
    }

    private static List<string> Arguments(EfCoreProject project, string deps, string runtimeConfig, string bridge, string output)
    {
        // Roll forward to the newest runtime on the machine: a net8.0 app starts where only a later runtime is installed.
        var arguments = new List<string> { "exec", "--depsfile", deps, "--runtimeconfig", runtimeConfig, "--roll-forward", "Major" };
        if (project.PackageFolder is { Length: > 0 } packages && Directory.Exists(packages))
        {
            arguments.AddRange(["--additionalprobingpath", packages]);
        }

        arguments.AddRange([bridge, "--assembly", project.Assembly, "--output", output, "--project-dir", project.ProjectDirectory]);
        if (project.ProjectFile is { Length: > 0 } file)
        {
            arguments.AddRange(["--project", file]);
        }

        foreach (var context in project.Contexts)
        {
            arguments.AddRange(["--context", context]);
        }

        return arguments;
    }

    private static (int ExitCode, List<string> ErrorOutput) Run(List<string> arguments, string workingDirectory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The app's Main may run (EF builds its host); a console app's first-run banner or colours have no place here.
        start.Environment["DOTNET_NOLOGO"] = "1";
        var errorOutput = new List<string>();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                lock (errorOutput)
                {
                    errorOutput.Add(line);
                }
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using (cancellationToken.Register(() => Kill(process)))
        {
            if (!process.WaitForExit(Timeout))
            {
                Kill(process);
            }

            process.WaitForExit();
        }

        cancellationToken.ThrowIfCancellationRequested();
        return (process.ExitCode, errorOutput);
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It has already exited.
        }
    }

    /// <summary>The dotnet host that runs the build (MSBuild sets DOTNET_HOST_PATH), else <c>dotnet</c> on PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
