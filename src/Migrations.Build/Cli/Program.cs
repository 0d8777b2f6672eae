using System.CommandLine;
using Migrations.Build.Diagnostics;

namespace Migrations.Build.Cli;

/// <summary>Entry point of the engine: the same program the MSBuild task runs and a person runs to debug a failure.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        InlineSocketCompletions.Enable();
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        var verbose = args.Contains("--verbose");

        // What is printed before or outside a run (parse errors, a crash) passes through the same redaction as a run's
        // output: the connection string is read from the raw arguments, since parsing may be what failed.
        var redactor = SecretRedactor.For(ConnectionString(args));
        try
        {
            var root = new RootCommand(
                "Migrations.Build: validates database migrations (history, upgrade, drift against the model, downgrade proofs)."
                + $"{Environment.NewLine}{Environment.NewLine}  Migrations.Build {CheckCommand.Synopsis}{Environment.NewLine}{Environment.NewLine}"
                + $"  Migrations.Build {SnapshotCommand.Synopsis}{Environment.NewLine}  Migrations.Build {DiffCommand.Synopsis}{Environment.NewLine}{Environment.NewLine}"
                + "'Migrations.Build check --help' describes each option.")
            {
                CheckCommand.Create(),
                ProvidersCommand.Create(),
                SnapshotCommand.Create(),
                DiffCommand.Create(),
                PostgresKeeperCommand.Create(),
            };
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                foreach (var error in parsed.Errors)
                {
                    await Console.Error.WriteLineAsync($"Migrations.Build: error {DiagnosticCodes.InvalidOption.Code}: {redactor.Redact(error.Message)}");
                }

                await Console.Error.WriteLineAsync("Run 'Migrations.Build --help' for usage.");
                return EngineProtocol.ExitCodes.UsageError;
            }

            // Without System.CommandLine's own handler an exception reaches the catch below: MIG9001 and exit code 3,
            // not its "Unhandled exception" stack trace and exit code 1 (which the task would read as a failed check).
            // Ctrl+C and SIGTERM are handled by CheckExecution (System.CommandLine 2.0 handles them only when given a
            // ProcessTerminationTimeout, and then waits on a task a synchronous SQLite run has not returned yet).
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception crash) when (crash is not OutOfMemoryException)
        {
            // A connection string read from a file or standard input is known only once it was read.
            if (ConnectionOptions.LastResolved is { } resolved)
            {
                redactor = SecretRedactor.For(resolved);
            }

            var diagnostic = new Diagnostic(DiagnosticCodes.InternalError, $"The validation engine failed: {crash.GetType().Name}: {crash.Message}. This is a bug; please report it with the output of --verbose.");
            IResultWriter output = WantsJson(args) ? new JsonLinesResultWriter(Console.Out) : new TextResultWriter(Console.Out, verbose);
            new RedactingResultWriter(output, redactor).Diagnostic(diagnostic);
            if (verbose)
            {
                Console.Error.WriteLine(redactor.Redact(crash.ToString()));
            }

            return EngineProtocol.ExitCodes.InternalError;
        }
    }

    /// <summary>The connection string a run would use: <c>--connection VALUE</c> (or <c>=</c>, <c>:</c>), else
    /// <see cref="EngineProtocol.ConnectionStringVariable"/>.</summary>
    internal static string? ConnectionString(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--connection" && i + 1 < args.Count)
            {
                return args[i + 1];
            }

            if (args[i].StartsWith("--connection=", StringComparison.Ordinal) || args[i].StartsWith("--connection:", StringComparison.Ordinal))
            {
                return args[i]["--connection=".Length..];
            }
        }

        return Environment.GetEnvironmentVariable(EngineProtocol.ConnectionStringVariable);
    }

    /// <summary>Whether the arguments ask for JSON lines (<c>--format json</c>, <c>--format=json</c>,
    /// <c>--format:json</c>): read from the raw arguments, since a crash may come before or during parsing.</summary>
    internal static bool WantsJson(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--format" && i + 1 < args.Count && args[i + 1].Equals(EngineProtocol.JsonFormat, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (arg.Equals("--format=json", StringComparison.OrdinalIgnoreCase) || arg.Equals("--format:json", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
