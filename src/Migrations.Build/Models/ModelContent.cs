using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;
using Migrations.Build.Schema;

namespace Migrations.Build.Models;

/// <summary>A loaded model: scripts the engine applies to a scratch database of its own and reflects, or a schema
/// that is ready as it is; and the locator that places findings about its objects in its sources.</summary>
/// <param name="Scripts">Applied in order to the model's scratch database; empty when <paramref name="Schema"/> is given.</param>
/// <param name="Schema">A schema read without an engine (e.g. from a dacpac), or null when the scripts make it.</param>
/// <param name="Fallback">Where a finding points when the locator cannot place it.</param>
public sealed record ModelContent(
    IReadOnlyList<SqlScript> Scripts,
    DatabaseSchema? Schema,
    ISchemaLocator Locator,
    SourceLocation? Fallback,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Whether there is a model to compare with: nothing in it is an error.</summary>
    public bool IsUsable => !Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
