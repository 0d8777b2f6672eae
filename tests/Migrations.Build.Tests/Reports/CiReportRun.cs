using Migrations.Build.Tests.Cli;

namespace Migrations.Build.Tests.Reports;

/// <summary>One real check through the engine process with <c>--report-dir</c>, in a workspace seeded from
/// <c>TestData/Cli/&lt;case&gt;</c>; the reports are read back from the folder it wrote.</summary>
internal sealed class CiReportRun : IDisposable
{
    private readonly bool _ownsWorkspace;

    private CiReportRun(CliWorkspace workspace, EngineRun run, bool ownsWorkspace)
    {
        Workspace = workspace;
        Run = run;
        _ownsWorkspace = ownsWorkspace;
    }

    public CliWorkspace Workspace { get; }

    public EngineRun Run { get; }

    public string Reports => Workspace.PathOf("reports");

    public string Sarif => Path.Combine(Reports, "migrations.sarif");

    public string JUnit => Path.Combine(Reports, "junit.xml");

    public string CodeQuality => Path.Combine(Reports, "codequality.json");

    public string Summary => Path.Combine(Reports, "summary.md");

    /// <summary>Runs the check on the case with its model (when it has one) on <paramref name="provider"/>; on
    /// PostgreSQL without a server the engine starts a temporary cluster, and a machine without PostgreSQL's
    /// binaries makes the test inconclusive (a failure on CI).</summary>
    public static async Task<CiReportRun> StartAsync(string testCase, string provider, IEnumerable<string>? extraArguments = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var workspace = new CliWorkspace(testCase);
        return await StartAsync(workspace, provider, extraArguments, environment, ownsWorkspace: true);
    }

    /// <summary>Runs the check in a workspace the caller keeps (and disposes).</summary>
    public static Task<CiReportRun> StartAsync(CliWorkspace workspace, string provider, IEnumerable<string>? extraArguments = null, IReadOnlyDictionary<string, string?>? environment = null) =>
        StartAsync(workspace, provider, extraArguments, environment, ownsWorkspace: false);

    private static async Task<CiReportRun> StartAsync(CliWorkspace workspace, string provider, IEnumerable<string>? extraArguments, IReadOnlyDictionary<string, string?>? environment, bool ownsWorkspace)
    {
        List<string> arguments = ["check", "--migrations", workspace.Migrations, "--provider", provider, "--report-dir", workspace.PathOf("reports")];
        if (File.Exists(workspace.Model))
        {
            arguments.AddRange(["--model", workspace.Model]);
        }

        arguments.AddRange(extraArguments ?? []);
        var run = await EngineProcess.RunAsync(arguments, environment, TimeSpan.FromMinutes(3));
        if (run.ExitCode == 2 && run.AllText.Contains("MIG0007", StringComparison.Ordinal))
        {
            if (ownsWorkspace)
            {
                workspace.Dispose();
            }

            TestPreconditions.CannotRun("PostgreSQL report tests", "No PostgreSQL server binaries (initdb, pg_ctl) to start a temporary cluster: " + run.AllText);
        }

        return new CiReportRun(workspace, run, ownsWorkspace);
    }

    public void Dispose()
    {
        if (_ownsWorkspace)
        {
            Workspace.Dispose();
        }
    }
}
