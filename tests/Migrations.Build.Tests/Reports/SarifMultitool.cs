using System.Diagnostics;
using System.Text.Json;
using Migrations.Build.Tests.Unit.Reports;

namespace Migrations.Build.Tests.Reports;

/// <summary>The SARIF multitool (npm <c>@microsoft/sarif-multitool</c>, locked in scripts/test-tools/) validating a
/// log with GitHub code scanning's rules (<c>--rule-kind "Sarif;Ghas"</c>).</summary>
/// <remarks>Installed by scripts/install-test-tools.sh (scripts/test.sh runs it); a test run that finds it missing
/// runs that script once itself. When it cannot be installed the test fails with the script's output: validation
/// is what these tests are for, so it is never skipped.</remarks>
internal static class SarifMultitool
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    private static readonly Lazy<string> Executable = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Validates <paramref name="sarifPath"/>; returns the problems found (error and warning results, as
    /// <c>RULE: message</c>), empty when the log passes.</summary>
    public static IReadOnlyList<string> Validate(string sarifPath)
    {
        var output = Path.Combine(Path.GetTempPath(), $"sarif-validation-{Guid.NewGuid():N}.sarif");
        try
        {
            var (exitCode, text) = Run(Executable.Value, ["validate", "--rule-kind", "Sarif;Ghas", "--output", output, sarifPath]);
            Assert.AreEqual(0, exitCode, $"The SARIF multitool failed on {sarifPath}:\n{text}");
            Assert.IsTrue(File.Exists(output), $"The SARIF multitool wrote no validation log:\n{text}");

            using var log = JsonDocument.Parse(File.ReadAllText(output));
            var run = log.RootElement.GetProperty("runs")[0];
            var invocation = run.GetProperty("invocations")[0];
            Assert.IsTrue(invocation.GetProperty("executionSuccessful").GetBoolean(), $"The SARIF multitool did not finish the validation:\n{text}");
            var rules = run.GetProperty("tool").GetProperty("driver").TryGetProperty("rules", out var driverRules) ? driverRules : default;
            var problems = new List<string>();
            if (run.TryGetProperty("results", out var results))
            {
                foreach (var result in results.EnumerateArray())
                {
                    var level = result.TryGetProperty("level", out var l) ? l.GetString() : "warning";
                    if (level is "error" or "warning")
                    {
                        problems.Add($"{level} {result.GetProperty("ruleId").GetString()}: {MessageOf(result, rules)}");
                    }
                }
            }

            return problems;
        }
        finally
        {
            File.Delete(output);
        }
    }

    /// <summary>Asserts that the log passes, listing every problem otherwise.</summary>
    public static void AssertValid(string sarifPath)
    {
        var problems = Validate(sarifPath);
        Assert.IsEmpty(problems, $"{sarifPath} fails the SARIF multitool's Sarif and Ghas rules:\n{string.Join('\n', problems)}\n\n{File.ReadAllText(sarifPath)}");
    }

    /// <summary>The validation message: its text, or its rule's message template filled with its arguments.</summary>
    private static string MessageOf(JsonElement result, JsonElement rules)
    {
        var message = result.GetProperty("message");
        if (message.TryGetProperty("text", out var text))
        {
            return text.GetString() ?? "";
        }

        var arguments = message.TryGetProperty("arguments", out var a) ? a.EnumerateArray().Select(x => x.GetString() ?? "").ToArray() : [];
        var id = message.TryGetProperty("id", out var i) ? i.GetString() : null;
        if (rules.ValueKind == JsonValueKind.Array && id is not null)
        {
            foreach (var rule in rules.EnumerateArray())
            {
                if (rule.GetProperty("id").GetString() == result.GetProperty("ruleId").GetString()
                    && rule.TryGetProperty("messageStrings", out var strings) && strings.TryGetProperty(id, out var template))
                {
                    var format = template.GetProperty("text").GetString() ?? "";
                    for (var n = 0; n < arguments.Length; n++)
                    {
                        format = format.Replace("{" + n + "}", arguments[n], StringComparison.Ordinal);
                    }

                    return format;
                }
            }
        }

        return $"{id} ({string.Join(", ", arguments)})";
    }

    private static string Install()
    {
        var root = RepositoryRoot.Find();
        var executable = Path.Combine(root, "scripts", "test-tools", "node_modules", "@microsoft", PlatformPackage(), OperatingSystem.IsWindows() ? "Sarif.Multitool.exe" : "Sarif.Multitool");
        if (File.Exists(executable))
        {
            return executable;
        }

        var (exitCode, text) = Run("bash", [Path.Combine(root, "scripts", "install-test-tools.sh")]);
        Assert.AreEqual(0, exitCode, $"The SARIF multitool is not installed and scripts/install-test-tools.sh failed:\n{text}");
        Assert.IsTrue(File.Exists(executable), $"scripts/install-test-tools.sh did not install {executable}:\n{text}");
        return executable;
    }

    private static string PlatformPackage() =>
        OperatingSystem.IsWindows() ? "sarif-multitool-win32" : OperatingSystem.IsMacOS() ? "sarif-multitool-darwin" : "sarif-multitool-linux";

    private static (int ExitCode, string Output) Run(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The multitool is a .NET program: no telemetry, no first-run text in its output.
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} did not finish within {Timeout.TotalMinutes} minutes.");
        }

        return (process.ExitCode, standardOutput.Result + standardError.Result);
    }
}
