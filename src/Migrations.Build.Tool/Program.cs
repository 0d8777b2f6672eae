using System.CommandLine;
using System.CommandLine.Help;
using Migrations.Build.Diagnostics;
using static Migrations.Build.Cli.EngineProtocol;

namespace Migrations.Build.Tool;

/// <summary>Entry point of <c>dotnet migrations</c>: parses the command line, reads the project's settings through
/// MSBuild and runs the engine in this process with them.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        using var output = ColoredLineWriter.Wanted(Console.IsOutputRedirected) ? new ColoredLineWriter(Console.Out) : null;
        using var error = ColoredLineWriter.Wanted(Console.IsErrorRedirected) ? new ColoredLineWriter(Console.Error) : null;
        if (output is not null)
        {
            Console.SetOut(output);
        }

        if (error is not null)
        {
            Console.SetError(error);
        }

        var root = ToolCommandLine.Create(RunAsync);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var failure in parsed.Errors)
            {
                Console.Error.WriteLine(new Diagnostic(DiagnosticCodes.InvalidOption, failure.Message).ToString());
            }

            Console.Error.WriteLine("Run 'dotnet migrations --help' for usage.");
            return ExitCodes.UsageError;
        }

        var exitCode = await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        if (parsed.Action is HelpAction)
        {
            Console.Out.WriteLine();
            Console.Out.WriteLine(ToolHelp.Examples(parsed.CommandResult.Command == root ? null : parsed.CommandResult.Command.Name));
        }

        return exitCode;
    }

    /// <summary>Reads the project's settings and runs the engine's command with them.</summary>
    private static async Task<int> RunAsync(ToolRequest request, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> arguments;
        try
        {
            var project = ProjectLocator.Find(request.Project, Environment.CurrentDirectory);
            var settings = await ProjectSettingsReader.ReadAsync(project, cancellationToken);
            if (request.Verbose)
            {
                Console.Error.WriteLine($"settings: {settings}");
            }

            arguments = EngineArguments.For(request, settings);
            if (settings.ConnectionString is { } connection)
            {
                // The engine reads it from its variable, so it is on no command line; the project's setting wins, as
                // in the build.
                Environment.SetEnvironmentVariable(ConnectionStringVariable, connection);
            }
        }
        catch (ToolProblem problem)
        {
            Console.Error.WriteLine(problem.Diagnostic.ToString());
            return ExitCodes.UsageError;
        }

        return await Cli.Program.Main([.. arguments]);
    }
}
