using Migrations.Build.Reports;

namespace Migrations.Build.Tests.Unit.Reports;

[TestClass]
public sealed class ReportDirectoryWriterTests
{
    private string _directory = null!;

    [TestInitialize]
    public void CreateFolder() => _directory = Path.Combine(Path.GetTempPath(), "migrations-build-reports-" + Guid.NewGuid().ToString("N"));

    [TestCleanup]
    public void DeleteFolder()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [TestMethod]
    public void Writes_every_report_into_a_new_folder_and_returns_their_paths()
    {
        var target = Path.Combine(_directory, "nested", "reports");

        var written = ReportDirectoryWriter.Write(SampleResult.Result(), target, SampleResult.BaseDirectory);

        CollectionAssert.AreEquivalent(
            new[] { "schema.snapshot.txt", "model.snapshot.txt", "summary.md", "migrations.sarif", "junit.xml", "codequality.json" },
            written.Select(Path.GetFileName).ToArray());
        CollectionAssert.AreEquivalent(written.ToArray(), Directory.GetFiles(target));
        Assert.AreEqual(SchemaSnapshotWriter.Render(SampleResult.Result().MigratedSchema!), File.ReadAllText(Path.Combine(target, "schema.snapshot.txt")));
        Assert.AreEqual(SchemaSnapshotWriter.Render(SampleResult.Result().ModelSchema!), File.ReadAllText(Path.Combine(target, "model.snapshot.txt")));
    }

    [TestMethod]
    public void Locations_in_the_written_reports_are_relative_to_the_project_folder_outside_a_repository()
    {
        Assert.IsNull(SourceRoot.NearestRepository(SampleResult.BaseDirectory), "The sample's folder must not be inside a repository for this test.");
        ReportDirectoryWriter.Write(SampleResult.Result(), _directory);

        Assert.Contains("`Migrations/0002_add_leads.up.sql:8`", File.ReadAllText(Path.Combine(_directory, "summary.md")));
        Assert.Contains("\"uri\": \"Migrations/0002_add_leads.up.sql\"", File.ReadAllText(Path.Combine(_directory, "migrations.sarif")));
    }

    [TestMethod]
    public void Files_are_written_without_byte_order_mark()
    {
        ReportDirectoryWriter.Write(SampleResult.Result(), _directory);

        var bytes = File.ReadAllBytes(Path.Combine(_directory, "summary.md"));
        Assert.AreEqual((byte)'#', bytes[0]);
    }

    [TestMethod]
    public void A_stale_snapshot_is_removed_when_this_run_has_no_such_schema()
    {
        ReportDirectoryWriter.Write(SampleResult.Result(), _directory);

        var written = ReportDirectoryWriter.Write(SampleResult.Result() with { MigratedSchema = null, ModelSchema = null }, _directory);

        CollectionAssert.AreEquivalent(new[] { "summary.md", "migrations.sarif", "junit.xml", "codequality.json" }, written.Select(Path.GetFileName).ToArray());
        Assert.IsFalse(File.Exists(Path.Combine(_directory, "schema.snapshot.txt")));
        Assert.IsFalse(File.Exists(Path.Combine(_directory, "model.snapshot.txt")));
    }

    [TestMethod]
    public void A_second_run_replaces_the_files_and_leaves_no_temporary_file()
    {
        ReportDirectoryWriter.Write(SampleResult.Result(), _directory);
        File.WriteAllText(Path.Combine(_directory, "summary.md"), "old");

        ReportDirectoryWriter.Write(SampleResult.Result(), _directory);

        Assert.StartsWith("# Migrations.Build", File.ReadAllText(Path.Combine(_directory, "summary.md")));
        Assert.HasCount(6, Directory.GetFileSystemEntries(_directory));
    }

    [TestMethod]
    public void A_cancelled_write_stops_before_the_next_file()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsExactly<OperationCanceledException>(() => ReportDirectoryWriter.Write(SampleResult.Result(), _directory, cancellation.Token));
        Assert.IsEmpty(Directory.GetFileSystemEntries(_directory));
    }
}
