using System.Xml.Linq;
using Migrations.Tasks.Tests.EndToEnd;

namespace Migrations.Tasks.Tests.Tool;

/// <summary>The tool and the Migrations.Build package release together, under one version.</summary>
[TestClass]
public sealed class ToolPackageVersionTests
{
    [TestMethod]
    [DataRow("VersionPrefix")]
    [DataRow("VersionSuffix")]
    public void The_tool_has_the_same_version_as_the_package(string property)
    {
        Assert.AreEqual(
            Property(Path.Combine("src", "Migrations.Tasks", "Migrations.Tasks.csproj"), property),
            Property(Path.Combine("src", "Migrations.Build.Tool", "Migrations.Build.Tool.csproj"), property));
    }

    private static string Property(string project, string name)
    {
        var value = XDocument.Load(Path.Combine(PackageFeed.RepositoryRoot, project)).Descendants(name).Single().Value;
        Assert.IsFalse(string.IsNullOrWhiteSpace(value), $"{project} has no {name}");
        return value;
    }
}
