using System.CommandLine;
using Migrations.Build.Diagnostics;

namespace Migrations.Build.Cli;

/// <summary>Where a run's connection string comes from: <c>--connection-file FILE</c> (<c>-</c>: the first line of
/// standard input), the <see cref="EngineProtocol.ConnectionStringVariable"/> variable, or <c>--connection VALUE</c>,
/// which is for people at a shell only: a command line is visible to every user of the machine (<c>ps</c>,
/// <c>/proc/PID/cmdline</c>), so the task and the tool never use it.</summary>
internal sealed class ConnectionOptions
{
    public const string StandardInput = "-";

    public Option<string?> Connection { get; } = new("--connection")
    {
        Description = $"A server for scratch databases (PostgreSQL). Visible to other users of this machine (ps): prefer {EngineProtocol.ConnectionStringVariable} or --connection-file. Never printed.",
    };

    public Option<string?> ConnectionFile { get; } = new("--connection-file")
    {
        Description = "Read the connection string from this file ('-': the first line of standard input). Never printed.",
    };

    public IEnumerable<Option> All => [Connection, ConnectionFile];

    /// <summary>The connection string last read by <see cref="Resolve"/>, for the crash path's redaction (a file or
    /// standard input cannot be read twice).</summary>
    public static string? LastResolved { get; private set; }

    /// <summary>The connection string of the run, or null; a file that cannot be read is a MIG0006 diagnostic that
    /// names the file, never its contents.</summary>
    public string? Resolve(ParseResult parsed, out Diagnostic? problem)
    {
        problem = null;
        string? value;
        if (parsed.GetValue(ConnectionFile) is { Length: > 0 } file)
        {
            try
            {
                value = file == StandardInput ? Console.In.ReadLine() : FirstLine(File.ReadAllText(file));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                problem = new Diagnostic(DiagnosticCodes.InvalidOption, $"--connection-file '{file}' cannot be read: {e.Message}", new SourceLocation(Path.GetFullPath(file)));
                return null;
            }
        }
        else
        {
            value = parsed.GetValue(Connection) is { Length: > 0 } given
                ? given
                : Environment.GetEnvironmentVariable(EngineProtocol.ConnectionStringVariable);
        }

        LastResolved = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        return LastResolved;
    }

    /// <summary>A secret file often ends with a newline (<c>echo … &gt; file</c>); only its first line counts.</summary>
    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }
}
