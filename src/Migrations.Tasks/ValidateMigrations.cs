using System.ComponentModel;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Migrations.Build.Cli;
using Migrations.Build.Diagnostics;

namespace Migrations.Tasks;

/// <summary>
/// Runs the validation engine (<c>Migrations.Build.dll check --format json</c>) in its own process and logs each
/// diagnostic it reports as a build error or warning at the file and line it names.
/// </summary>
public sealed class ValidateMigrations : Microsoft.Build.Utilities.Task, ICancelableTask
{
    /// <summary>The variable the engine reads the connection string from, so that it never appears on a command line.</summary>
    public const string ConnectionStringVariable = EngineProtocol.ConnectionStringVariable;

    private static readonly TimeSpan CancelGracePeriod = TimeSpan.FromSeconds(10);
    private const int StandardErrorLinesKept = 10;

    private readonly object _engineLock = new();
    private EngineProcess? _engine;
    private volatile bool _canceled;
    private VisibleMessages? _visible;

    [Required]
    public string MigrationsDirectory { get; set; } = "";

    public string? Model { get; set; }

    public string? Provider { get; set; }

    /// <summary>SQL files (full paths, <c>;</c>-separated, run in order) run in every scratch database before the
    /// migrations, as the engine's own role (<c>MigrationsSetupScript</c>); empty: none.</summary>
    public string? SetupScript { get; set; }

    /// <summary>A server for scratch databases; passed to the engine in <see cref="ConnectionStringVariable"/>, never logged.</summary>
    public string? ConnectionString { get; set; }

    public ITaskItem[] PendingTables { get; set; } = [];

    public ITaskItem[] Ignore { get; set; } = [];

    /// <summary><c>All</c>, <c>Last</c>, <c>Last:N</c> or <c>None</c>.</summary>
    public string? DowngradeCheck { get; set; }

    /// <summary>Seconds one statement may run before it is stopped (MIG2010); 0 turns the limit off; empty: the engine's 300.</summary>
    public string? StatementTimeout { get; set; }

    /// <summary><c>true</c> (default) or <c>false</c>: whether SQLite's scratch databases enforce foreign keys.</summary>
    public string? SqliteForeignKeys { get; set; }

    public bool RequireDowngrade { get; set; }

    public string? Layout { get; set; }

    public string? ReportDirectory { get; set; }

    /// <summary>The folder report paths are relative to (<c>MigrationsRepositoryRoot</c>); empty: the engine takes the
    /// nearest folder upwards with <c>.git</c>, else the project folder.</summary>
    public string? RepositoryRoot { get; set; }

    /// <summary>The engine: the portable <c>Migrations.Build.dll</c> (in the package: <c>tools/net8.0/</c>), run on
    /// the dotnet host, or a native executable (<c>tools/linux-x64/Migrations.Build</c>), run directly.</summary>
    [Required]
    public string EnginePath { get; set; } = "";

    /// <summary>The <c>dotnet</c> host (MSBuild passes <c>$(DOTNET_HOST_PATH)</c>); empty: <c>dotnet</c> on PATH.</summary>
    public string? DotnetHostPath { get; set; }

    /// <summary>Arguments for the dotnet host before the engine's assembly (an add-on engine's <c>exec --depsfile …
    /// --runtimeconfig … --additionalprobingpath …</c>, so that its dependencies load from the NuGet package folder).</summary>
    public string[] EngineHostArguments { get; set; } = [];

    /// <summary>Environment variables for the engine, <c>NAME=value</c> (e.g. an add-on's own settings).</summary>
    public string[] EngineEnvironment { get; set; } = [];

    /// <summary>Where a diagnostic without a location points: the project file (MSBuild would name this package's targets file).</summary>
    public string? ProjectFile { get; set; }

    /// <summary>At most one visible progress line per this many seconds (0: every step); the rest are low-importance.</summary>
    public int ProgressIntervalSeconds { get; set; } = 5;

    /// <summary><c>Sql</c> (default) or <c>EfCore</c>: an EF Core project, read from <see cref="EfAssembly"/> by the EF bridge.</summary>
    public string? Source { get; set; }

    /// <summary>EF Core: the built assembly (its deps.json and runtimeconfig.json beside it).</summary>
    public string? EfAssembly { get; set; }

    /// <summary>EF Core: the DbContexts to check; none: every context.</summary>
    public ITaskItem[] EfContexts { get; set; } = [];

    /// <summary>EF Core: <c>NAME=value</c> design-time environment variables, given to the engine (and so the bridge)
    /// as its environment, never on its command line.</summary>
    public ITaskItem[] EfEnvironment { get; set; } = [];

    /// <summary>EF Core: a file listing the project's C# files (its Compile items), one a line.</summary>
    public string? EfSourcesFile { get; set; }

    public string? EfBridgePath { get; set; }

    /// <summary>EF Core: the NuGet package folder ($(NuGetPackageRoot)), probed for the app's dependencies.</summary>
    public string? EfPackageFolder { get; set; }

    public override bool Execute()
    {
        if (_canceled)
        {
            return false;
        }

        if (!File.Exists(EnginePath))
        {
            LogEngineError($"The validation engine was not found at '{EnginePath}'. The Migrations.Build package is incomplete: clear it from the NuGet cache and restore again.");
            return false;
        }

        var (program, arguments) = EngineCommand();
        Log.LogMessage(MessageImportance.Low, "Running the migrations engine: {0} {1}", program, CommandLineText.Join(arguments));

        // Only set when given: otherwise the engine reads the variable the build itself inherited (CI secrets).
        var environment = new Dictionary<string, string>();
        if (!string.IsNullOrEmpty(ConnectionString))
        {
            environment[ConnectionStringVariable] = ConnectionString!;
        }

        AddVariables(environment, EfEnvironment.Select(variable => variable.ItemSpec));
        AddVariables(environment, EngineEnvironment);

        EngineProcess engine;
        try
        {
            engine = EngineProcess.Start(program, arguments, environment);
        }
        catch (Win32Exception e)
        {
            LogEngineError(program == EnginePath
                ? $"Could not start the validation engine '{program}': {e.Message}. Set MigrationsEnginePath to the package's tools/net8.0/Migrations.Build.dll to run the portable engine instead."
                : $"Could not start '{program}' to run the validation engine: {e.Message}. Make sure the .NET runtime is installed, or set DOTNET_HOST_PATH to the dotnet executable.");
            return false;
        }

        using (engine)
        {
            lock (_engineLock)
            {
                _engine = engine;
            }

            // Cancel may have come while the engine was starting, before it could be told.
            if (_canceled)
            {
                Cancel();
            }

            _visible = new VisibleMessages(Log, TimeSpan.FromSeconds(Math.Max(0, ProgressIntervalSeconds)));
            var standardError = new Queue<string>();
            foreach (var output in engine.ReadOutput())
            {
                if (output.IsError)
                {
                    Log.LogMessage(MessageImportance.Low, output.Text, []);
                    standardError.Enqueue(output.Text);
                    if (standardError.Count > StandardErrorLinesKept)
                    {
                        standardError.Dequeue();
                    }
                }
                else
                {
                    LogEngineLine(EngineLine.Parse(output.Text));
                }
            }

            var exitCode = engine.WaitForExit();
            lock (_engineLock)
            {
                _engine = null;
            }

            if (_canceled)
            {
                return false;
            }

            if (!EngineProtocol.ExitCodes.IsKnown(exitCode) || (exitCode != 0 && !Log.HasLoggedErrors))
            {
                var lastLines = standardError.Count == 0 ? "" : " Last output: " + string.Join(" | ", standardError);
                LogEngineError($"The validation engine stopped unexpectedly with exit code {exitCode}.{lastLines}");
            }

            return !Log.HasLoggedErrors;
        }
    }

    /// <summary>Asks the engine to drop its scratch databases and stop; kills it only after a grace period.</summary>
    public void Cancel()
    {
        _canceled = true;
        EngineProcess? engine;
        lock (_engineLock)
        {
            engine = _engine;
        }

        // MSBuild expects Cancel to return promptly; the grace period runs on the thread pool.
        if (engine is not null)
        {
            ThreadPool.QueueUserWorkItem(_ => engine.Stop(CancelGracePeriod));
        }
    }

    /// <summary>A native engine (no .dll) runs itself; the portable one runs on the dotnet host. A native engine
    /// that cannot be made executable (a read-only package cache) gives way to the portable one beside it.</summary>
    private (string Program, List<string> Arguments) EngineCommand()
    {
        var host = string.IsNullOrEmpty(DotnetHostPath) ? "dotnet" : DotnetHostPath!;
        if (EnginePath.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            return (host, [.. EngineHostArguments, .. EngineArguments(EnginePath)]);
        }

        if (ExecutablePermission.TryEnsure(EnginePath))
        {
            return (EnginePath, EngineArguments(null));
        }

        var portable = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(EnginePath)!, "..", "net8.0", "Migrations.Build.dll"));
        Log.LogMessage(MessageImportance.Normal, "The native engine '{0}' cannot be made executable; running the portable engine '{1}'.", EnginePath, portable);
        return (host, EngineArguments(portable));
    }

    private List<string> EngineArguments(string? assembly)
    {
        var arguments = new List<string>();
        if (assembly is not null)
        {
            arguments.Add(assembly);
        }

        arguments.AddRange(["check", "--migrations", MigrationsDirectory, "--format", EngineProtocol.JsonFormat]);
        AddOption(arguments, "--model", Model);
        AddOption(arguments, "--provider", Provider);
        foreach (var setup in (SetupScript ?? "").Split([';'], StringSplitOptions.RemoveEmptyEntries))
        {
            AddOption(arguments, "--setup-script", setup);
        }

        AddOption(arguments, "--downgrade", DowngradeCheck?.ToLowerInvariant());
        AddOption(arguments, "--statement-timeout", StatementTimeout);
        // Only when it differs from the engine's default: an add-on's engine (SqlServer) need not know the option.
        AddOption(arguments, "--sqlite-foreign-keys", string.Equals(SqliteForeignKeys?.Trim(), "true", StringComparison.OrdinalIgnoreCase) ? null : SqliteForeignKeys?.ToLowerInvariant());
        AddOption(arguments, "--layout", Layout);
        AddOption(arguments, "--report-dir", ReportDirectory);
        AddOption(arguments, "--repository-root", RepositoryRoot);
        AddOption(arguments, "--project-file", ProjectFile);
        foreach (var table in PendingTables)
        {
            AddOption(arguments, "--pending-table", table.ItemSpec);
        }

        foreach (var name in Ignore)
        {
            AddOption(arguments, "--ignore", name.ItemSpec);
        }

        if (RequireDowngrade)
        {
            arguments.Add("--require-downgrade");
        }

        if (string.Equals(Source, "EfCore", StringComparison.OrdinalIgnoreCase))
        {
            arguments.AddRange(["--source", "efcore"]);
            AddOption(arguments, "--ef-assembly", EfAssembly);
            AddOption(arguments, "--ef-project", ProjectFile);
            AddOption(arguments, "--ef-sources", EfSourcesFile);
            AddOption(arguments, "--ef-bridge", EfBridgePath);
            AddOption(arguments, "--ef-packages", EfPackageFolder);
            foreach (var context in EfContexts)
            {
                AddOption(arguments, "--ef-context", context.ItemSpec);
            }
        }

        return arguments;
    }

    /// <summary>Adds each <c>NAME=value</c> (design-time variables of an EF Core app, an add-on engine's settings).</summary>
    private static void AddVariables(Dictionary<string, string> environment, IEnumerable<string> settings)
    {
        foreach (var setting in settings)
        {
            var equals = setting.IndexOf('=');
            if (equals > 0 && equals < setting.Length - 1)
            {
                environment[setting.Substring(0, equals).Trim()] = setting.Substring(equals + 1);
            }
        }
    }

    private static void AddOption(List<string> arguments, string option, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            arguments.Add(option);
            arguments.Add(value!.Trim());
        }
    }

    /// <summary>Logs one line of the engine. Its file and message are escaped again here (the engine escapes them
    /// too, but an add-on's engine is another program): MSBuild prints a file name as it is, and one with a line break
    /// would print a forged <c>file(1,1): error …</c> line of its own.</summary>
    private void LogEngineLine(EngineLine line)
    {
        var file = line.File is null ? null : PrintableText.Escape(line.File);
        var message = PrintableText.Escape(line.Message);
        switch (line.Kind)
        {
            case EngineLineKind.Diagnostic when line.Severity == EngineProtocol.Severities.Error:
                Log.LogError(null, line.Code, line.Code, line.HelpLink, file ?? ProjectFile, line.Line, line.Column, 0, 0, message, []);
                break;
            case EngineLineKind.Diagnostic when line.Severity == EngineProtocol.Severities.Warning:
                Log.LogWarning(null, line.Code, line.Code, line.HelpLink, file ?? ProjectFile, line.Line, line.Column, 0, 0, message, []);
                break;
            case EngineLineKind.Diagnostic:
                var origin = file is null ? "" : $"{file}({line.Line},{line.Column}): ";
                Log.LogMessage(MessageImportance.Normal, $"{origin}{EngineProtocol.Severities.Info} {line.Code}: {message}", []);
                break;
            case EngineLineKind.Summary:
                _visible!.Show(message);
                break;
            case EngineLineKind.Progress when _visible!.ShowProgress(message):
                break;
            default:
                Log.LogMessage(MessageImportance.Low, message, []);
                break;
        }
    }

    private void LogEngineError(string message) =>
        Log.LogError(null, EngineProtocol.EngineCrashedCode, EngineProtocol.EngineCrashedCode, $"{EngineProtocol.DocumentationUrl}#{EngineProtocol.EngineCrashedCode.ToLowerInvariant()}", ProjectFile, 0, 0, 0, 0, message, []);
}
