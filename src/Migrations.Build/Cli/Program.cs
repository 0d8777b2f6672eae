using System.CommandLine;
using Migrations.Build.Diagnostics;

namespace Migrations.Build.Cli;

/// <summary>Entry point of the engine: the same program the MSBuild task runs and a person runs to debug a failure.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        var verbose = args.Contains("--verbose");
        try
        {
            var root = new RootCommand("Migrations.Build: validates database migrations (history, upgrade, drift against the model, downgrade proofs).")
            {
                CheckCommand.Create(),
            };
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                foreach (var error in parsed.Errors)
                {
                    await Console.Error.WriteLineAsync($"Migrations.Build: error {DiagnosticCodes.InvalidOption.Code}: {error.Message}");
                }

                await Console.Error.WriteLineAsync("Run 'Migrations.Build --help' for usage.");
                return ExitCodes.UsageError;
            }

            return await parsed.InvokeAsync();
        }
        catch (Exception crash) when (crash is not OutOfMemoryException)
        {
            var message = $"{crash.GetType().Name}: {SecretRedactor.Redact(crash.Message)}";
            Console.WriteLine(new Diagnostic(DiagnosticCodes.InternalError, $"The validation engine failed: {message}. This is a bug; please report it with the output of --verbose.").ToString());
            if (verbose)
            {
                Console.Error.WriteLine(SecretRedactor.Redact(crash.ToString()));
            }

            return ExitCodes.InternalError;
        }
    }
}
