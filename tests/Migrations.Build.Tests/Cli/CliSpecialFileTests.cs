using System.Diagnostics;
using System.Net.Sockets;

namespace Migrations.Build.Tests.Cli;

/// <summary>Files that are not files (FIFOs, sockets, devices, links to them), files over the size limit and files or
/// folders the user may not read, named like scripts, the model or the lock: each is a clear error at the file, found
/// before anything is read, never a hang, an out-of-memory crash or an internal error.</summary>
[TestClass]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CliSpecialFileTests
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(30);

    [TestMethod]
    [DataRow("fifo", "0002_x.up.sql is a FIFO (named pipe), not a regular file: it was not read.")]
    [DataRow("socket", "0002_x.up.sql is a socket, not a regular file: it was not read.")]
    [DataRow("/dev/zero", "0002_x.up.sql is a symbolic link to '/dev/zero', a character device, not a regular file: it was not read.")]
    [DataRow("/dev/null", "0002_x.up.sql is a symbolic link to '/dev/null', a character device, not a regular file: it was not read.")]
    public async Task Special_file_named_like_a_script_is_MIG1015_without_being_read(string kind, string message)
    {
        using var workspace = new CliWorkspace();
        workspace.WriteUsersMigration();
        var up = workspace.PathOf("Migrations/0002_x.up.sql");
        using var socket = MakeSpecial(kind, up);
        workspace.Write("Migrations/0002_x.down.sql", "SELECT 1;\n");

        var run = await EngineProcess.RunAsync(["check", "--migrations", workspace.Migrations], null, Quick);

        AssertError(run, $"{up}(1,1): error MIG1015: {message}");
    }

    [TestMethod]
    public async Task FIFO_as_the_model_is_MIG1015()
    {
        using var workspace = new CliWorkspace();
        workspace.WriteUsersMigration();
        MakeSpecial("fifo", workspace.Model);

        var run = await EngineProcess.RunAsync(["check", "--migrations", workspace.Migrations, "--model", workspace.Model], null, Quick);

        AssertError(run, $"{workspace.Model}(1,1): error MIG1015: The model file '{workspace.Model}' is a FIFO (named pipe), not a regular file");
    }

    [TestMethod]
    public async Task FIFO_as_the_history_lock_is_MIG1015()
    {
        using var workspace = new CliWorkspace();
        workspace.WriteUsersMigration();
        var lockFile = workspace.PathOf("Migrations/migrations.lock");
        MakeSpecial("fifo", lockFile);

        var run = await EngineProcess.RunAsync(["check", "--migrations", workspace.Migrations], null, Quick);

        AssertError(run, $"{lockFile}(1,1): error MIG1015: The history lock migrations.lock is a FIFO (named pipe), not a regular file");
    }

    [TestMethod]
    public async Task Script_over_64_MB_is_MIG1016_before_it_is_read()
    {
        using var workspace = new CliWorkspace();
        workspace.WriteUsersMigration();
        var up = workspace.PathOf("Migrations/0002_huge.up.sql");
        using (var file = File.Create(up))
        {
            // Sparse: no 65 MB written to the test machine's disk, yet that is its size.
            file.SetLength(65L * 1024 * 1024);
        }

        var run = await EngineProcess.RunAsync(["check", "--migrations", workspace.Migrations], null, Quick);

        AssertError(run, $"{up}(1,1): error MIG1016: 0002_huge.up.sql is 65 MB, over the limit of 64 MB for a script, model or lock file: it was not read.");
    }

    [TestMethod]
    public async Task Script_the_user_may_not_read_is_MIG1017_naming_it()
    {
        using var workspace = new CliWorkspace();
        workspace.WriteUsersMigration();
        var up = workspace.Write("Migrations/0002_secret.up.sql", "CREATE TABLE a (id INT);\n");
        File.SetUnixFileMode(up, UnixFileMode.None);

        var run = await EngineProcess.RunUnprivilegedAsync("check", "--migrations", workspace.Migrations);

        AssertError(run, $"{up}(1,1): error MIG1017: 0002_secret.up.sql cannot be read: permission denied");
    }

    [TestMethod]
    public async Task Migration_folder_the_user_may_not_list_is_MIG1017_not_a_silent_skip()
    {
        using var workspace = new CliWorkspace();
        workspace.WriteUsersMigration();
        workspace.Write("Migrations/0002_audit/up.sql", "CREATE TABLE audit (id INT);\n");
        var folder = workspace.PathOf("Migrations/0002_audit");
        File.SetUnixFileMode(folder, UnixFileMode.None);

        var run = await EngineProcess.RunUnprivilegedAsync("check", "--migrations", workspace.Migrations);

        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        AssertError(run, $"{folder}(1,1): error MIG1017: The folder 0002_audit/ cannot be read: permission denied");
    }

    [TestMethod]
    public async Task Folder_the_user_may_not_list_that_is_no_migration_is_an_error_not_a_warning()
    {
        using var workspace = new CliWorkspace();
        workspace.WriteUsersMigration();
        workspace.Write("Migrations/archive/0001_old.up.sql", "CREATE TABLE old (id INT);\n");
        var folder = workspace.PathOf("Migrations/archive");
        File.SetUnixFileMode(folder, UnixFileMode.None);

        var run = await EngineProcess.RunUnprivilegedAsync("check", "--migrations", workspace.Migrations);

        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        StringAssert.Contains(run.AllText, $"{folder}(1,1): error MIG1004: archive/ is a folder that is not a migration", run.ToString());
        Assert.AreEqual(1, run.ExitCode, run.ToString());
    }

    [TestMethod]
    public async Task Migrations_folder_the_user_may_not_list_is_MIG1017()
    {
        using var workspace = new CliWorkspace();
        workspace.WriteUsersMigration();
        File.SetUnixFileMode(workspace.Migrations, UnixFileMode.UserWrite);

        var run = await EngineProcess.RunUnprivilegedAsync("check", "--migrations", workspace.Migrations);

        File.SetUnixFileMode(workspace.Migrations, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        AssertError(run, $"{workspace.Migrations}(1,1): error MIG1017: The folder {workspace.Migrations} cannot be read: permission denied");
    }

    [TestMethod]
    public async Task Model_folder_the_user_may_not_list_is_MIG1017()
    {
        using var workspace = new CliWorkspace();
        workspace.WriteUsersMigration();
        workspace.Write("model/users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL);\n");
        var hidden = workspace.PathOf("model/more");
        workspace.Write("model/more/leads.sql", "CREATE TABLE leads (id INT);\n");
        File.SetUnixFileMode(hidden, UnixFileMode.None);

        var run = await EngineProcess.RunUnprivilegedAsync("check", "--migrations", workspace.Migrations, "--model", workspace.PathOf("model"));

        File.SetUnixFileMode(hidden, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        AssertError(run, $"{hidden}(1,1): error MIG1017: The folder '{hidden}' cannot be read: permission denied");
    }

    private static void AssertError(EngineRun run, string lineStart)
    {
        Assert.AreEqual(1, run.ExitCode, run.ToString());
        Assert.IsTrue(run.Output.Any(line => line.StartsWith(lineStart, StringComparison.Ordinal)), $"No line starts with:\n{lineStart}\n{run}");
        Assert.DoesNotContain("MIG9001", run.AllText, run.ToString());
        run.AssertNoStackTrace();
    }

    /// <summary>Makes a FIFO, a listening socket (returned, to be disposed) or a symbolic link to a device at <paramref name="path"/>.</summary>
    private static Socket? MakeSpecial(string kind, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        switch (kind)
        {
            case "fifo":
                using (var mkfifo = Process.Start("mkfifo", [path]))
                {
                    mkfifo.WaitForExit();
                    Assert.AreEqual(0, mkfifo.ExitCode, "mkfifo failed");
                }

                return null;
            case "socket":
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                socket.Bind(new UnixDomainSocketEndPoint(path));
                return socket;
            default:
                File.CreateSymbolicLink(path, kind);
                return null;
        }
    }
}
