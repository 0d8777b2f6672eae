namespace Migrations.Tasks.Tests;

/// <summary>What a test does when the machine lacks something it needs: inconclusive locally, a failure on CI.</summary>
internal static class TestEnvironment
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static void CannotRun(string why)
    {
        if (IsCi)
        {
            Assert.Fail($"{why} (CI=true: a test that cannot run fails here)");
        }

        Assert.Inconclusive(why);
    }
}
