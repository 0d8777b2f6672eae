using System.CommandLine;
using System.Text;
using System.Text.Json;
using Migrations.Build.Checks;
using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;
using Migrations.Build.Schema.Comparison;

namespace Migrations.Build.Cli;

/// <summary><c>diff</c>: compares the schemas after two versions, or after one version with the model, with the
/// comparer and the words of the checks (a model diff prints the drift check's diagnostics). Exit code 0 when the
/// schemas are the same, 1 when they differ.</summary>
public static class DiffCommand
{
    public const string Synopsis = "diff --migrations DIR FROM (TO | --model PATH) [--format text|json] [--output FILE] [--provider NAME] [--connection-file FILE|-] [--setup-script FILE]... [--sqlite-foreign-keys true|false] [--layout NAME] [--verbose]";

    public static Command Create()
    {
        var options = new SchemaOptions();
        var from = new Argument<string>("FROM") { Description = "A version: the schema after it is the expected side (0: before the first migration)." };
        var to = new Argument<string?>("TO") { Description = "Another version: the schema after it is the actual side.", Arity = ArgumentArity.ZeroOrOne };
        var model = new Option<string?>("--model") { Description = "Compare with the model (a schema.sql file or a folder of .sql files) instead of TO, as the drift check does." };
        var format = new Option<string>("--format") { Description = "Output: text (default) or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");

        var command = new Command("diff", "Compare the schemas after two versions (FROM TO), or after a version with the model (FROM --model PATH).") { from, to, model, format };
        foreach (var option in options.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parsed, cancellationToken) =>
        {
            var modelPath = parsed.GetValue(model);
            var toVersion = parsed.GetValue(to);
            if ((modelPath is { Length: > 0 }) == (toVersion is { Length: > 0 }))
            {
                var writer = new TextResultWriter(Console.Error, verbose: false);
                writer.Diagnostic(new Diagnostic(DiagnosticCodes.InvalidOption, "diff compares FROM with either TO or --model: give one of them."));
                return Task.FromResult(EngineProtocol.ExitCodes.UsageError);
            }

            var json = parsed.GetValue(format) == "json";
            return SchemaCommandRun.RunAsync(
                () => options.Request(parsed, modelPath),
                parsed.GetValue(options.Verbose),
                parsed.GetValue(options.Output),
                (session, ct) => modelPath is { Length: > 0 }
                    ? WithModelAsync(session, parsed.GetValue(from)!, json, ct)
                    : BetweenVersionsAsync(session, parsed.GetValue(from)!, toVersion!, json, ct),
                cancellationToken);
        });
        return command;
    }

    private static async Task<(string Text, int ExitCode)> BetweenVersionsAsync(SchemaSession session, string from, string to, bool json, CancellationToken cancellationToken)
    {
        int fromCount = session.CountUpTo(from), toCount = session.CountUpTo(to);
        var schemas = await session.SchemasAfterAsync([fromCount, toCount], cancellationToken);
        string fromLabel = Label(session, fromCount), toLabel = Label(session, toCount);
        var messages = SchemaComparer.Compare(schemas[0], schemas[1], ComparisonOptions.Drift)
            .Select(d => new Difference(DifferenceMessages.Between(d, fromLabel, toLabel), null))
            .ToList();
        return Render(session, fromLabel, toLabel, messages, json);
    }

    private static async Task<(string Text, int ExitCode)> WithModelAsync(SchemaSession session, string from, bool json, CancellationToken cancellationToken)
    {
        var count = session.CountUpTo(from);
        var (model, content) = await session.ModelAsync(cancellationToken);
        var migrated = (await session.SchemasAfterAsync([count], cancellationToken))[0];
        var applied = session.Migrations.Take(count).ToList();
        var migrations = new ObjectLocator(applied.Select(m => m.Up));
        var diagnostics = SchemaComparer.Compare(model, migrated, ComparisonOptions.Drift)
            .Select(d => DifferenceMessages.Drift(d, content.Locator, migrations, content.Fallback))
            .Select(d => new Difference(d.ToString(), d))
            .ToList();
        return Render(session, Label(session, count), "the model", diagnostics, json);
    }

    /// <summary>Text: one line per difference (a model diff: the build's diagnostic lines), then a summary line.
    /// JSON: one document with the differences, each with its code and location when it has them.</summary>
    private static (string Text, int ExitCode) Render(SchemaSession session, string from, string to, IReadOnlyList<Difference> differences, bool json)
    {
        var exitCode = differences.Count == 0 ? EngineProtocol.ExitCodes.Success : EngineProtocol.ExitCodes.ChecksFailed;
        var summary = $"Diff {from} → {to} on {session.ProviderName}: {(differences.Count == 0 ? "no differences" : differences.Count == 1 ? "1 difference" : $"{differences.Count} differences")}.";
        if (!json)
        {
            var text = new StringBuilder();
            foreach (var difference in differences)
            {
                text.Append(difference.Line).Append('\n');
            }

            return (text.Append(summary).Append('\n').ToString(), exitCode);
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("from", from);
            writer.WriteString("to", to);
            writer.WriteString("provider", session.ProviderName);
            writer.WriteString("summary", summary);
            writer.WriteStartArray("differences");
            foreach (var difference in differences)
            {
                writer.WriteStartObject();
                if (difference.Finding is { } finding)
                {
                    writer.WriteString(EngineProtocol.Fields.Code, finding.Code);
                    if (finding.Location is { } location)
                    {
                        writer.WriteString(EngineProtocol.Fields.File, location.Path);
                        writer.WriteNumber(EngineProtocol.Fields.Line, location.Line);
                        writer.WriteNumber(EngineProtocol.Fields.Column, location.Column);
                    }
                }

                writer.WriteString(EngineProtocol.Fields.Message, difference.Finding?.Message ?? difference.Line);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return (Encoding.UTF8.GetString(buffer.ToArray()).ReplaceLineEndings("\n") + "\n", exitCode);
    }

    /// <summary>One difference: its line of text, and for a model diff the drift check's diagnostic.</summary>
    private sealed record Difference(string Line, Diagnostic? Finding);

    private static string Label(SchemaSession session, int count) =>
        count == 0 ? SchemaSession.EmptyVersion : session.Migrations[count - 1].Version.Text;
}
