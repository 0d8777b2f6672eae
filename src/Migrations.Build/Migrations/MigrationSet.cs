using Migrations.Build.Diagnostics;
using Migrations.Build.Schema;

namespace Migrations.Build.Migrations;

/// <summary>The migrations of a project in version order, with what discovery found wrong.</summary>
public sealed record MigrationSet(string Directory, ValueList<Migration> Migrations, ValueList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
