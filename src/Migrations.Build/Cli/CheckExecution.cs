using System.Runtime.InteropServices;
using Migrations.Build.Checks;
using Migrations.Build.Diagnostics;
using Migrations.Build.Reports;

namespace Migrations.Build.Cli;

/// <summary>Runs a request, renders its result and maps it to an exit code; handles cancellation.</summary>
public static class CheckExecution
{
    public static async Task<int> RunAsync(ValidationRequest request, IResultWriter writer, bool watchStandardInput, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // Everything the run prints passes through one redactor that knows the connection string; the report folder
        // is the other boundary (ReportDirectoryWriter), for what the run writes.
        writer = new RedactingResultWriter(writer, SecretRedactor.For(request.ConnectionString));
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        // Ctrl+C and SIGTERM cancel the run like the "cancel" line does, so the scratch databases are dropped; the
        // signal itself is swallowed (Cancel = true), otherwise the runtime ends the process at once.
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, CancelRun);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, CancelRun);
        if (watchStandardInput)
        {
            StandardInputCancellation.Watch(cancellation);
        }

        ValidationResult result;
        var run = CheckComposition.RunAsync(request, writer.Progress, cancellation.Token);
        CancelDeadline.Arm(cancellation.Token, run, writer.Progress);
        try
        {
            result = await run;
        }
        catch (Exception exception) when (cancellation.IsCancellationRequested)
        {
            // Whatever ended the run once it was cancelled is the cancel (a terminal's Ctrl+C also reaches the tools
            // the engine started); a scratch database that could not be dropped is said, not claimed dropped.
            var leftBehind = (exception as CheckCancelledException)?.LeftBehind ?? [];
            foreach (var diagnostic in leftBehind)
            {
                writer.Diagnostic(diagnostic);
            }

            writer.Progress(leftBehind.Count == 0
                ? "cancelled; scratch databases dropped"
                : $"cancelled; {leftBehind.Count} scratch database(s) could not be dropped (the next check drops them)");
            return EngineProtocol.ExitCodes.Cancelled;
        }

        // Most important first, in the build as in the reports: CI pages show only the first few (GitHub: 10
        // annotations per step). The progress lines streamed while the checks ran are not held back by this.
        result = result with { Diagnostics = DiagnosticOrder.MostImportantFirst(result.Diagnostics) };
        foreach (var diagnostic in result.Diagnostics)
        {
            writer.Diagnostic(diagnostic);
        }

        if (request.ReportDirectory is { } reports)
        {
            ReportOutput.Write(result, reports, writer, cancellation.Token);
        }

        writer.Summary(result);
        if (result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error && d.Code.StartsWith("MIG0", StringComparison.Ordinal)))
        {
            return EngineProtocol.ExitCodes.UsageError;
        }

        return result.ErrorCount > 0 ? EngineProtocol.ExitCodes.ChecksFailed : EngineProtocol.ExitCodes.Success;

        void CancelRun(PosixSignalContext context)
        {
            context.Cancel = true;
            cancellation.Cancel();
        }
    }
}
