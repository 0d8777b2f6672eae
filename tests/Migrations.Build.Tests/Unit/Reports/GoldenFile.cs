namespace Migrations.Build.Tests.Unit.Reports;

/// <summary>Compares a rendering with a committed file in TestData/Golden.</summary>
/// <remarks>After an intended change of a report's format, run the tests once with the environment variable
/// <c>UPDATE_GOLDEN=1</c>: the golden files in the source tree are rewritten instead of compared (the test then
/// passes as inconclusive), and the diff is reviewed and committed like code.</remarks>
internal static class GoldenFile
{
    public static void AssertMatches(string fileName, string actual)
    {
        var path = Path.Combine(RepositoryRoot.Find(), "tests", "Migrations.Build.Tests", "TestData", "Golden", fileName);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail("UPDATE_GOLDEN=1 on CI would accept any rendering; golden files are updated locally and committed.");
            }

            File.WriteAllText(path, actual);
            Assert.Inconclusive($"UPDATE_GOLDEN=1: rewrote {path}.");
        }

        Assert.IsTrue(File.Exists(path), $"Golden file {path} is missing; run the tests with UPDATE_GOLDEN=1 to create it.");

        // A checkout with autocrlf may turn the golden file's LF into CRLF; the renderers always write LF.
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.AreEqual(expected, actual, $"Rendering differs from {path}. If the change is intended, run with UPDATE_GOLDEN=1 and review the diff.");
    }
}
