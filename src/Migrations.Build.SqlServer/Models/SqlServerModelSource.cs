using Microsoft.SqlServer.Dac.Model;
using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;
using Migrations.Build.Models;
using Migrations.Build.SqlServer.Parsing;

namespace Migrations.Build.SqlServer.Models;

/// <summary>The model of a SQL Server project, read through DacFx without a server: a <c>schema.sql</c>, a folder of
/// <c>.sql</c> files, a <c>.sqlproj</c> (its items) or a built <c>.dacpac</c>. It is validated and reflected
/// directly (<see cref="ModelContent.Schema"/>): no scratch database is needed for the model.</summary>
public sealed class SqlServerModelSource(string path, TSqlVersion version) : IModelSource
{
    public Diagnostic? Problem => File.Exists(path) || Directory.Exists(path)
        ? null
        : new Diagnostic(
            DiagnosticCodes.ModelNotFound,
            $"The model '{path}' does not exist. Set MigrationsModel (--model) to a schema.sql file, a folder of .sql files, a .sqlproj or a .dacpac.",
            new SourceLocation(path));

    /// <summary>How many objects the last <see cref="Load"/> found (for the summary).</summary>
    public int ObjectCount { get; private set; }

    public ModelContent Load(SqlDialect dialect)
    {
        var fallback = new SourceLocation(path);
        if (path.EndsWith(".dacpac", StringComparison.OrdinalIgnoreCase))
        {
            return LoadDacpac(fallback);
        }

        IReadOnlyList<string> files;
        try
        {
            files = path.EndsWith(".sqlproj", StringComparison.OrdinalIgnoreCase) ? SqlProjectItems.Read(path)
                : Directory.Exists(path) ? SqlFolderFiles(path)
                : [path];
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return Unusable(new Diagnostic(DiagnosticCodes.ModelUnreadable, e.Message, fallback));
        }

        if (files.Count == 0)
        {
            return Unusable(new Diagnostic(DiagnosticCodes.ModelUnreadable, $"The model '{path}' names no .sql files.", fallback));
        }

        var (model, diagnostics) = new DacFxModelBuilder(version, dialect).Build(files);
        using (model)
        {
            return Content(model, new SourceLocation(files[0]), diagnostics);
        }
    }

    private ModelContent LoadDacpac(SourceLocation fallback)
    {
        TSqlModel model;
        try
        {
            model = TSqlModel.LoadFromDacpac(path, new ModelLoadOptions());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // DacFx throws several kinds here (a zip that is not a dacpac, a newer format, a file in use).
            return Unusable(new Diagnostic(DiagnosticCodes.ModelUnreadable, $"The dacpac '{path}' cannot be read: {e.Message}", fallback));
        }

        using (model)
        {
            return Content(model, fallback, [.. DacFxModelBuilder.Validate(model, path)]);
        }
    }

    private ModelContent Content(TSqlModel model, SourceLocation fallback, List<Diagnostic> diagnostics)
    {
        var schema = DacFxSchemaReader.Read(model);
        ObjectCount = schema.Tables.Count + schema.Views.Count + schema.Triggers.Count + schema.Sequences.Count + schema.OtherObjects.Count;
        return new ModelContent([], schema, new DacFxLocator(model), fallback, diagnostics);
    }

    private static ModelContent Unusable(Diagnostic problem) =>
        new([], null, new NoLocations(), problem.Location, [problem]);

    private static IReadOnlyList<string> SqlFolderFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.sql", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(folder, f).Replace('\\', '/').Split('/')[0].Equals("bin", StringComparison.OrdinalIgnoreCase)
                && !Path.GetRelativePath(folder, f).Replace('\\', '/').Split('/')[0].Equals("obj", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();

    private sealed class NoLocations : ISchemaLocator
    {
        public SourceLocation? FindCreation(string name) => null;

        public SourceLocation? FindInTable(string table, string? child) => null;
    }
}
