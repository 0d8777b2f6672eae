using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;
using Migrations.Build.Migrations.EfCore;
using Migrations.Build.Schema;
using Migrations.EfBridge.Export;

namespace Migrations.Build.Models;

/// <summary>An EF Core model: the create script the provider generates for the DbContext's current model (exported by
/// the EF bridge), applied to its own scratch database and reflected. Findings point at the entity class (and
/// property) that maps the object, else at the DbContext's file.</summary>
public sealed class EfCoreModel(ContextExport context, CSharpSourceIndex sources, SourceLocation contextFile) : IModelSource
{
    public Diagnostic? Problem => null;

    public ModelContent Load(SqlDialect dialect)
    {
        var diagnostics = new List<Diagnostic>();
        var statements = new List<SqlStatement>();
        foreach (var command in context.CreateScript)
        {
            var split = SqlStatementSplitter.Split(contextFile.Path, command.Sql, dialect);
            diagnostics.AddRange(split.Diagnostics.Select(d => d with { Location = contextFile }));
            statements.AddRange(split.Statements.Select(s => s with { Location = contextFile, Generated = true }));
        }

        var script = new SqlScript(contextFile.Path, statements.ToValueList()) { Start = contextFile };
        return new ModelContent([script], null, new EfCoreModelLocator(context.Entities, sources), contextFile, diagnostics);
    }
}
