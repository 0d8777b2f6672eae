using System.Text;
using Migrations.Build.Diagnostics;
using Migrations.Build.Schema;
using Migrations.EfBridge.Export;

namespace Migrations.Build.Migrations.EfCore;

/// <summary>One DbContext's EF Core migrations, as the bridge exported them: each migration's Up and Down are the
/// provider's SQL, located at the <c>Up</c> and <c>Down</c> methods of the migration's C# file.</summary>
/// <param name="lockFile">The history lock of this context's migrations.</param>
/// <param name="fallback">Where a migration whose C# file is not found points (the DbContext's file).</param>
public sealed class EfCoreMigrationSource(ContextExport context, CSharpSourceIndex sources, string lockFile, SourceLocation fallback) : IMigrationSource
{
    public const string Layout = "efcore";

    public Diagnostic? Problem => null;

    public string LockFile => lockFile;

    public MigrationSet Load(SqlDialect dialect)
    {
        var diagnostics = new List<Diagnostic>();
        var migrations = new List<Migration>();
        foreach (var export in context.Migrations)
        {
            var source = sources.FindMigration(export.Id);
            if (source is null)
            {
                diagnostics.Add(new Diagnostic(
                    DiagnosticCodes.EfMigrationSourceNotFound,
                    $"No C# file of the project declares migration {export.Id} ([Migration(\"{export.Id}\")] with an Up method): its findings point at the DbContext.",
                    fallback));
            }

            var separator = export.Id.IndexOf('_', StringComparison.Ordinal);
            var versionText = separator > 0 ? export.Id[..separator] : export.Id;
            if (!MigrationVersion.TryParse(versionText, out var version))
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidVersion, $"The EF Core migration id '{export.Id}' does not start with a timestamp.", source?.Up ?? fallback));
                continue;
            }

            var upAt = source?.Up ?? fallback;
            var downAt = source?.Down ?? upAt;
            var up = Script(export.Up, upAt, [], dialect, $"The Up of {export.Id}", diagnostics);
            var down = Script(export.Down, downAt, source?.DownOperations ?? [], dialect, $"The Down of {export.Id}", diagnostics);

            // Released history is the migration's C# file: an edit to it (not a change in EF's SQL text after an EF
            // update) is what the lock guards against.
            var checksum = source is not null
                ? MigrationChecksum.Compute(source.Bytes, null)
                : MigrationChecksum.Compute(Encoding.UTF8.GetBytes(Text(export.Up)), Encoding.UTF8.GetBytes(Text(export.Down)));
            migrations.Add(new Migration(version, separator > 0 ? export.Id[(separator + 1)..] : export.Id, up, down)
            {
                Checksum = checksum,
                Layout = Layout,
            });
        }

        var directory = Path.GetDirectoryName(lockFile) ?? string.Empty;
        return new MigrationSet(directory, migrations.ToValueList(), diagnostics.ToValueList());
    }

    /// <summary>The generated SQL of one side of a migration, as one script file's text (what the report folder keeps).</summary>
    public static string Text(IReadOnlyList<SqlCommandExport> commands) =>
        string.Join("\n", commands.Select(c => (c.TransactionSuppressed ? "-- (outside the migration's transaction)\n" : "") + c.Sql.TrimEnd() + "\n"));

    /// <summary>Each command split into statements in the engine's dialect, every statement located at the first of
    /// the method's <paramref name="operations"/> that names its object, else at the method. A transaction-suppressed
    /// command (SQLite's PRAGMA foreign_keys) makes the script run outside a transaction, as EF's migrator commits
    /// before it.</summary>
    private static SqlScript Script(IReadOnlyList<SqlCommandExport> commands, SourceLocation at, IReadOnlyList<MigrationOperation> operations, SqlDialect dialect, string description, List<Diagnostic> diagnostics)
    {
        var statements = new List<SqlStatement>();
        foreach (var command in commands)
        {
            var split = SqlStatementSplitter.Split(at.Path, command.Sql, dialect);
            diagnostics.AddRange(split.Diagnostics.Select(d => d with { Location = at }));
            var operation = operations.FirstOrDefault(o => o.IsNamedIn(command.Sql))?.At ?? at;
            statements.AddRange(split.Statements.Select(s => s with { Location = operation, Generated = true }));
        }

        var noTransaction = commands.Any(c => c.TransactionSuppressed);
        return SqlScriptAssembler.Create(at.Path, at, statements, emptinessExplained: false, noTransaction, dialect, description, diagnostics);
    }
}
