using Migrations.Build.Checks;
using Migrations.Build.Reports;

namespace Migrations.Build.Tests.Unit.Reports;

[TestClass]
public sealed class SourceRootTests
{
    private string _root = null!;

    [TestInitialize]
    public void CreateFolder()
    {
        _root = Path.Combine(Path.GetTempPath(), "migrations-source-root-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_root, "src", "App", "Migrations"));
    }

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(_root, recursive: true);

    [TestMethod]
    [DataRow(true, DisplayName = "a .git folder (a clone)")]
    [DataRow(false, DisplayName = "a .git file (a worktree or submodule)")]
    public void The_nearest_folder_upwards_with_git_is_the_root(bool folder)
    {
        if (folder)
        {
            Directory.CreateDirectory(Path.Combine(_root, ".git"));
        }
        else
        {
            File.WriteAllText(Path.Combine(_root, ".git"), "gitdir: /elsewhere/.git/worktrees/app\n");
        }

        Assert.AreEqual(_root, SourceRoot.For(Request()));
    }

    [TestMethod]
    public void Outside_a_repository_the_project_folder_is_the_root() =>
        Assert.AreEqual(Path.Combine(_root, "src", "App"), SourceRoot.For(Request()));

    [TestMethod]
    public void The_folder_of_the_project_file_is_the_project_folder() =>
        Assert.AreEqual(Path.Combine(_root, "src"), SourceRoot.For(Request() with { ProjectFile = Path.Combine(_root, "src", "App.csproj") }));

    [TestMethod]
    public void A_root_the_request_names_wins_over_git()
    {
        Directory.CreateDirectory(Path.Combine(_root, ".git"));

        Assert.AreEqual(Path.Combine(_root, "src"), SourceRoot.For(Request() with { RepositoryRoot = Path.Combine(_root, "src") + Path.DirectorySeparatorChar }));
    }

    private ValidationRequest Request() => new(Path.Combine(_root, "src", "App", "Migrations"));
}
