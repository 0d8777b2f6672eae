namespace Migrations.Build.Tests;

/// <summary>What a test does when this machine cannot run it: inconclusive locally, a failure on CI (a skipped test
/// there would hide a broken setup).</summary>
internal static class TestPreconditions
{
    public static void CannotRun(string tests, string reason)
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"{tests} cannot run on CI: {reason}");
        }

        Assert.Inconclusive(reason);
    }
}
