using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;

namespace Migrations.Build.Checks;

/// <summary>Reads the setup script (one of <see cref="ValidationRequest.SetupScripts"/>) into statements with the engine's
/// dialect; what keeps it from being used (missing, unreadable, an unterminated string) is MIG0050.</summary>
internal static class SetupScriptFile
{
    /// <summary>All the setup files, in order, as one script whose statements keep their own file and line; null when
    /// there are none; the first file that cannot be used is the problem.</summary>
    public static (SqlScript? Script, Diagnostic? Problem) LoadAll(IEnumerable<string> paths, SqlDialect dialect)
    {
        SqlScript? setup = null;
        foreach (var path in paths)
        {
            var (script, problem) = Load(path, dialect);
            if (problem is not null)
            {
                return (null, problem);
            }

            setup = setup is null ? script : setup with { Statements = [.. setup.Statements, .. script!.Statements] };
        }

        return (setup, null);
    }

    public static (SqlScript? Script, Diagnostic? Problem) Load(string path, SqlDialect dialect)
    {
        if (!File.Exists(path))
        {
            return (null, new Diagnostic(
                DiagnosticCodes.SetupScriptUnreadable,
                $"The setup script '{path}' does not exist. Set MigrationsSetupScript (--setup-script) to a .sql file, or leave it empty.",
                new SourceLocation(path)));
        }

        var file = ScriptFile.Read(path, "The setup script");
        if (file.Text is null)
        {
            return (null, new Diagnostic(DiagnosticCodes.SetupScriptUnreadable, file.Error!.Message, file.Error.Location));
        }

        var split = SqlStatementSplitter.Split(path, file.Text, dialect);
        if (split.Diagnostics.Count > 0)
        {
            var first = split.Diagnostics[0];
            return (null, new Diagnostic(DiagnosticCodes.SetupScriptUnreadable, "The setup script cannot be split into statements: " + first.Message, first.Location));
        }

        return (new SqlScript(path, split.Statements), null);
    }
}
