using System.Text;
using System.Text.RegularExpressions;
using Microsoft.SqlServer.Dac.Model;
using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;
using Migrations.Build.SqlServer.Parsing;

namespace Migrations.Build.SqlServer.Models;

/// <summary>Builds a DacFx model from declarative T-SQL files (one or more objects per file, <c>GO</c> between
/// batches) and validates it: syntax errors (MIG3030, from ScriptDom, at the file's line and column), what DacFx
/// refuses or cannot resolve (MIG3031, at the object's file and line where DacFx knows it).</summary>
public sealed partial class DacFxModelBuilder(TSqlVersion version, SqlDialect dialect)
{
    /// <summary>The model of <paramref name="files"/>, with what is wrong in them; files with syntax errors are left out.</summary>
    public (TSqlModel Model, List<Diagnostic> Diagnostics) Build(IReadOnlyList<string> files)
    {
        var diagnostics = new List<Diagnostic>();
        var model = new TSqlModel(version.DacFxVersion, new TSqlModelOptions());
        var syntax = new TSqlSyntaxCheck(version);
        foreach (var file in files)
        {
            if (ReadText(file, diagnostics) is not { } text)
            {
                continue;
            }

            var split = SqlStatementSplitter.Split(file, text, dialect);
            var errors = split.Diagnostics.Concat(syntax.Check(new SqlScript(file, split.Statements), DiagnosticCodes.ModelSyntaxError)).ToList();
            diagnostics.AddRange(errors);
            if (errors.Count > 0)
            {
                continue;
            }

            try
            {
                model.AddOrUpdateObjects(text, file, new TSqlObjectOptions());
            }
            catch (DacModelException refused)
            {
                // What DacFx refuses (e.g. ALTER TABLE in a model: SQL70645) is in its model errors, with the line.
                var located = model.GetModelErrors().Where(e => e.SourceName == file).ToList();
                diagnostics.AddRange(located.Count > 0
                    ? located.Select(e => ModelError($"{e.Prefix}{e.ErrorCode}: {e.Message}", new SourceLocation(file, Math.Max(e.Line, 1), Math.Max(e.Column, 1))))
                    : refused.Messages.Select(m => ModelError($"{m.Prefix}{m.Number}: {m.Message}", new SourceLocation(file))));
            }
        }

        if (diagnostics.Count == 0)
        {
            diagnostics.AddRange(Validate(model, files.Count == 1 ? files[0] : null));
        }

        return (model, diagnostics);
    }

    /// <summary>DacFx's validation (unresolved references and the like) as MIG3031, at the element it names.</summary>
    public static IEnumerable<Diagnostic> Validate(TSqlModel model, string? fallbackFile)
    {
        var messages = model.Validate().Where(m => m.MessageType == Microsoft.SqlServer.Dac.DacMessageType.Error).ToList();
        if (messages.Count == 0)
        {
            yield break;
        }

        var locator = new DacFxLocator(model);
        foreach (var message in messages)
        {
            var location = ElementName().Match(message.Message) is { Success: true } element
                ? locator.FindCreation(element.Groups["name"].Value.Replace("[", string.Empty, StringComparison.Ordinal).Replace("]", string.Empty, StringComparison.Ordinal))
                : null;
            yield return ModelError($"{message.Prefix}{message.Number}: {message.Message}", location ?? (fallbackFile is null ? null : new SourceLocation(fallbackFile)));
        }
    }

    private static Diagnostic ModelError(string message, SourceLocation? location) =>
        new(DiagnosticCodes.ModelInvalid, $"The model does not validate: {message}", location);

    private static string? ReadText(string file, List<Diagnostic> diagnostics)
    {
        try
        {
            return new UTF8Encoding(false, true).GetString(File.ReadAllBytes(file));
        }
        catch (DecoderFallbackException)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.UnreadableScript, $"The model file '{file}' is not valid UTF-8.", new SourceLocation(file)));
            return null;
        }
    }

    // "Error validating element [dbo].[v]: …" and "… element unnamed constraint on [dbo].[a]: …": the object (or the
    // table an unnamed constraint is on) whose source is the place to point at.
    [GeneratedRegex(@"element (?:.*? on )?(?<name>\[[^\]]+\](?:\.\[[^\]]+\])?)")]
    private static partial Regex ElementName();
}
