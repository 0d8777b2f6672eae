using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;

namespace Migrations.Build.Models;

/// <summary>Where the model (the schema the project's code expects) comes from: declarative SQL today, later an EF
/// Core model or a dacpac. The drift check sees only the <see cref="ModelContent"/> it gives.</summary>
public interface IModelSource
{
    /// <summary>A configuration problem that stops the run before any database is created (e.g. a model file that
    /// does not exist), or null.</summary>
    Diagnostic? Problem { get; }

    /// <summary>Reads the model; what is wrong with it comes back as diagnostics (never exceptions).</summary>
    ModelContent Load(SqlDialect dialect);
}
