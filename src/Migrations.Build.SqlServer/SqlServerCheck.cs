using Migrations.Build.Checks;
using Migrations.Build.Cli;
using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;
using Migrations.Build.Providers;
using Migrations.Build.Schema;
using Migrations.Build.SqlServer.Models;
using Migrations.Build.SqlServer.Parsing;
using Migrations.Build.SqlServer.Server;

namespace Migrations.Build.SqlServer;

/// <summary>A SQL Server check: what needs no server always runs (history, the T-SQL syntax of every up and down,
/// the model loaded and validated by DacFx); with a server, the engine's checks then replay the migrations on
/// scratch databases; without one, those checks are a visible "not run" (MIG0031), never a silent pass.</summary>
public static class SqlServerCheck
{
    public static async Task<ValidationResult> RunAsync(ValidationRequest request, Action<string>? progress, CancellationToken cancellationToken)
    {
        var registration = ProviderRegistry.Resolve("SqlServer");
        var version = TSqlVersion.FromEnvironment();
        var migrations = CheckComposition.MigrationSource(request);
        var model = request.ModelPath is { } path ? new SqlServerModelSource(path, version) : null;
        if ((migrations.Problem ?? model?.Problem) is { } problem)
        {
            return new ValidationResult(request, registration.DisplayName) { Diagnostics = ValueList.Of(problem) };
        }

        var set = migrations.Load(registration.Dialect);
        var syntax = Syntax(set, version);
        if (!string.IsNullOrEmpty(request.ConnectionString) && !syntax.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            await using var provider = await SqlServerProvider.CreateAsync(request.ConnectionString, cancellationToken);
            var result = await CheckRunner.RunAsync(request, migrations, model, provider, progress, cancellationToken);
            return result with { Checks = [syntax.Outcome, .. result.Checks], Diagnostics = [.. syntax.Diagnostics, .. result.Diagnostics] };
        }

        progress?.Invoke("Loading the model with DacFx");
        var history = HistoryCheck.Run(set, migrations.LockFile);
        var content = model?.Load(registration.Dialect);
        var modelReport = content is null
            ? CheckReport.NotRun("model", "no model")
            : CheckReport.Of("model", content.Diagnostics, $"model {model!.ObjectCount} objects {(content.IsUsable ? "valid" : "invalid")}");
        var notRun = NotRun(request, syntax);
        CheckReport[] reports = [history, syntax, modelReport, notRun];
        var diagnostics = reports.SelectMany(r => r.Diagnostics).ToValueList();
        if (File.Exists(migrations.LockFile) && !diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            HistoryLock.AppendNew(migrations.LockFile, HistoryLock.Read(migrations.LockFile), set);
        }

        return new ValidationResult(request, registration.DisplayName)
        {
            Diagnostics = diagnostics,
            Migrations = set.Migrations,
            ModelSchema = content?.Schema,
            Checks = reports.Select(r => r.Outcome).ToValueList(),
            NotVerifiable = registration.Capabilities.NotVerifiable,
        };
    }

    /// <summary>Every up (MIG2030) and down (MIG4030) parsed, batch by batch, for the target version.</summary>
    private static CheckReport Syntax(MigrationSet set, TSqlVersion version)
    {
        var check = new TSqlSyntaxCheck(version);
        var diagnostics = new List<Diagnostic>();
        var scripts = 0;
        foreach (var migration in set.Migrations)
        {
            diagnostics.AddRange(check.Check(migration.Up, DiagnosticCodes.UpSyntaxError));
            scripts++;
            if (migration.Down is { } down)
            {
                diagnostics.AddRange(check.Check(down, DiagnosticCodes.DownSyntaxError));
                scripts++;
            }
        }

        var failed = diagnostics.Select(d => d.Location?.Path).Distinct().Count();
        return CheckReport.Of("syntax", diagnostics, failed == 0 ? $"T-SQL {scripts}/{scripts} scripts parse" : $"T-SQL {failed} of {scripts} scripts do not parse");
    }

    private static CheckReport NotRun(ValidationRequest request, CheckReport syntax)
    {
        if (!string.IsNullOrEmpty(request.ConnectionString))
        {
            // A server was given, but scripts that do not parse would only fail on it: fix them first.
            return CheckReport.NotRun("server", "upgrade, drift and downgrades not run (syntax errors)");
        }

        var warning = new Diagnostic(
            DiagnosticCodes.ServerChecksNotRun,
            "The upgrade, drift and downgrade checks need a SQL Server and did not run: only the history, the T-SQL syntax and the model were checked. "
            + $"Set MigrationsConnectionString (or the environment variable {EngineProtocol.ConnectionStringVariable}) to a SQL Server on which scratch databases may be created.");
        return CheckReport.NotRun("server", "upgrade, drift and downgrades not run (no server: set MigrationsConnectionString)", [warning]);
    }
}
