using System.Text.RegularExpressions;

namespace Migrations.Tasks.Tests.Targets;

/// <summary>The targets and the task of this repository, as <c>dotnet build</c> runs them, without a package: what the
/// build prints for each kind of engine line, and for engines that are missing, not executable or misbehave.</summary>
[TestClass]
public sealed partial class SourceTargetsTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void Healthy_history_passes_and_prints_the_summary_and_progress_lines()
    {
        var project = SourceTargetsProject.FromSample("Healthy.Sqlite", TestContext.TestName!, "<PropertyGroup><MigrationsProgressInterval>0</MigrationsProgressInterval></PropertyGroup>");

        var result = project.Build();

        Assert.AreEqual(0, result.ExitCode, result.Output);
        Assert.MatchesRegex(SummaryLine(), result.Output);
        Assert.Contains("Migrations: migration 3/3: applying 0003_", result.Output);
        Assert.IsTrue(File.Exists(project.PathOf("obj/Debug/net10.0/migrations/migrations.sarif")), "the reports are written to $(IntermediateOutputPath)migrations/");
    }

    [TestMethod]
    public void Broken_down_fails_the_build_with_the_engine_s_error_at_the_file()
    {
        var project = SourceTargetsProject.FromSample("Broken.MisnamedIndexDown", TestContext.TestName!);

        var result = project.Build();

        Assert.AreEqual(1, result.ExitCode, result.Output);
        var down = project.PathOf("Migrations/0002_add_index.down.sql");
        Assert.Contains($"{down}(1,1): error MIG4002: The down of 0002_add_index leaves index ix_users_email on users behind: it did not exist before the up. [{project.ProjectFile}]", result.Output);
    }

    [TestMethod]
    public void Warning_and_information_lines_are_logged_as_a_warning_and_a_message()
    {
        // No down for the newest migration: MIG1003 (a warning) and its downgrade reported as not proven.
        var project = SourceTargetsProject.FromSample("Healthy.Sqlite", TestContext.TestName!);
        var down = Directory.GetFiles(project.PathOf("Migrations"), "0003_*.down.sql").Single();
        File.Delete(down);

        var result = project.Build("-v:n");

        Assert.AreEqual(0, result.ExitCode, result.Output);
        Assert.MatchesRegex(new Regex(@"0003_[a-z_]+\.up\.sql\(1,1\): warning MIG1003: "), result.Output);
    }

    [TestMethod]
    public void Require_downgrade_turns_a_missing_down_into_an_error()
    {
        var project = SourceTargetsProject.FromSample("Healthy.Sqlite", TestContext.TestName!, "<PropertyGroup><MigrationsRequireDowngrade>true</MigrationsRequireDowngrade></PropertyGroup>");
        File.Delete(Directory.GetFiles(project.PathOf("Migrations"), "0003_*.down.sql").Single());

        var result = project.Build();

        Assert.AreEqual(1, result.ExitCode, result.Output);
        Assert.MatchesRegex(new Regex(@"0003_[a-z_]+\.up\.sql\(1,1\): error MIG1003: "), result.Output);
    }

    [TestMethod]
    [DataRow("", 1)]
    [DataRow("<ItemGroup><MigrationsPendingTable Include=\"audit_log\" /></ItemGroup>", 0)]
    [DataRow("<ItemGroup><MigrationsIgnore Include=\"audit_%2A\" /></ItemGroup>", 0)]
    public void Pending_and_ignored_items_reach_the_engine(string items, int exitCode)
    {
        var project = SourceTargetsProject.FromSample("Broken.TableWithoutMigration", TestContext.TestName! + exitCode + items.Length, items);

        var result = project.Build();

        Assert.AreEqual(exitCode, result.ExitCode, result.Output);
        Assert.AreEqual(exitCode == 1, result.Output.Contains("error MIG3006: Table audit_log is in the model, but no migration creates it.", StringComparison.Ordinal), result.Output);
    }

    [TestMethod]
    public void Sqlite_foreign_keys_false_reaches_the_engine()
    {
        // A rebuild of a referenced table, as a project that migrates with foreign keys off writes it.
        var project = SourceTargetsProject.FromSample("Healthy.Sqlite", TestContext.TestName!);
        File.WriteAllText(project.PathOf("Migrations/0004_family.up.sql"), "CREATE TABLE parents (id INTEGER PRIMARY KEY);\nCREATE TABLE children (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parents (id));\nINSERT INTO parents (id) VALUES (1);\nINSERT INTO children (id, parent_id) VALUES (1, 1);\n");
        File.WriteAllText(project.PathOf("Migrations/0004_family.down.sql"), "DROP TABLE children;\nDROP TABLE parents;\n");
        File.WriteAllText(project.PathOf("Migrations/0005_rebuild.up.sql"), "CREATE TABLE parents_new (id INTEGER PRIMARY KEY, name TEXT);\nINSERT INTO parents_new (id) SELECT id FROM parents;\nDROP TABLE parents;\nALTER TABLE parents_new RENAME TO parents;\n");
        File.WriteAllText(project.PathOf("Migrations/0005_rebuild.down.sql"), "CREATE TABLE parents_old (id INTEGER PRIMARY KEY);\nINSERT INTO parents_old (id) SELECT id FROM parents;\nDROP TABLE parents;\nALTER TABLE parents_old RENAME TO parents;\n");

        var on = project.Build("-p:MigrationsModel=");
        var off = project.Build("-p:MigrationsModel=", "-p:MigrationsSqliteForeignKeys=false");

        Assert.AreEqual(1, on.ExitCode, on.Output);
        Assert.Contains("0005_rebuild.up.sql(3,1): error MIG2001", on.Output);
        Assert.AreEqual(0, off.ExitCode, off.Output);
        Assert.Contains("Migrations: 5 migrations on SQLite — upgrade ok, drift not checked (no model), downgrades 5/5 proven", off.Output);
    }

    [TestMethod]
    public void Several_setup_scripts_reach_the_engine_in_their_order()
    {
        var project = SourceTargetsProject.FromSample("Healthy.Sqlite", TestContext.TestName!);
        File.WriteAllText(project.PathOf("Migrations/0004_audit.up.sql"), "INSERT INTO schema_versions (version) VALUES (4);\nCREATE TABLE audit (id INTEGER PRIMARY KEY);\n");
        File.WriteAllText(project.PathOf("Migrations/0004_audit.down.sql"), "DELETE FROM schema_versions WHERE version = 4;\nDROP TABLE audit;\n");
        File.WriteAllText(project.PathOf("bookkeeping.sql"), "CREATE TABLE schema_versions (version INTEGER PRIMARY KEY);\n");
        File.WriteAllText(project.PathOf("seed.sql"), "INSERT INTO schema_versions (version) VALUES (1), (2), (3);\n");

        var inOrder = project.Build("-p:MigrationsModel=", "-p:MigrationsSetupScript=bookkeeping.sql%3Bseed.sql");
        var reversed = project.Build("-p:MigrationsModel=", "-p:MigrationsSetupScript=seed.sql%3Bbookkeeping.sql");

        Assert.AreEqual(0, inOrder.ExitCode, inOrder.Output);
        Assert.Contains("Migrations: 4 migrations on SQLite", inOrder.Output);
        Assert.AreEqual(1, reversed.ExitCode, reversed.Output);
        Assert.Contains($"{project.PathOf("seed.sql")}(1,1): error MIG0051", reversed.Output); // SQLite names no offset for an INSERT into a missing table
    }

    [TestMethod]
    public void Engine_without_the_execute_permission_is_made_executable_and_run()
    {
        // NuGet extracts the native engine without its execute permission: the task grants it, then runs it.
        var project = SourceTargetsProject.FromSample("Healthy.Sqlite", TestContext.TestName!);
        var engine = project.PathOf("engine-without-permission.sh");
        File.WriteAllText(engine, """
            #!/bin/sh
            echo '{"type":"diagnostic","severity":"info","code":"MIG3008","message":"said by the test engine","file":"a.sql","line":2,"column":3}'
            echo '{"type":"summary","message":"Migrations: ran by the test engine"}'
            """ + "\n");
        if (OperatingSystem.IsWindows())
        {
            Assert.Inconclusive("Execute permissions are a Unix matter; this test runs on Linux and macOS.");
            return;
        }

        Assert.AreEqual(UnixFileMode.None, File.GetUnixFileMode(engine) & UnixFileMode.UserExecute);

        var result = project.Build($"-p:MigrationsEnginePath={engine}", "-v:n");

        Assert.AreEqual(0, result.ExitCode, result.Output);
        Assert.Contains("a.sql(2,3): info MIG3008: said by the test engine", result.Output);
        Assert.AreNotEqual(UnixFileMode.None, File.GetUnixFileMode(engine) & UnixFileMode.UserExecute);
        Assert.Contains("Migrations: ran by the test engine", result.Output);
    }

    [TestMethod]
    public void The_connection_string_reaches_the_engine_and_an_unreachable_server_is_MIG0005_without_its_password()
    {
        var project = SourceTargetsProject.FromSample("Healthy.Sqlite", TestContext.TestName!);

        var result = project.Build("-p:MigrationsProvider=PostgreSql", "-p:MigrationsConnectionString=Host=127.0.0.1%3BPort=1%3BUsername=ci%3BPassword=planted-secret%3BTimeout=3");

        Assert.AreEqual(1, result.ExitCode, result.Output);
        Assert.Contains("error MIG0005: Cannot connect to the PostgreSQL server at 127.0.0.1:1 as ci", result.Output);
        Assert.DoesNotContain("planted-secret", result.Output);
    }

    [TestMethod]
    public void An_EF_Core_project_s_settings_and_design_time_variables_reach_the_engine()
    {
        var project = SourceTargetsProject.FromSample("Healthy.Sqlite", TestContext.TestName!, """
            <PropertyGroup><MigrationsSource>EfCore</MigrationsSource><MigrationsEfContext>ShopContext</MigrationsEfContext></PropertyGroup>
            <ItemGroup><MigrationsEfEnvironment Include="GREETING=hello from the build" /></ItemGroup>
            """);
        var engine = project.PathOf("echo-engine.sh");
        File.WriteAllText(engine, "#!/bin/sh\necho \"{\\\"type\\\":\\\"summary\\\",\\\"message\\\":\\\"Migrations: $GREETING; $*\\\"}\"\n");
        MakeExecutable(engine);

        var result = project.Build($"-p:MigrationsEnginePath={engine}");

        Assert.AreEqual(0, result.ExitCode, result.Output);
        Assert.Contains("Migrations: hello from the build; check --migrations", result.Output);
        Assert.Contains("--source efcore --ef-assembly", result.Output);
        Assert.Contains("--ef-context ShopContext", result.Output);
    }

    [TestMethod]
    public void Missing_engine_is_MIG9002_naming_the_path_and_what_to_do()
    {
        var project = SourceTargetsProject.FromSample("Healthy.Sqlite", TestContext.TestName!);
        var missing = project.PathOf("no-engine/Migrations.Build.dll");

        var result = project.Build($"-p:MigrationsEnginePath={missing}");

        Assert.AreEqual(1, result.ExitCode, result.Output);
        Assert.Contains($"error MIG9002: The validation engine was not found at '{missing}'. The Migrations.Build package is incomplete: clear it from the NuGet cache and restore again.", result.Output);
    }

    [TestMethod]
    public void Engine_that_stops_without_a_diagnostic_is_MIG9002_with_its_last_output()
    {
        var project = SourceTargetsProject.FromSample("Healthy.Sqlite", TestContext.TestName!);
        var engine = project.PathOf("fake-engine.sh");
        // Twelve lines on standard error: the message keeps the last ten.
        File.WriteAllText(engine, "#!/bin/sh\nfor i in 1 2 3 4 5 6 7 8 9 10 11; do echo \"noise $i\" >&2; done\necho 'something went wrong' >&2\nexit 42\n");
        MakeExecutable(engine);

        var result = project.Build($"-p:MigrationsEnginePath={engine}");

        Assert.AreEqual(1, result.ExitCode, result.Output);
        Assert.Contains("error MIG9002: The validation engine stopped unexpectedly with exit code 42. Last output: noise 3 | noise 4 |", result.Output);
        Assert.Contains("| noise 11 | something went wrong", result.Output);
    }

    [TestMethod]
    public void Engine_that_cannot_be_started_is_MIG9002_saying_how_to_run_the_portable_one()
    {
        var project = SourceTargetsProject.FromSample("Healthy.Sqlite", TestContext.TestName!);
        var engine = project.PathOf("not-a-program");
        File.WriteAllBytes(engine, [0x00, 0x01, 0x02]);
        MakeExecutable(engine);

        var result = project.Build($"-p:MigrationsEnginePath={engine}");

        Assert.AreEqual(1, result.ExitCode, result.Output);
        Assert.Contains($"error MIG9002: Could not start the validation engine '{engine}'", result.Output);
        Assert.Contains("Set MigrationsEnginePath to the package's tools/net8.0/Migrations.Build.dll to run the portable engine instead.", result.Output);
    }

    [TestMethod]
    public void Ctrl_C_during_a_long_migration_cancels_the_build_and_stops_the_engine()
    {
        var project = SourceTargetsProject.FromSample("Healthy.Sqlite", TestContext.TestName!, "<PropertyGroup><MigrationsProgressInterval>0</MigrationsProgressInterval></PropertyGroup>");
        // Long by construction, not by timing: counting to ten billion takes SQLite minutes.
        File.WriteAllText(project.PathOf("Migrations/0004_count.up.sql"), "CREATE TABLE counted AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 10000000000) SELECT count(*) AS n FROM c;\n");
        File.WriteAllText(project.PathOf("Migrations/0004_count.down.sql"), "DROP TABLE counted;\n");
        if (OperatingSystem.IsWindows())
        {
            Assert.Inconclusive("This test sends SIGINT (Ctrl+C) to dotnet build; it runs on Linux and macOS.");
            return;
        }

        using var build = project.StartBuild();
        build.WaitForOutput("applying 0004_count");
        var sent = System.Diagnostics.Stopwatch.StartNew();
        build.Interrupt();
        var result = build.WaitForExit();
        TestContext.WriteLine($"Ctrl+C to the end of dotnet build: {sent.Elapsed.TotalSeconds:F1} s");

        // The engine must not outlive the build (it would hold the scratch databases); far longer than the 2 s a cancel
        // may take is a finding, not a slow machine.
        while (EngineProcessesOf(project.Directory).Any() && sent.Elapsed < TimeSpan.FromSeconds(30))
        {
            Thread.Sleep(100);
        }

        TestContext.WriteLine($"Ctrl+C to the engine's end: {sent.Elapsed.TotalSeconds:F1} s");
        Assert.IsEmpty(EngineProcessesOf(project.Directory), "the engine still runs after the build was cancelled");
        Assert.AreNotEqual(0, result.ExitCode, result.Output);
        Assert.Contains("Attempting to cancel the build", result.Output);
        Assert.DoesNotContain("MIG9002", result.Output, "a cancel is not an engine crash");
        Assert.DoesNotContain("Migrations: 4 migrations", result.Output, "the check did not run to its end");
    }

    /// <summary>The processes whose command line names <paramref name="directory"/> (Linux: read from /proc).</summary>
    private static IEnumerable<int> EngineProcessesOf(string directory)
    {
        foreach (var process in Directory.EnumerateDirectories("/proc"))
        {
            string commandLine;
            try
            {
                commandLine = File.ReadAllText(Path.Combine(process, "cmdline")).Replace('\0', ' ');
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            if (commandLine.Contains("Migrations.Build", StringComparison.Ordinal) && commandLine.Contains(directory, StringComparison.Ordinal)
                && int.TryParse(Path.GetFileName(process), out var id))
            {
                yield return id;
            }
        }
    }

    /// <summary>The engines these tests stand in are Unix programs; on Windows the test says so instead of passing.</summary>
    private static void MakeExecutable(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Inconclusive("This test starts a Unix program as the engine; it runs on Linux and macOS.");
        }
        else
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [GeneratedRegex(@"Migrations: 3 migrations on SQLite — upgrade ok, drift 0, downgrades 3/3 proven \(\d+\.\d\d s\)")]
    private static partial Regex SummaryLine();
}
