using System.Text.Json;
using System.Text.Json.Serialization;
using Migrations.Build.Schema;

namespace Migrations.Build.Reports;

/// <summary>Renders a schema as indented JSON (camelCase, nulls left out), for scripts: the same records the checks
/// compare, with what the schema is about.</summary>
public static class SchemaJsonWriter
{
    public static string Render(SchemaDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return JsonSerializer.Serialize(document, SchemaJsonContext.Default.SchemaDocument).ReplaceLineEndings("\n") + "\n";
    }
}

/// <summary>A schema with what it is: the engine that reflected it and the last migration applied (null: before the first).</summary>
public sealed record SchemaDocument(string Provider, string? Version, string? Migration, DatabaseSchema Schema);

/// <summary>Source-generated serialization (the engine is compiled ahead of time: no reflection).</summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SchemaDocument))]
internal sealed partial class SchemaJsonContext : JsonSerializerContext;
