using System.Globalization;

namespace Migrations.Build.Tests.Cli;

/// <summary>A long, valid migration history (SQLite and PostgreSQL alike) for runs that must still be busy when a test
/// cancels them. Generated here rather than by the benchmark's generator, which lives outside the repository.</summary>
internal static class LargeWorkload
{
    /// <summary>Writes <paramref name="count"/> golang-migrate migrations, each a table with an index and a foreign key
    /// to the previous table, and an exact down.</summary>
    public static void Write(CliWorkspace workspace, int count)
    {
        for (var i = 1; i <= count; i++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"{i:0000}_create_t{i}");
            var parent = i == 1 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $",\n    parent_id INTEGER REFERENCES t{i - 1} (id)");
            workspace.Write($"Migrations/{name}.up.sql", string.Create(
                CultureInfo.InvariantCulture,
                $"CREATE TABLE t{i} (\n    id INTEGER PRIMARY KEY,\n    name VARCHAR(40) NOT NULL DEFAULT '',\n    created_at TIMESTAMP{parent}\n);\nCREATE INDEX ix_t{i}_name ON t{i} (name);\n"));
            workspace.Write($"Migrations/{name}.down.sql", string.Create(CultureInfo.InvariantCulture, $"DROP INDEX ix_t{i}_name;\nDROP TABLE t{i};\n"));
        }
    }
}
