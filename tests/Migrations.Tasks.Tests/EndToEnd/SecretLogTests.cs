namespace Migrations.Tasks.Tests.EndToEnd;

/// <summary>A password planted in the connection string (the recommended variable or the property) appears nowhere a
/// real <c>dotnet build -v:detailed</c> writes: the console log, the error log, the report files; and the engine's
/// command line (what <c>ps</c> shows every user) never carries it.</summary>
[TestClass]
public sealed class SecretLogTests
{
    /// <summary>Mixed case, so a message that lower-cases what it quotes is caught too (the check ignores case).</summary>
    private const string Planted = "PlantedPw7x";

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DataRow("Healthy.Sqlite", "Sqlite", "Host=127.0.0.1;Port=1;Username=ci;Password=" + Planted, true, 0, DisplayName = "healthy, variable")]
    [DataRow("Healthy.Sqlite", "Sqlite", "Host=127.0.0.1;Port=1;Username=ci;Password=" + Planted, false, 0, DisplayName = "healthy, property")]
    [DataRow("Broken.FailingUp", "Sqlite", "Host=127.0.0.1;Port=1;Username=ci;Password=" + Planted, true, 1, DisplayName = "failing up, variable")]
    [DataRow("Healthy.Sqlite", "PostgreSql", "Host=127.0.0.1;Port=1;Username=ci;Password=" + Planted + ";Timeout=2", true, 1, DisplayName = "unreachable server, variable")]
    [DataRow("Healthy.Sqlite", "PostgreSql", "Host=127.0.0.1;Port=1;Username=ci;Password=" + Planted + ";Timeout=2", false, 1, DisplayName = "unreachable server, property")]
    [DataRow("Healthy.Sqlite", "PostgreSql", "Host=127.0.0.1;Username=ci;" + Planted, true, 1, DisplayName = "no Password= key, variable")]
    [DataRow("Healthy.Sqlite", "PostgreSql", "Host=127.0.0.1;Username=ci;Pasword=" + Planted, false, 1, DisplayName = "misspelt Password key, property")]
    public void A_planted_password_is_in_no_detailed_log_and_no_report(string sample, string provider, string connectionString, bool asVariable, int exitCode)
    {
        var copy = SampleCopy.Create(sample, TestContext.TestName! + Guid.NewGuid().ToString("N")[..6]);
        var arguments = new List<string> { "-v:detailed", "-p:MigrationsReportDirectory=reports/", $"-p:MigrationsProvider={provider}" };
        if (asVariable)
        {
            copy.Environment["MIGRATIONS_CONNECTION_STRING"] = connectionString;
        }
        else
        {
            // ';' separates properties on MSBuild's command line; %3B is how a value carries one (README).
            arguments.Add("-p:MigrationsConnectionString=" + connectionString.Replace(";", "%3B", StringComparison.Ordinal));
        }

        var result = copy.Build([.. arguments]);

        Assert.AreEqual(exitCode, result.ExitCode, result.ToString());
        Assert.IsTrue(result.Output.Contains("ValidateMigrations", StringComparison.Ordinal), "The check did not run:\n" + result);
        AssertNotIn(result.Output, "the -v:detailed console log");
        AssertNotIn(string.Join('\n', result.Errors), "the error log");
        var reports = copy.PathOf("reports");
        var files = Directory.Exists(reports) ? Directory.GetFiles(reports, "*", SearchOption.AllDirectories) : [];
        Assert.IsNotEmpty(files, "No report was written, so the reports prove nothing:\n" + result);
        foreach (var file in files.Concat(Directory.GetFiles(copy.PathOf("obj"), "migrations.*", SearchOption.AllDirectories)))
        {
            AssertNotIn(File.ReadAllText(file), file);
        }
    }

    [TestMethod]
    [DataRow(true)]
    [DataRow(false)]
    public void The_engine_command_line_carries_no_connection_string_but_its_environment_does(bool asVariable)
    {
        var copy = SampleCopy.Create("Healthy.Sqlite", TestContext.TestName! + asVariable);
        var record = Path.Combine(copy.Root, "engine-command-line.txt");
        var engine = Path.Combine(copy.Root, "recording-engine");

        // An engine that records what ps would show (its /proc/PID/cmdline) and whether its environment has the string.
        File.WriteAllText(engine, $$"""
            #!/bin/sh
            tr '\0' '\n' < /proc/$$/cmdline > '{{record}}'
            [ "$MIGRATIONS_CONNECTION_STRING" = 'Host=h;Password={{Planted}}' ] && echo "environment: given" >> '{{record}}'
            exit 0
            """.Replace("\r", "", StringComparison.Ordinal));
        if (!OperatingSystem.IsLinux())
        {
            Assert.Inconclusive("The recording engine reads /proc/PID/cmdline: Linux only.");
            return;
        }

        File.SetUnixFileMode(engine, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var arguments = new List<string> { "-v:detailed", $"-p:MigrationsEnginePath={engine}" };
        if (asVariable)
        {
            copy.Environment["MIGRATIONS_CONNECTION_STRING"] = "Host=h;Password=" + Planted;
        }
        else
        {
            arguments.Add("-p:MigrationsConnectionString=Host=h%3BPassword=" + Planted);
        }

        var result = copy.Build([.. arguments]);

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        var commandLine = File.ReadAllText(record);
        StringAssert.Contains(commandLine, "--migrations", "The recording engine did not run as the check's engine.");
        StringAssert.Contains(commandLine, "environment: given", "The engine's environment did not carry the connection string.");
        AssertNotIn(commandLine, "the engine's command line");
        AssertNotIn(result.Output, "the -v:detailed console log");
    }

    /// <summary>Fails when the password is anywhere in <paramref name="text"/> but MSBuild's echo of its own command
    /// line (<c>Command line arguments = …</c>, from -v:detailed on): a property given with -p: is on that command line
    /// for every user to see, which the README says; nothing Migrations.Build writes may repeat it.</summary>
    private static void AssertNotIn(string text, string where)
    {
        var ours = string.Join('\n', text.Split('\n').Where(line => !line.TrimStart().StartsWith("Command line arguments = ", StringComparison.Ordinal)));
        Assert.IsFalse(ours.Contains(Planted, StringComparison.OrdinalIgnoreCase), $"The planted password is in {where}:\n{Excerpt(ours)}");
    }

    private static string Excerpt(string text)
    {
        var at = text.IndexOf(Planted, StringComparison.OrdinalIgnoreCase);
        return text[Math.Max(0, at - 600)..Math.Min(text.Length, at + 200)];
    }
}
