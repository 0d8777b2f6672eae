using System.Xml.Linq;
using Migrations.Tasks.Tests.EndToEnd;

namespace Migrations.Tasks.Tests.Tool;

/// <summary>The packages release together, under one version: the repository's (Directory.Build.props), which no
/// package project overrides.</summary>
[TestClass]
public sealed class ToolPackageVersionTests
{
    [TestMethod]
    [DataRow("src/Migrations.Tasks/Migrations.Tasks.csproj")]
    [DataRow("src/Migrations.Build.Tool/Migrations.Build.Tool.csproj")]
    [DataRow("src/Migrations.Build.SqlServer/Migrations.Build.SqlServer.csproj")]
    [DataRow("src/Migrations.Build/Migrations.Build.csproj")]
    public void A_package_project_takes_the_repository_version(string project)
    {
        var overridden = Elements(project).Where(e => e.Name.LocalName is "Version" or "VersionPrefix" or "VersionSuffix" or "PackageVersion").ToList();

        Assert.IsEmpty(overridden, $"{project} sets {string.Join(", ", overridden.Select(e => e.Name.LocalName))}");
        Assert.IsFalse(string.IsNullOrWhiteSpace(Elements("Directory.Build.props").Single(e => e.Name.LocalName == "VersionPrefix").Value));
    }

    private static IEnumerable<XElement> Elements(string file) =>
        XDocument.Load(Path.Combine(PackageFeed.RepositoryRoot, file)).Descendants();
}
