using System.Diagnostics;
using Migrations.Build.Diagnostics;

namespace Migrations.Build.Tool;

/// <summary>Reads a project's settings by asking MSBuild to evaluate it (<c>dotnet msbuild PROJ -getProperty:…
/// -getItem:…</c>), as <c>dotnet ef</c> does: conditions, imports, Directory.Build.props and the package's own
/// defaults all apply, and nothing is built.</summary>
internal static class ProjectSettingsReader
{
    public static async Task<ProjectSettings> ReadAsync(string projectFile, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(projectFile)!,
        };
        foreach (var argument in Arguments(projectFile))
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)
            ?? throw new ToolProblem(new Diagnostic(DiagnosticCodes.ProjectSettingsUnreadable, $"dotnet msbuild could not be started to read '{projectFile}'."));
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var text = await output;
        if (process.ExitCode != 0)
        {
            // MSBuild's own errors (MSB…) say what is wrong with the project; its output holds no secret, since only
            // an evaluation failed (a property's value is printed only on success, and then not here).
            var reason = string.Join(" ", (text + "\n" + await error).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
            throw new ToolProblem(new Diagnostic(
                DiagnosticCodes.ProjectSettingsUnreadable,
                $"MSBuild could not read the settings of '{projectFile}' (exit code {process.ExitCode}): {reason}",
                new SourceLocation(projectFile)));
        }

        try
        {
            return ProjectSettings.FromMsBuildJson(projectFile, text);
        }
        catch (System.Text.Json.JsonException failure)
        {
            throw new ToolProblem(new Diagnostic(DiagnosticCodes.ProjectSettingsUnreadable, $"MSBuild's answer about '{projectFile}' is not the JSON expected: {failure.Message}", new SourceLocation(projectFile)));
        }
    }

    /// <summary>The MSBuild command line: evaluation only, every property and item the tool needs.</summary>
    public static IReadOnlyList<string> Arguments(string projectFile) =>
    [
        "msbuild", projectFile, "-nologo",
        .. ProjectSettings.Properties.Select(p => $"-getProperty:{p}"),
        .. ProjectSettings.Items.Select(i => $"-getItem:{i}"),
    ];

    /// <summary>The dotnet host that runs this tool (<c>dotnet migrations</c>, or DOTNET_HOST_PATH as the CLI sets it),
    /// else the one on PATH.</summary>
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        if (Environment.ProcessPath is { } current && Path.GetFileNameWithoutExtension(current) == "dotnet")
        {
            return current;
        }

        return Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } root && File.Exists(Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet"))
            ? Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet")
            : "dotnet";
    }
}
