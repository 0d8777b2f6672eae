using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Migrations.Build.Tests.Cli;

/// <summary>The bad-input corpus (TestData/BadInputs/&lt;case&gt;/, described in its README.md): every case ends in a
/// clear error: exit code 1 or 2, its expected MIG code (never MIG9001), no stack trace, the file named.</summary>
[TestClass]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed partial class BadInputCorpusTests
{
    private static string Corpus => Path.Combine(AppContext.BaseDirectory, "TestData", "BadInputs");

    public static IEnumerable<object[]> Cases => Directory.GetDirectories(Path.Combine(AppContext.BaseDirectory, "TestData", "BadInputs"))
        .Where(folder => File.Exists(Path.Combine(folder, "case.txt")))
        .Select(folder => new object[] { Path.GetFileName(folder) })
        .Order(Comparer<object[]>.Create((a, b) => string.CompareOrdinal((string)a[0], (string)b[0])));

    [TestMethod]
    public void The_corpus_holds_at_least_120_inputs() => Assert.IsGreaterThanOrEqualTo(120, Cases.Count());

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public async Task Bad_input_is_a_clear_error(string name)
    {
        var spec = BadInputCase.Read(Path.Combine(Corpus, name, "case.txt"));
        using var workspace = new CliWorkspace();
        CopyInto(Path.Combine(Corpus, name), workspace.Root);
        var sockets = new List<Socket>();
        try
        {
            foreach (var directive in spec.Make)
            {
                Make(workspace.Root, directive, sockets);
            }

            string[] arguments = ["check", .. spec.Arguments.Contains("--migrations") ? [] : new[] { "--migrations", "Migrations" }, .. spec.Arguments];
            var run = spec.Make.Any(m => m.StartsWith("chmod ", StringComparison.Ordinal))
                ? await EngineProcess.RunUnprivilegedAsync(arguments, workspace.Root)
                : await EngineProcess.RunAsync(arguments, spec.Environment, TimeSpan.FromSeconds(90), workspace.Root);

            Assert.AreEqual(spec.ExitCode, run.ExitCode, run.ToString());
            Assert.Contains(spec.Code, run.AllText, run.ToString());
            Assert.DoesNotContain("MIG9001", run.AllText, run.ToString());
            run.AssertNoStackTrace();
            if (spec.File is { } file)
            {
                Assert.Contains(Path.Combine(workspace.Root, file), run.AllText, $"{file} is not named:\n{run}");
            }
        }
        finally
        {
            foreach (var socket in sockets)
            {
                socket.Dispose();
            }

            foreach (var folder in Directory.GetDirectories(workspace.Root, "*", SearchOption.AllDirectories))
            {
                File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
    }

    private static void CopyInto(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative is "case.txt" || Path.GetFileName(relative) == ".keep")
            {
                Directory.CreateDirectory(Path.Combine(target, Path.GetDirectoryName(relative)!));
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, relative))!);
            File.Copy(file, Path.Combine(target, relative));
        }
    }

    private static void Make(string root, string directive, List<Socket> sockets)
    {
        var (kind, rest) = (directive.Split(' ', 2)[0], directive.Split(' ', 2)[1]);
        var parts = rest.Split(' ', 2);
        var path = Path.Combine(root, parts[0]);
        switch (kind)
        {
            case "rename":
                var names = JsonSerializer.Deserialize<string[]>(rest)!;
                File.Move(Path.Combine(root, names[0]), Path.Combine(root, names[1]));
                return;
            case "chmod":
                File.SetUnixFileMode(Path.Combine(root, parts[1]), (UnixFileMode)Convert.ToInt32(parts[0], 8));
                return;
            case "rawname":
                // A name that is not UTF-8: made by the shell, which writes bytes (.NET would encode the name).
                var octal = HexEscape().Replace(parts[0], m => "\\" + Convert.ToString(Convert.ToInt32(m.Groups[1].Value, 16), 8).PadLeft(3, '0'));
                Shell($"printf '%s\\n' '{parts[1]}' > \"$(printf '{root}/{octal}')\"");
                return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        switch (kind)
        {
            case "fifo":
                Shell($"mkfifo '{path}'");
                break;
            case "socket":
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                socket.Bind(new UnixDomainSocketEndPoint(path));
                sockets.Add(socket);
                break;
            case "link":
                File.CreateSymbolicLink(path, parts[1]);
                break;
            case "sparse":
                using (var file = File.Create(path))
                {
                    file.SetLength(long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
                }

                break;
            default:
                Assert.Fail($"Unknown make directive: {directive}");
                break;
        }
    }

    private static void Shell(string command)
    {
        using var shell = Process.Start("/bin/sh", ["-c", command])!;
        shell.WaitForExit();
        Assert.AreEqual(0, shell.ExitCode, command);
    }

    /// <summary>One case.txt.</summary>
    private sealed record BadInputCase(string Code, int ExitCode, string? File, IReadOnlyList<string> Arguments, Dictionary<string, string?> Environment, IReadOnlyList<string> Make)
    {
        public static BadInputCase Read(string path)
        {
            string code = "", file = "";
            var exit = -1;
            string[] arguments = [];
            var environment = new Dictionary<string, string?>();
            var make = new List<string>();
            foreach (var line in System.IO.File.ReadAllLines(path, Encoding.UTF8).Where(l => l.Length > 0 && !l.StartsWith('#')))
            {
                var (key, value) = (line.Split(": ", 2)[0], line.Split(": ", 2)[1]);
                switch (key)
                {
                    case "expect": code = value; break;
                    case "exit": exit = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
                    case "file": file = value; break;
                    case "args": arguments = JsonSerializer.Deserialize<string[]>(value)!; break;
                    case "env": environment[value.Split('=', 2)[0]] = value.Split('=', 2)[1]; break;
                    case "make": make.Add(value); break;
                    default: Assert.Fail($"{path}: unknown key {key}"); break;
                }
            }

            Assert.IsTrue(CodePattern().IsMatch(code) && exit is 1 or 2, $"{path} must give expect: MIGnnnn and exit: 1 or 2");
            return new BadInputCase(code, exit, file.Length == 0 ? null : file, arguments, environment, make);
        }
    }

    [GeneratedRegex(@"\\x([0-9a-fA-F]{2})")]
    private static partial Regex HexEscape();

    [GeneratedRegex(@"^MIG\d{4}$")]
    private static partial Regex CodePattern();
}
