using System.CommandLine;
using Migrations.Build.Checks;
using Migrations.Build.Diagnostics;
using Migrations.Build.Providers;
using Migrations.Build.Schema;

namespace Migrations.Build.Cli;

/// <summary><c>check</c>: runs every check on a migrations folder and prints the diagnostics and a summary.</summary>
public static class CheckCommand
{
    public const string ConnectionStringVariable = EngineProtocol.ConnectionStringVariable;

    /// <summary>The command's options in one line, shown by the root <c>--help</c> (which otherwise lists only command names).</summary>
    public static readonly string Synopsis =
        $"check --migrations DIR [--model PATH] [--provider {string.Join('|', ProviderRegistry.Names)}] [--connection-file FILE|-] [--setup-script FILE] [--pending-table NAME]... "
        + "[--ignore NAME]... [--downgrade all|last:N|none] [--require-downgrade] [--layout NAME] [--report-dir DIR] "
        + "[--lock-file FILE] [--update-lock] [--repository-root DIR] [--project-file FILE] [--format text|json] [--statement-timeout SECONDS] [--verbose] " + EfCoreOptions.Synopsis;

    public static Command Create()
    {
        var migrations = new Option<string>("--migrations") { Description = "The folder that holds the migrations.", Required = true };
        var model = new Option<string?>("--model") { Description = "The model: a schema.sql file or a folder of .sql files (declarative schema)." };
        var provider = new Option<string>("--provider") { Description = ProviderOptionDescription(), DefaultValueFactory = _ => ProviderRegistry.Default.Name };
        var connection = new ConnectionOptions();
        var sqlServerVersion = new Option<string?>("--sqlserver-version") { Description = $"SqlServer: the version T-SQL is parsed and the model built for, a release year (2016 … 2025) or a compatibility level (130 … 170); default the newest. Also read from {EngineProtocol.SqlServerVersionVariable} (MigrationsSqlServerVersion)." };
        var environment = new RunnerEnvironmentOptions();
        var pending = new Option<string[]>("--pending-table") { Description = "A model table allowed to have no migration yet (repeatable)." };
        var ignore = new Option<string[]>("--ignore") { Description = "An object left out of the checks; * and ? wildcards, table.child for children (repeatable)." };
        var downgrade = new Option<string>("--downgrade") { Description = "Which downgrades to prove: all, last:N or none.", DefaultValueFactory = _ => "all" };
        var requireDowngrade = new Option<bool>("--require-downgrade") { Description = "A migration without a down is an error." };
        var layout = new Option<string?>("--layout") { Description = "Force a layout: golang-migrate, flyway, folder, dbmate, goose, diesel, sql-migrate, by-name (files applied in name order; never detected)." };
        var reportDir = new Option<string?>("--report-dir") { Description = "Write schema snapshots, summary.md, migrations.sarif, junit.xml and codequality.json here." };
        var lockFile = new Option<string?>("--lock-file") { Description = "The history lock (default: migrations.lock in the migrations folder)." };
        var updateLock = new Option<bool>("--update-lock") { Description = "Create the history lock (migrations.lock) if it does not exist; an existing one is extended after every passing run." };
        var repositoryRoot = new Option<string?>("--repository-root") { Description = "Report paths are relative to this folder (default: the nearest folder upwards with .git, else the project folder)." };
        var projectFile = new Option<string?>("--project-file") { Description = "The project file: reports place a diagnostic that belongs to no file here." };
        var format = new Option<string>("--format") { Description = "Output: text (default) or json (one JSON object per line, for the MSBuild task).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var statementTimeout = new Option<int>("--statement-timeout") { Description = "Stop a statement of a migration or the model that runs longer than SECONDS (MIG2010); 0 turns it off.", DefaultValueFactory = _ => (int)ValidationRequest.DefaultStatementTimeout.TotalSeconds };
        var verbose = new Option<bool>("--verbose") { Description = "Print progress, info diagnostics and stack traces of internal errors." };

        var efCore = new EfCoreOptions();
        var command = new Command("check", "Validate migrations: history, upgrade, drift against the model, downgrade proofs.")
        {
            migrations, model, provider, pending, ignore, downgrade, requireDowngrade, layout, reportDir, lockFile, updateLock, repositoryRoot, projectFile, format, statementTimeout, sqlServerVersion, verbose,
        };
        foreach (var option in connection.All.Concat(environment.All).Concat(efCore.All))
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parsed, cancellationToken) =>
        {
            var json = parsed.GetValue(format) == "json";
            IResultWriter writer = json ? new JsonLinesResultWriter(Console.Out) : new TextResultWriter(Console.Out, parsed.GetValue(verbose));
            if (!DowngradeScope.TryParse(parsed.GetValue(downgrade) ?? "all", out var scope))
            {
                writer.Diagnostic(new Diagnostic(DiagnosticCodes.InvalidOption, $"--downgrade '{parsed.GetValue(downgrade)}' is not valid: use all, last:N (N > 0) or none (MigrationsDowngradeCheck)."));
                return EngineProtocol.ExitCodes.UsageError;
            }

            var timeoutSeconds = parsed.GetValue(statementTimeout);
            if (timeoutSeconds < 0)
            {
                writer.Diagnostic(new Diagnostic(DiagnosticCodes.InvalidOption, $"--statement-timeout {timeoutSeconds} is not valid: use a number of seconds, or 0 for no limit (MigrationsStatementTimeout)."));
                return EngineProtocol.ExitCodes.UsageError;
            }

            var connectionString = connection.Resolve(parsed, out var connectionProblem);
            if (connectionProblem is not null)
            {
                writer.Diagnostic(connectionProblem);
                return EngineProtocol.ExitCodes.UsageError;
            }

            if (parsed.GetValue(sqlServerVersion) is { Length: > 0 } version)
            {
                // The add-on reads its version where the targets put it; the option is the same setting by hand.
                Environment.SetEnvironmentVariable(EngineProtocol.SqlServerVersionVariable, version);
            }

            var efProject = efCore.Project(parsed, out var efError);
            if (efError is not null)
            {
                writer.Diagnostic(new Diagnostic(DiagnosticCodes.InvalidOption, efError));
                return EngineProtocol.ExitCodes.UsageError;
            }

            var request = new ValidationRequest(Path.GetFullPath(parsed.GetValue(migrations)!))
            {
                ModelPath = parsed.GetValue(model) is { Length: > 0 } m ? Path.GetFullPath(m) : null,
                Provider = parsed.GetValue(provider) ?? ProviderRegistry.Default.Name,
                ConnectionString = connectionString,
                PendingTables = (parsed.GetValue(pending) ?? []).ToValueList(),
                Ignore = (parsed.GetValue(ignore) ?? []).ToValueList(),
                Downgrade = scope,
                RequireDowngrade = parsed.GetValue(requireDowngrade),
                Layout = parsed.GetValue(layout),
                ReportDirectory = parsed.GetValue(reportDir) is { Length: > 0 } r ? Path.GetFullPath(r) : null,
                LockFile = parsed.GetValue(lockFile) is { Length: > 0 } l ? Path.GetFullPath(l) : null,
                UpdateLock = parsed.GetValue(updateLock),
                RepositoryRoot = parsed.GetValue(repositoryRoot) is { Length: > 0 } root ? Path.GetFullPath(root) : null,
                ProjectFile = parsed.GetValue(projectFile) is { Length: > 0 } project ? Path.GetFullPath(project) : null,
                EfCore = efProject,
                StatementTimeout = timeoutSeconds == 0 ? null : TimeSpan.FromSeconds(timeoutSeconds),
            };
            return await CheckExecution.RunAsync(environment.Apply(parsed, request), writer, json, cancellationToken);
        });
        return command;
    }

    /// <summary>"The engine: Sqlite (default) or PostgreSql (also Postgres, Npgsql).", from the registry; an unknown
    /// name is left to the registry's MIG0003 rather than refused by the parser, so the CLI and the task report it alike.</summary>
    private static string ProviderOptionDescription()
    {
        var names = ProviderRegistry.All.Select(p => p.Aliases.Count == 0
            ? p.Name
            : $"{p.Name} (also {string.Join(", ", p.Aliases)})").ToList();
        names[0] += " (default)";
        return $"The engine: {WordList.Or(names)}. Case does not matter.";
    }
}
