using System.CommandLine;
using Migrations.Build.Reports;

namespace Migrations.Build.Cli;

/// <summary><c>snapshot</c>: prints the schema after the migrations up to a version, as the build's snapshot listing
/// (text), Markdown with its ER diagram, or JSON.</summary>
public static class SnapshotCommand
{
    public const string Synopsis = "snapshot --migrations DIR [--at VERSION] [--format text|markdown|json] [--output FILE] [--provider NAME] [--connection-file FILE|-] [--setup-script FILE]... [--sqlite-foreign-keys true|false] [--layout NAME] [--verbose]";

    public static Command Create()
    {
        var options = new SchemaOptions();
        var at = new Option<string?>("--at") { Description = "The last migration to apply (its version; 0: before the first). Default: all." };
        var format = new Option<string>("--format") { Description = "Output: text (the snapshot listing, default), markdown (with a Mermaid ER diagram) or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "markdown", "json");

        var command = new Command("snapshot", "Print the schema after the migrations (up to --at VERSION).") { at, format };
        foreach (var option in options.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parsed, cancellationToken) => SchemaCommandRun.RunAsync(
            () => options.Request(parsed),
            parsed.GetValue(options.Verbose),
            parsed.GetValue(options.Output),
            async (session, ct) =>
            {
                var count = parsed.GetValue(at) is { Length: > 0 } version ? session.CountUpTo(version) : session.Migrations.Count;
                var schema = (await session.SchemasAfterAsync([count], ct))[0];
                var last = count == 0 ? null : session.Migrations[count - 1];
                var text = parsed.GetValue(format) switch
                {
                    "markdown" => SchemaMarkdownWriter.Render(schema, $"Schema after {(last?.ToString() ?? "no migration")} on {session.ProviderName}"),
                    "json" => SchemaJsonWriter.Render(new SchemaDocument(session.ProviderName, last?.Version.Text, last?.ToString(), schema)),
                    _ => SchemaSnapshotWriter.Render(schema),
                };
                return (text, EngineProtocol.ExitCodes.Success);
            },
            cancellationToken));
        return command;
    }
}
