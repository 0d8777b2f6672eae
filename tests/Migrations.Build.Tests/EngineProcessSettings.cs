using Migrations.Build.Cli;

namespace Migrations.Build.Tests;

/// <summary>Runs the tests with the settings the engine's process sets for itself in <c>Program.Main</c>, so what runs
/// in this process runs as it does in the engine (socket continuations inline: nothing may block on a socket).</summary>
[TestClass]
public static class EngineProcessSettings
{
    [AssemblyInitialize]
    public static void Apply(TestContext context) => InlineSocketCompletions.Enable();
}
