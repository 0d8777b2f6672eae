using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;
using Migrations.Build.Migrations.EfCore;
using Migrations.Build.Schema;
using Migrations.EfBridge.Export;

namespace Migrations.Build.Models;

/// <summary>An EF Core model: the create script the provider generates for a model (the DbContext's current one, or
/// its snapshot's; exported by the EF bridge), applied to its own scratch database and reflected. Findings point at
/// the entity class (and property) that maps the object, else at the location given (the DbContext's file).</summary>
public sealed class EfCoreModel(IReadOnlyList<SqlCommandExport> createScript, IReadOnlyList<EntityMapping> entities, CSharpSourceIndex sources, SourceLocation at) : IModelSource
{
    /// <summary>The DbContext's current model.</summary>
    public EfCoreModel(ContextExport context, CSharpSourceIndex sources, SourceLocation contextFile)
        : this(context.CreateScript, context.Entities, sources, contextFile)
    {
    }

    public Diagnostic? Problem => null;

    public ModelContent Load(SqlDialect dialect)
    {
        var diagnostics = new List<Diagnostic>();
        var statements = new List<SqlStatement>();
        foreach (var command in createScript)
        {
            var split = SqlStatementSplitter.Split(at.Path, command.Sql, dialect);
            diagnostics.AddRange(split.Diagnostics.Select(d => d with { Location = at }));
            statements.AddRange(split.Statements.Select(s => s with { Location = at, Generated = true }));
        }

        var script = new SqlScript(at.Path, statements.ToValueList()) { Start = at };
        return new ModelContent([script], null, new EfCoreModelLocator(entities, sources), at, diagnostics);
    }
}
