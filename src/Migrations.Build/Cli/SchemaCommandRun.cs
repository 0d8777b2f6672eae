using System.Runtime.InteropServices;
using System.Text;
using Migrations.Build.Checks;
using Migrations.Build.Diagnostics;

namespace Migrations.Build.Cli;

/// <summary>Runs <c>snapshot</c> or <c>diff</c>: opens the <see cref="SchemaSession"/>, writes what the command made
/// to the standard output or <c>--output</c>, and prints problems on the standard error as the build's diagnostic
/// lines, so a redirected snapshot holds the schema only. Ctrl+C drops the scratch database before the process ends.</summary>
internal static class SchemaCommandRun
{
    private static readonly UTF8Encoding Utf8WithoutBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <param name="makeRequest">Makes the request (it may fail with a <see cref="CommandProblem"/>).</param>
    /// <param name="body">Makes the output and the exit code from the session.</param>
    public static async Task<int> RunAsync(
        Func<ValidationRequest> makeRequest, bool verbose, string? output, Func<SchemaSession, CancellationToken, Task<(string Text, int ExitCode)>> body, CancellationToken cancellationToken)
    {
        ValidationRequest request;
        try
        {
            request = makeRequest();
        }
        catch (CommandProblem problem)
        {
            var writer = new TextResultWriter(Console.Error, verbose);
            foreach (var diagnostic in problem.Diagnostics)
            {
                writer.Diagnostic(diagnostic);
            }

            return problem.ExitCode;
        }

        var redactor = SecretRedactor.For(request.ConnectionString);
        var problems = new RedactingResultWriter(new TextResultWriter(Console.Error, verbose), redactor);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, CancelRun);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, CancelRun);
        SchemaSession? session = null;
        try
        {
            session = await SchemaSession.OpenAsync(request, verbose ? problems.Progress : null, cancellation.Token);
            var (text, exitCode) = await body(session, cancellation.Token);
            text = redactor.Redact(text);
            if (output is not { Length: > 0 })
            {
                Console.Out.Write(text);
                return exitCode;
            }

            try
            {
                var path = Path.GetFullPath(output);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, text, Utf8WithoutBom);
                problems.Progress($"written: {path}");
                return exitCode;
            }
            catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
            {
                throw new CommandProblem(new Diagnostic(DiagnosticCodes.InvalidOption, $"--output '{output}' cannot be written: {failure.Message}"));
            }
        }
        catch (CommandProblem problem)
        {
            foreach (var diagnostic in problem.Diagnostics)
            {
                problems.Diagnostic(diagnostic);
            }

            return problem.ExitCode;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            problems.Progress("cancelled; scratch databases dropped");
            return EngineProtocol.ExitCodes.Cancelled;
        }
        catch (Exception failure) when (session is not null && failure is not OperationCanceledException)
        {
            // The server went away (MIG0011) or refused the engine midway: its own words, as the check says them.
            var fault = await session.DescribeFaultAsync(failure);
            if (fault is null)
            {
                throw;
            }

            problems.Diagnostic(fault);
            return EngineProtocol.ExitCodes.ChecksFailed;
        }
        finally
        {
            if (session is not null)
            {
                await session.DisposeAsync();

                // What could not be dropped is said after the provider is gone (its last drops happen there).
                foreach (var leftBehind in session.LeftBehind)
                {
                    problems.Diagnostic(leftBehind);
                }
            }
        }

        void CancelRun(PosixSignalContext context)
        {
            context.Cancel = true;
            cancellation.Cancel();
        }
    }
}
