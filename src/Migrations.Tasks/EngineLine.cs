using System.Text.Json;
using Migrations.Build.Cli;

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
        if (!line.TrimStart().StartsWith("{", StringComparison.Ordinal))
        {
            return new EngineLine(EngineLineKind.Text, line);
        }

        try
        {
            using var document = JsonDocument.Parse(line);
            return Read(document.RootElement) ?? new EngineLine(EngineLineKind.Text, line);
        }
        catch (JsonException)
        {
            return new EngineLine(EngineLineKind.Text, line);
        }
    }

    /// <summary>The protocol object in <paramref name="json"/>, or null when it is not one this task knows.</summary>
    private static EngineLine? Read(JsonElement json)
    {
        if (String(json, EngineProtocol.Fields.Message) is not { } message)
        {
            return null;
        }

        switch (String(json, EngineProtocol.Fields.Type))
        {
            case EngineProtocol.Kinds.Diagnostic when String(json, EngineProtocol.Fields.Code) is { Length: > 0 } code:
                return new EngineLine(EngineLineKind.Diagnostic, message)
                {
                    Severity = String(json, EngineProtocol.Fields.Severity) ?? EngineProtocol.Severities.Error,
                    Code = code,
                    File = String(json, EngineProtocol.Fields.File),
                    Line = Int32(json, EngineProtocol.Fields.Line),
                    Column = Int32(json, EngineProtocol.Fields.Column),
                    HelpLink = String(json, EngineProtocol.Fields.HelpLink),
                };
            case EngineProtocol.Kinds.Progress:
                return new EngineLine(EngineLineKind.Progress, message);
            case EngineProtocol.Kinds.Summary:
                return new EngineLine(EngineLineKind.Summary, message);
            default:
                return null;
        }
    }

    /// <summary>The string member <paramref name="name"/>; null when absent or not a string.</summary>
    private static string? String(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The whole-number member <paramref name="name"/>; 0 when absent, not a number or not whole.</summary>
    private static int Int32(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : 0;
}
