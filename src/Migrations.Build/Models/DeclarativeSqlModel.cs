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
            files = SqlFilesUnder(path, diagnostics)
                .OrderBy(f => Path.GetRelativePath(path, f).Replace('\\', '/'), StringComparer.Ordinal)
                .ToArray();
            if (files.Length == 0 && diagnostics.Count == 0)
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

    /// <summary>The .sql files of the folder and its subfolders; a folder that cannot be listed is a diagnostic (its
    /// files would be missing from the model, and drift reported against a model that is not the one written).</summary>
    private static List<string> SqlFilesUnder(string folder, List<Diagnostic> diagnostics)
    {
        var files = new List<string>();
        try
        {
            files.AddRange(Directory.EnumerateFiles(folder, "*.sql"));
            foreach (var child in Directory.EnumerateDirectories(folder))
            {
                files.AddRange(SqlFilesUnder(child, diagnostics));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(SourceFileReader.FolderUnreadable(folder, $"'{folder}'", e));
        }

        return files;
    }

    private static string? ReadText(string file, List<Diagnostic> diagnostics)
    {
        if (SourceFileReader.Read(file, $"The model file '{file}'", out var problem) is not { } bytes)
        {
            diagnostics.Add(problem!);
            return null;
        }

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
