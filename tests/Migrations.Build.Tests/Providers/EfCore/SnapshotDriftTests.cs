using Migrations.Build.Checks;
using Migrations.Build.Cli;

namespace Migrations.Build.Tests.Providers.EfCore;

/// <summary>The triangle's second side on a real EF Core 10 app on SQLite (TestData/EfCore/TwoContextsApp): the schema
/// the migrations build against the model snapshot's.</summary>
[TestClass]
public sealed class SnapshotDriftTests
{
    [TestMethod]
    public async Task A_migration_edited_by_hand_so_that_the_snapshot_no_longer_matches_is_reported_at_the_snapshot()
    {
        using var app = EfTestAppBuild.Create("TwoContextsApp", "net10.0", ["-p:EfCoreVersion=10.0.15", "-p:EditedNotesUp=true"]);
        var request = new ValidationRequest(Path.Combine(app.Directory, "Migrations")) { EfCore = app.Project with { Contexts = ["NotesContext"] } };

        var result = await CheckComposition.RunAsync(request, progress: null, CancellationToken.None);

        var snapshot = Path.Combine(app.Directory, "Migrations", "Notes", "NotesContextModelSnapshot.cs");
        var found = result.Diagnostics.Where(d => d.Code == "MIG3021").Select(d => d.ToString()).ToArray();
        CollectionAssert.AreEqual(
            new[]
            {
                $"{snapshot}(7,21): error MIG3021: NotesContextModelSnapshot does not match the schema the migrations build: Column Notes.Color exists after the migrations, not after the snapshot's create script. A migration or the snapshot was edited after dotnet ef wrote them, and EF computes the next migration from the snapshot: make them agree (undo the edit, or remove the migration with dotnet ef migrations remove and add it again).",
            },
            found,
            string.Join("\n", result.Diagnostics));
        Assert.IsTrue(result.Diagnostics.Any(d => d.Code == "MIG3003"), "the drift check reports the column too, at the migration");
    }
}
