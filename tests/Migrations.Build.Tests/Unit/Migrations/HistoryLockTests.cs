using Migrations.Build.Checks;
using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;
using Migrations.Build.Providers.Sqlite;

namespace Migrations.Build.Tests.Unit.Migrations;

[TestClass]
public sealed class HistoryLockTests
{
    private static void WriteMigration(TemporaryFolder folder, string stem, string table)
    {
        folder.Write($"{stem}.up.sql", $"CREATE TABLE {table} (x int);");
        folder.Write($"{stem}.down.sql", $"DROP TABLE {table};");
    }

    private static MigrationSet Discover(TemporaryFolder folder) => MigrationDiscovery.Discover(folder.Path, SqliteSyntax.Dialect);

    private static string LockPath(TemporaryFolder folder) => Path.Combine(folder.Path, MigrationDiscovery.LockFileName);

    /// <summary>Releases the current migrations: appends them to a new lock file.</summary>
    private static HistoryLockReadResult Release(TemporaryFolder folder)
    {
        var path = LockPath(folder);
        HistoryLock.AppendNew(path, HistoryLock.Read(path), Discover(folder));
        return HistoryLock.Read(path);
    }

    [TestMethod]
    public void By_name_history_with_spaces_in_its_names_is_locked_and_read_back()
    {
        using var folder = new TemporaryFolder();
        folder.Write("Script0001 - Create tables.sql", "CREATE TABLE a (x int);");
        var second = folder.Write("Script0002 - Seed.sql", "INSERT INTO a VALUES (1);");
        MigrationSet DiscoverByName() => MigrationDiscovery.Discover(folder.Path, SqliteSyntax.Dialect, MigrationLayouts.ByName);
        var path = LockPath(folder);
        HistoryLock.AppendNew(path, HistoryLock.Read(path), DiscoverByName());

        var lockFile = HistoryLock.Read(path);

        Assert.AreEqual(0, lockFile.Diagnostics.Count, string.Join("\n", lockFile.Diagnostics));
        CollectionAssert.AreEqual(new[] { "Script0001 - Create tables", "Script0002 - Seed" }, lockFile.Entries.Select(e => e.ToString()).ToArray());
        StringAssert.Contains(File.ReadAllText(path), "name:Script0001%20-%20Create%20tables ");
        Assert.AreEqual(0, HistoryLock.Compare(lockFile, DiscoverByName()).Count);

        File.WriteAllText(second, "INSERT INTO a VALUES (2);");
        var edited = HistoryLock.Compare(lockFile, DiscoverByName()).Single();
        Assert.AreEqual(DiagnosticCodes.ReleasedMigrationEdited, edited.Descriptor);
        StringAssert.Contains(edited.Message, "Released migration Script0002 - Seed was edited");

        File.Delete(second);
        StringAssert.Contains(HistoryLock.Compare(lockFile, DiscoverByName()).Single().Message, "Released migration Script0002 - Seed was deleted");
    }

    [TestMethod]
    public void Missing_lock_file_is_an_empty_lock()
    {
        using var folder = new TemporaryFolder();

        var lockFile = HistoryLock.Read(LockPath(folder));

        Assert.IsFalse(lockFile.Exists);
        Assert.AreEqual(0, lockFile.Entries.Count);
        Assert.AreEqual(0, lockFile.Diagnostics.Count);
    }

    [TestMethod]
    public void Appended_lock_reads_back_and_matches_the_migrations()
    {
        using var folder = new TemporaryFolder();
        WriteMigration(folder, "0001_users", "users");
        WriteMigration(folder, "0002_teams", "teams");

        var lockFile = Release(folder);

        StringAssert.StartsWith(File.ReadAllText(LockPath(folder)), "# migrations.lock");
        CollectionAssert.AreEqual(new[] { "0001", "0002" }, lockFile.Entries.Select(e => e.Version.Text).ToArray());
        Assert.AreEqual("teams", lockFile.Entries[1].Name);
        Assert.AreEqual(Discover(folder).Migrations[1].Checksum, lockFile.Entries[1].Checksum);
        Assert.AreEqual(0, HistoryLock.Compare(lockFile, Discover(folder)).Count);
    }

    [TestMethod]
    public void Append_adds_only_migrations_after_the_last_locked_one()
    {
        using var folder = new TemporaryFolder();
        WriteMigration(folder, "0001_users", "users");
        Release(folder);
        WriteMigration(folder, "0002_teams", "teams");
        var before = File.ReadAllText(LockPath(folder));

        var lockFile = Release(folder);

        Assert.AreEqual(2, lockFile.Entries.Count);
        StringAssert.StartsWith(File.ReadAllText(LockPath(folder)), before);
        Assert.AreEqual(2, File.ReadAllLines(LockPath(folder)).Count(l => l.StartsWith('0')));
    }

    [TestMethod]
    public void Edited_released_migration_is_an_error_at_its_up_file()
    {
        using var folder = new TemporaryFolder();
        WriteMigration(folder, "0001_users", "users");
        var lockFile = Release(folder);
        var up = folder.Write("0001_users.up.sql", "CREATE TABLE users (x bigint);");

        var diagnostic = HistoryLock.Compare(lockFile, Discover(folder)).Single();

        Assert.AreEqual(
            $"{up}(1,1): error MIG1007: Released migration 0001_users was edited (its checksum differs from migrations.lock line 6); revert the edit and make the change in a new migration",
            diagnostic.ToString());
    }

    [TestMethod]
    public void Deleted_released_migration_is_an_error_at_its_lock_line()
    {
        using var folder = new TemporaryFolder();
        WriteMigration(folder, "0001_users", "users");
        WriteMigration(folder, "0002_teams", "teams");
        var lockFile = Release(folder);
        File.Delete(Path.Combine(folder.Path, "0002_teams.up.sql"));
        File.Delete(Path.Combine(folder.Path, "0002_teams.down.sql"));

        var diagnostic = HistoryLock.Compare(lockFile, Discover(folder)).Single();

        Assert.AreEqual(
            $"{LockPath(folder)}(7,1): error MIG1008: Released migration 0002_teams was deleted; restore it (to undo it, add a new migration)",
            diagnostic.ToString());
    }

    [TestMethod]
    public void Migration_inserted_before_the_last_released_one_is_an_error_at_its_file()
    {
        using var folder = new TemporaryFolder();
        WriteMigration(folder, "0001_users", "users");
        WriteMigration(folder, "0003_teams", "teams");
        var lockFile = Release(folder);
        WriteMigration(folder, "0002_from_other_branch", "other");
        WriteMigration(folder, "0004_new", "fresh");

        var diagnostic = HistoryLock.Compare(lockFile, Discover(folder)).Single();

        Assert.AreEqual(DiagnosticCodes.MigrationInsertedBeforeReleased, diagnostic.Descriptor);
        Assert.AreEqual(new SourceLocation(Path.Combine(folder.Path, "0002_from_other_branch.up.sql")), diagnostic.Location);
        StringAssert.Contains(diagnostic.Message, "0003_teams");
    }

    [TestMethod]
    [DataRow("0001 abc users", DisplayName = "short checksum")]
    [DataRow("v1 " + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef users", DisplayName = "version not a number")]
    [DataRow("0001 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", DisplayName = "no name")]
    public void Malformed_lock_line_is_reported_at_that_line(string line)
    {
        using var folder = new TemporaryFolder();
        var path = folder.Write(MigrationDiscovery.LockFileName, $"# header\n\n{line}\n");

        var lockFile = HistoryLock.Read(path);

        var diagnostic = lockFile.Diagnostics.Single();
        Assert.AreEqual(DiagnosticCodes.InvalidLockFile, diagnostic.Descriptor);
        Assert.AreEqual(new SourceLocation(path, 3), diagnostic.Location);
        Assert.AreEqual(0, lockFile.Entries.Count);
    }

    [TestMethod]
    public void Malformed_lock_is_not_appended_to()
    {
        using var folder = new TemporaryFolder();
        WriteMigration(folder, "0001_users", "users");
        var path = folder.Write(MigrationDiscovery.LockFileName, "garbage\n");

        HistoryLock.AppendNew(path, HistoryLock.Read(path), Discover(folder));

        Assert.AreEqual("garbage\n", File.ReadAllText(path));
    }

    [TestMethod]
    public void History_check_reports_discovery_and_lock_problems_together()
    {
        using var folder = new TemporaryFolder();
        WriteMigration(folder, "0001_users", "users");
        Release(folder);
        folder.Write("0001_users.up.sql", "CREATE TABLE users (y int);");
        folder.Write("0002_no_down.up.sql", "CREATE TABLE b (x int);");

        var codes = HistoryCheck.Run(Discover(folder), lockPath: null).Diagnostics.Select(d => d.Code).Order().ToArray();

        CollectionAssert.AreEqual(new[] { "MIG1003", "MIG1007" }, codes);
    }

    [TestMethod]
    public void History_check_on_a_missing_directory_reports_only_that()
    {
        var set = MigrationDiscovery.Discover("/does/not/exist", SqliteSyntax.Dialect);

        Assert.AreEqual("MIG0001", HistoryCheck.Run(set, null).Diagnostics.Single().Code);
    }
}
