using Migrations.Build.Tool;

namespace Migrations.Tasks.Tests.Tool;

/// <summary>The tool reads a project's settings through the real MSBuild, with the package's defaults where the
/// project sets nothing; a project it cannot read or find is a MIG error, not a stack trace.</summary>
[TestClass]
public sealed class ProjectSettingsReaderTests
{
    private string _folder = null!;

    [TestInitialize]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "migrations-tool-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
    }

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [TestMethod]
    public async Task A_project_without_settings_gets_the_packages_defaults()
    {
        var project = WriteProject("App", string.Empty);
        File.WriteAllText(Path.Combine(_folder, "schema.sql"), "CREATE TABLE t (id INTEGER);\n");

        var settings = await ProjectSettingsReader.ReadAsync(project, CancellationToken.None);

        Assert.AreEqual(
            new ProjectSettings(project) { MigrationsDirectory = Path.Combine(_folder, "Migrations"), Model = Path.Combine(_folder, "schema.sql") }.ToString(),
            settings.ToString());
    }

    [TestMethod]
    public async Task Properties_items_and_conditions_are_read_as_MSBuild_evaluates_them()
    {
        var project = WriteProject("App", """
            <PropertyGroup>
              <Database>postgres</Database>
              <MigrationsDirectory>db/migrations</MigrationsDirectory>
              <MigrationsModel>db/model/</MigrationsModel>
              <MigrationsProvider Condition="'$(Database)' == 'postgres'">PostgreSql</MigrationsProvider>
              <MigrationsConnectionString>Host=db;Password=s3cret</MigrationsConnectionString>
              <MigrationsDowngradeCheck>Last:2</MigrationsDowngradeCheck>
              <MigrationsRequireDowngrade>true</MigrationsRequireDowngrade>
              <MigrationsLayout>flyway</MigrationsLayout>
            </PropertyGroup>
            <ItemGroup>
              <MigrationsPendingTable Include="audit_log;outbox" />
              <MigrationsIgnore Include="__EFMigrationsHistory" />
            </ItemGroup>
            """);

        var settings = await ProjectSettingsReader.ReadAsync(project, CancellationToken.None);

        Assert.AreEqual(Path.Combine(_folder, "db", "migrations"), settings.MigrationsDirectory);
        Assert.AreEqual(Path.Combine(_folder, "db", "model") + Path.DirectorySeparatorChar, settings.Model);
        Assert.AreEqual("PostgreSql", settings.Provider);
        Assert.AreEqual("Host=db;Password=s3cret", settings.ConnectionString);
        Assert.AreEqual("Last:2", settings.DowngradeCheck);
        Assert.IsTrue(settings.RequireDowngrade);
        Assert.AreEqual("flyway", settings.Layout);
        CollectionAssert.AreEqual(new[] { "audit_log", "outbox" }, settings.PendingTables.ToArray());
        CollectionAssert.AreEqual(new[] { "__EFMigrationsHistory" }, settings.Ignore.ToArray());
    }

    [TestMethod]
    public async Task A_project_MSBuild_cannot_load_is_MIG0046_with_MSBuilds_reason()
    {
        var project = Path.Combine(_folder, "Broken.csproj");
        File.WriteAllText(project, "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n</Project>\n");

        var problem = await Assert.ThrowsExactlyAsync<ToolProblem>(() => ProjectSettingsReader.ReadAsync(project, CancellationToken.None));

        StringAssert.StartsWith(problem.Diagnostic.ToString(), $"{project}(1,1): error MIG0046: MSBuild could not read the settings of '{project}' (exit code 1): ");
        Assert.Contains("MSB4025", problem.Diagnostic.Message);
    }

    [TestMethod]
    public void The_one_project_in_a_folder_is_found()
    {
        var project = WriteProject("App", string.Empty);

        Assert.AreEqual(project, ProjectLocator.Find(null, _folder));
        Assert.AreEqual(project, ProjectLocator.Find(".", _folder));
        Assert.AreEqual(project, ProjectLocator.Find("App.csproj", _folder));
    }

    [TestMethod]
    public void A_folder_without_a_project_is_MIG0047()
    {
        var problem = Assert.ThrowsExactly<ToolProblem>(() => ProjectLocator.Find(null, _folder));

        Assert.AreEqual($"Migrations.Build: error MIG0047: No project file in '{_folder}'. Run dotnet migrations in the project's folder, or give it with --project PATH.", problem.Diagnostic.ToString());
    }

    [TestMethod]
    public void A_folder_with_two_projects_is_MIG0047_naming_both()
    {
        WriteProject("A", string.Empty);
        WriteProject("B", string.Empty);

        var problem = Assert.ThrowsExactly<ToolProblem>(() => ProjectLocator.Find(_folder, "/"));

        Assert.AreEqual($"Migrations.Build: error MIG0047: Several project files in '{_folder}' (A.csproj, B.csproj). Choose one with --project PATH.", problem.Diagnostic.ToString());
    }

    private string WriteProject(string name, string body)
    {
        var path = Path.Combine(_folder, name + ".csproj");
        File.WriteAllText(path, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net8.0</TargetFramework>
              </PropertyGroup>
            {body}
            </Project>
            """);
        return path;
    }
}
