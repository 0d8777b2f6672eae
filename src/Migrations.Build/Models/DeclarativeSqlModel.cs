using System.Text;
using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;

namespace Migrations.Build.Models;

/// <summary>The model as declarative SQL: a <c>schema.sql</c> file, or a folder of <c>.sql</c> files applied in
/// name order, describing the desired schema. It is applied to its own scratch database and reflected; findings
/// point at the statement that creates the object.</summary>
public sealed class DeclarativeSqlModel(string path) : IModelSource
{
    public Diagnostic? Problem => File.Exists(path) || Directory.Exists(path)
        ? null
        : new Diagnostic(
            DiagnosticCodes.ModelNotFound,
            $"The model '{path}' does not exist. Set MigrationsModel (--model) to a schema.sql file or a folder of .sql files.",
            new SourceLocation(path));

    public ModelContent Load(SqlDialect dialect)
    {
        var diagnostics = new List<Diagnostic>();
        var scripts = new List<SqlScript>();
        string[] files;
        if (File.Exists(path))
        {
            files = [path];
        }
        else if (Directory.Exists(path))
        {
            files = Directory.EnumerateFiles(path, "*.sql", SearchOption.AllDirectories)
                .OrderBy(f => Path.GetRelativePath(path, f).Replace('\\', '/'), StringComparer.Ordinal)
                .ToArray();
            if (files.Length == 0)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.ModelNotFound, $"The model folder '{path}' contains no .sql files.", new SourceLocation(path)));
            }
        }
        else
        {
            diagnostics.Add(new Diagnostic(
                DiagnosticCodes.ModelNotFound,
                $"The model '{path}' does not exist. Point MigrationsModel (--model) at a schema.sql file or a folder of .sql files.",
                new SourceLocation(path)));
            return Content(scripts, diagnostics);
        }

        foreach (var file in files)
        {
            if (ReadText(file, diagnostics) is not { } text)
            {
                continue;
            }

            var split = SqlStatementSplitter.Split(file, text, dialect);
            diagnostics.AddRange(split.Diagnostics);
            scripts.Add(new SqlScript(file, split.Statements));
        }

        return Content(scripts, diagnostics);
    }

    private static ModelContent Content(List<SqlScript> scripts, List<Diagnostic> diagnostics) =>
        new(scripts, null, new ObjectLocator(scripts), scripts.FirstOrDefault()?.Start, diagnostics);

    private static string? ReadText(string file, List<Diagnostic> diagnostics)
    {
        var bytes = File.ReadAllBytes(file);
        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.UnreadableScript, $"The model file '{file}' is binary, not SQL text.", new SourceLocation(file)));
            return null;
        }

        try
        {
            return new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.UnreadableScript, $"The model file '{file}' is not valid UTF-8.", new SourceLocation(file)));
            return null;
        }
    }
}
