using System.Text.RegularExpressions;
using Migrations.Tasks.Tests.EndToEnd;

namespace Migrations.Tasks.Tests.Tool;

/// <summary><c>dotnet-migrations</c> as installed from its package, run in a copy of a sample: the project's
/// settings come from MSBuild, and the output is exactly what the build and the engine print.</summary>
[TestClass]
public sealed partial class ToolEndToEndTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void Check_prints_the_same_errors_as_the_build()
    {
        var sample = SampleCopy.Create("Broken.TableWithoutMigration", TestContext.TestName!);
        var build = sample.Build();

        var run = ToolPackage.Run(sample.ProjectDirectory, "check");

        Assert.AreEqual(1, run.ExitCode, run.Output);
        var buildErrors = build.MigrationErrors.Select(line => line.Replace($" [{sample.ProjectFile}]", string.Empty, StringComparison.Ordinal)).ToArray();
        Assert.HasCount(1, buildErrors, build.ToString());
        CollectionAssert.AreEqual(
            new[]
            {
                buildErrors[0],
                "Migrations: 1 migration on SQLite — upgrade ok, drift 1, downgrades 1/1 proven (T s); 1 error(s), 0 warning(s)",
            },
            Lines(run),
            run.Output);
    }

    [TestMethod]
    public void Check_of_a_healthy_sample_passes_with_the_builds_summary()
    {
        var sample = SampleCopy.Create("Healthy.Sqlite", TestContext.TestName!);

        var run = ToolPackage.Run(sample.Root, "check", "--project", sample.Sample);

        Assert.AreEqual(0, run.ExitCode, run.Output);
        CollectionAssert.AreEqual(new[] { "Migrations: 3 migrations on SQLite — upgrade ok, drift 0, downgrades 3/3 proven (T s)" }, Lines(run), run.Output);
    }

    [TestMethod]
    public void Snapshot_at_a_version_prints_the_schema_after_it()
    {
        var sample = SampleCopy.Create("Healthy.Sqlite", TestContext.TestName!);

        var run = ToolPackage.Run(sample.ProjectDirectory, "snapshot", "--at", "0001");

        Assert.AreEqual(0, run.ExitCode, run.Output);
        CollectionAssert.AreEqual(
            new[]
            {
                "-- Migrations.Build schema snapshot: 1 table, 0 views, 0 triggers, 0 sequences, 0 enum types, 0 other objects",
                "",
                "TABLE users",
                "  id INTEGER",
                "  email TEXT NOT NULL",
                "  created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP",
                "  PRIMARY KEY (id)",
                "  UNIQUE INDEX ux_users_email (email)",
            },
            Lines(run),
            run.Output);
    }

    [TestMethod]
    public void Snapshot_as_Markdown_into_a_file_has_the_ER_diagram()
    {
        var sample = SampleCopy.Create("Healthy.Sqlite", TestContext.TestName!);

        var run = ToolPackage.Run(sample.ProjectDirectory, "snapshot", "-f", "markdown", "-o", "docs/schema.md");

        Assert.AreEqual(0, run.ExitCode, run.Output);
        Assert.AreEqual(string.Empty, run.Output);
        var markdown = File.ReadAllText(sample.PathOf("docs/schema.md"));
        StringAssert.StartsWith(markdown, "# Schema after 0003_create_lead_summary on SQLite\n\n```mermaid\nerDiagram\n");
        Assert.Contains("    users ||--o{ leads : \"user_id\"\n", markdown);
    }

    [TestMethod]
    public void Diff_of_two_versions_names_what_the_migrations_between_them_create()
    {
        var sample = SampleCopy.Create("Healthy.Sqlite", TestContext.TestName!);

        var run = ToolPackage.Run(sample.ProjectDirectory, "diff", "0001", "0003");

        Assert.AreEqual(1, run.ExitCode, run.Output);
        CollectionAssert.AreEqual(
            new[]
            {
                "Table leads exists after 0003, not after 0001.",
                "View lead_summary exists after 0003, not after 0001.",
                "Diff 0001 → 0003 on SQLite: 2 differences.",
            },
            Lines(run),
            run.Output);
    }

    [TestMethod]
    public void Diff_with_the_model_uses_the_projects_model_and_the_drift_checks_words()
    {
        var sample = SampleCopy.Create("Healthy.Sqlite", TestContext.TestName!);

        var run = ToolPackage.Run(sample.ProjectDirectory, "diff", "0002", "--model");

        Assert.AreEqual(1, run.ExitCode, run.Output);
        CollectionAssert.AreEqual(
            new[]
            {
                $"{sample.PathOf("schema.sql")}(17,1): error MIG3002: View lead_summary is in the model, but missing after the migrations.",
                "Diff 0002 → the model on SQLite: 1 difference.",
            },
            Lines(run),
            run.Output);
    }

    [TestMethod]
    public void The_projects_own_settings_are_read_through_MSBuild()
    {
        var sample = SampleCopy.Create("Healthy.Sqlite", TestContext.TestName!);
        Directory.CreateDirectory(sample.PathOf("db"));
        Directory.Move(sample.PathOf("Migrations"), sample.PathOf("db/migrations"));
        File.Move(sample.PathOf("schema.sql"), sample.PathOf("db/model.sql"));
        var project = File.ReadAllText(sample.ProjectFile).Replace(
            "</PropertyGroup>",
            "  <MigrationsDirectory>db/migrations</MigrationsDirectory>\n    <MigrationsModel>db/model.sql</MigrationsModel>\n  </PropertyGroup>",
            StringComparison.Ordinal);
        File.WriteAllText(sample.ProjectFile, project);

        var run = ToolPackage.Run(sample.ProjectDirectory, "diff", "0003", "--model");

        Assert.AreEqual(0, run.ExitCode, run.Output);
        CollectionAssert.AreEqual(new[] { "Diff 0003 → the model on SQLite: no differences." }, Lines(run), run.Output);
    }

    [TestMethod]
    public void An_unknown_version_is_MIG0045_and_no_stack_trace()
    {
        var sample = SampleCopy.Create("Healthy.Sqlite", TestContext.TestName!);

        var run = ToolPackage.Run(sample.ProjectDirectory, "snapshot", "--at", "42");

        Assert.AreEqual(2, run.ExitCode, run.Output);
        CollectionAssert.AreEqual(
            new[] { $"Migrations.Build: error MIG0045: No migration in '{sample.PathOf("Migrations")}' has version '42': its versions are 0001, 0002, 0003 (0 is the schema before the first)." },
            Lines(run),
            run.Output);
    }

    [TestMethod]
    public void A_folder_without_a_project_is_MIG0047()
    {
        var folder = Path.Combine(PackageFeed.RunDirectory, TestContext.TestName!);
        Directory.CreateDirectory(folder);

        var run = ToolPackage.Run(folder, "check");

        Assert.AreEqual(2, run.ExitCode, run.Output);
        CollectionAssert.AreEqual(
            new[] { $"Migrations.Build: error MIG0047: No project file in '{folder}'. Run dotnet migrations in the project's folder, or give it with --project PATH." },
            Lines(run),
            run.Output);
    }

    [TestMethod]
    public void Version_prints_the_package_version()
    {
        var run = ToolPackage.Run(PackageFeed.RunDirectory, "--version");

        Assert.AreEqual(0, run.ExitCode, run.Output);
        Assert.AreEqual(PackageFeed.Version, run.Output.Trim());
    }

    [TestMethod]
    [DataRow(new[] { "--help" }, "dotnet migrations diff 0005 --model")]
    [DataRow(new[] { "snapshot", "-h" }, "dotnet migrations snapshot -f markdown -o schema.md")]
    public void Help_ends_with_examples(string[] arguments, string example)
    {
        var run = ToolPackage.Run(PackageFeed.RunDirectory, arguments);

        Assert.AreEqual(0, run.ExitCode, run.Output);
        Assert.Contains("Examples:", run.Output);
        Assert.Contains(example, run.Output);
        Assert.DoesNotContain("\u001b[", run.Output, "redirected output has no colour codes");
    }

    /// <summary>The output's lines, with the summary's elapsed time replaced by <c>T</c>.</summary>
    private static string[] Lines(CommandResult run) =>
        run.Output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n').Select(line => ElapsedTime().Replace(line, "(T s)")).ToArray();

    [GeneratedRegex(@"\(\d+\.\d\d s\)")]
    private static partial Regex ElapsedTime();
}
