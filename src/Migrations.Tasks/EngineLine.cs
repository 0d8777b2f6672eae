namespace Migrations.Tasks;

/// <summary>What one line of the engine's standard output is, in the JSON-lines protocol (Cli/JsonLinesProtocol.md).</summary>
internal enum EngineLineKind
{
    /// <summary>Not a protocol object: passed through as a low-importance message.</summary>
    Text,
    Diagnostic,
    Progress,
    Summary,
}

/// <summary>One line of the engine's standard output, read into the fields the task logs.</summary>
internal sealed class EngineLine
{
    private EngineLine(EngineLineKind kind, string message)
    {
        Kind = kind;
        Message = message;
    }

    public EngineLineKind Kind { get; }

    public string Message { get; }

    /// <summary><c>error</c>, <c>warning</c> or <c>info</c> (diagnostics only).</summary>
    public string Severity { get; private set; } = "";

    public string Code { get; private set; } = "";

    public string? File { get; private set; }

    public int Line { get; private set; }

    public int Column { get; private set; }

    public string? HelpLink { get; private set; }

    /// <summary>Reads a line; anything that is not a known protocol object becomes <see cref="EngineLineKind.Text"/>.</summary>
    public static EngineLine Parse(string line)
    {
        var json = line.TrimStart().StartsWith("{", StringComparison.Ordinal) ? FlatJsonObject.TryParse(line) : null;
        var message = json?.GetString("message");
        if (json is null || message is null)
        {
            return new EngineLine(EngineLineKind.Text, line);
        }

        switch (json.GetString("type"))
        {
            case "diagnostic" when json.GetString("code") is { Length: > 0 } code:
                return new EngineLine(EngineLineKind.Diagnostic, message)
                {
                    Severity = json.GetString("severity") ?? "error",
                    Code = code,
                    File = json.GetString("file"),
                    Line = json.GetInt32("line"),
                    Column = json.GetInt32("column"),
                    HelpLink = json.GetString("helpLink"),
                };
            case "progress":
                return new EngineLine(EngineLineKind.Progress, message);
            case "summary":
                return new EngineLine(EngineLineKind.Summary, message);
            default:
                return new EngineLine(EngineLineKind.Text, line);
        }
    }
}
