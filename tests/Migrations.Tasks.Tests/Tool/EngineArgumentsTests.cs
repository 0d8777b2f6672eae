using Migrations.Build.Tool;

namespace Migrations.Tasks.Tests.Tool;

/// <summary>The engine's command line made from a request and the project's settings: what the MSBuild task would
/// give it, and never the connection string.</summary>
[TestClass]
public sealed class EngineArgumentsTests
{
    private static readonly ProjectSettings Settings = new("/src/app/App.csproj")
    {
        MigrationsDirectory = "/src/app/db/migrations",
        Model = "/src/app/db/schema.sql",
        Provider = "PostgreSql",
        ConnectionString = "Host=db;Password=s3cret",
        DowngradeCheck = "Last:3",
        RequireDowngrade = true,
        Layout = "flyway",
        PendingTables = ["audit_log"],
        Ignore = ["__*", "users.legacy"],
    };

    [TestMethod]
    public void Check_passes_every_setting_the_task_passes()
    {
        var arguments = EngineArguments.For(new ToolRequest("check") { Verbose = true }, Settings);

        CollectionAssert.AreEqual(
            new[]
            {
                "check", "--migrations", "/src/app/db/migrations", "--provider", "PostgreSql", "--layout", "flyway",
                "--model", "/src/app/db/schema.sql", "--downgrade", "Last:3", "--require-downgrade",
                "--pending-table", "audit_log", "--ignore", "__*", "--ignore", "users.legacy", "--verbose",
            },
            arguments.ToArray());
    }

    [TestMethod]
    [DataRow("check")]
    [DataRow("snapshot")]
    [DataRow("diff")]
    public void Every_command_replays_the_migrations_in_the_projects_environment(string command)
    {
        var settings = Settings with { SetupScripts = ["/src/app/db/runner.sql", "/src/app/db/roles.sql"], SqliteForeignKeys = "false" };

        var arguments = EngineArguments.For(new ToolRequest(command) { From = "1", To = "2" }, settings).ToList();

        var first = arguments.IndexOf("--setup-script");
        CollectionAssert.AreEqual(new[] { "--setup-script", "/src/app/db/runner.sql", "--setup-script", "/src/app/db/roles.sql" }, arguments.GetRange(first, 4));
        Assert.AreEqual("false", arguments[arguments.IndexOf("--sqlite-foreign-keys") + 1]);
    }

    [TestMethod]
    public void Foreign_keys_on_are_the_engines_default_and_not_passed() =>
        Assert.IsFalse(EngineArguments.For(new ToolRequest("snapshot"), Settings).Contains("--sqlite-foreign-keys"));

    [TestMethod]
    public void Snapshot_passes_the_version_format_and_output()
    {
        var arguments = EngineArguments.For(new ToolRequest("snapshot") { At = "3", Format = "json", Output = "/tmp/schema.json" }, Settings);

        CollectionAssert.AreEqual(
            new[] { "snapshot", "--migrations", "/src/app/db/migrations", "--provider", "PostgreSql", "--layout", "flyway", "--at", "3", "--format", "json", "--output", "/tmp/schema.json" },
            arguments.ToArray());
    }

    [TestMethod]
    [DataRow(false, new[] { "diff", "--migrations", "/m", "1", "2" })]
    [DataRow(true, new[] { "diff", "--migrations", "/m", "1", "--model", "/src/app/db/schema.sql" })]
    public void Diff_passes_two_versions_or_the_projects_model(bool model, string[] expected)
    {
        var settings = Settings with { MigrationsDirectory = "/m", Provider = null, Layout = null };

        var arguments = EngineArguments.For(new ToolRequest("diff") { From = "1", To = model ? null : "2", Model = model }, settings);

        CollectionAssert.AreEqual(expected, arguments.ToArray());
    }

    [TestMethod]
    public void Diff_with_the_model_of_a_project_without_one_is_MIG0002()
    {
        var problem = Assert.ThrowsExactly<ToolProblem>(() =>
            EngineArguments.For(new ToolRequest("diff") { From = "1", Model = true }, Settings with { Model = null }));

        Assert.AreEqual(
            "/src/app/App.csproj(1,1): error MIG0002: diff --model needs the project's model: '/src/app/App.csproj' sets no MigrationsModel and has no schema.sql.",
            problem.Diagnostic.ToString());
    }

    [TestMethod]
    public void A_project_whose_migrations_are_not_SQL_scripts_is_refused_with_what_to_run_instead()
    {
        var problem = Assert.ThrowsExactly<ToolProblem>(() => EngineArguments.For(new ToolRequest("check"), Settings with { Source = "EfCore" }));

        Assert.AreEqual(
            "/src/app/App.csproj(1,1): error MIG0006: dotnet migrations reads migrations from SQL script folders; '/src/app/App.csproj' sets MigrationsSource to EfCore. Run its check with dotnet build or dotnet msbuild -restore -t:ValidateMigrations.",
            problem.Diagnostic.ToString());
    }

    [TestMethod]
    [DataRow("check")]
    [DataRow("snapshot")]
    public void The_connection_string_is_never_an_argument(string command)
    {
        var arguments = EngineArguments.For(new ToolRequest(command), Settings);

        Assert.IsFalse(arguments.Any(a => a.Contains("s3cret", StringComparison.Ordinal)), string.Join(' ', arguments));
        Assert.DoesNotContain("s3cret", Settings.ToString());
    }
}
