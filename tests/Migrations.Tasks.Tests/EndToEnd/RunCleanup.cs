namespace Migrations.Tasks.Tests.EndToEnd;

/// <summary>Removes the end-to-end run's temporary folder (feed, package cache, sample copies) after all tests.</summary>
[TestClass]
public static class RunCleanup
{
    [AssemblyCleanup]
    public static void DeleteRunDirectory() => PackageFeed.DeleteRunDirectory();
}
