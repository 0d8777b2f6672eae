using Migrations.Build.Checks;
using Migrations.Build.Cli;
using Migrations.Build.Diagnostics;
using Migrations.Build.Providers.Sqlite;
using Migrations.Build.Tests.Unit.Migrations;

namespace Migrations.Build.Tests.Providers.Sqlite;

/// <summary>A statement SQLite cannot prepare is reported at the token SQLite names (its error offset), not at the
/// statement's first line.</summary>
[TestClass]
public sealed class SqliteErrorPositionTests
{
    private static readonly SqliteProvider Sqlite = new();

    [TestMethod]
    [DataRow("    user_id INTEGER REFERENCES users (id) ON DELET CASCADE\n", 5, 46, "near \"DELET\": syntax error", DisplayName = "syntax error")]
    [DataRow("    user_id INTEGER REFERENCES users (id),\n    CHECK (nosuch > 0)\n", 6, 12, "no such column: nosuch", DisplayName = "unknown column, a line further")]
    public async Task An_error_inside_a_multi_line_statement_is_reported_at_its_token(string thirdLine, int line, int column, string message)
    {
        using var folder = new TemporaryFolder();
        var up = folder.Write(
            "Migrations/0001_create_orders.up.sql",
            "CREATE TABLE users (id INTEGER PRIMARY KEY);\n\nCREATE TABLE orders (\n    note TEXT DEFAULT 'café',\n" + thirdLine + ");\n");
        folder.Write("Migrations/0001_create_orders.down.sql", "DROP TABLE orders;\nDROP TABLE users;\n");
        var request = new ValidationRequest(Path.Combine(folder.Path, "Migrations")) { Provider = Sqlite.DisplayName };

        var result = await CheckComposition.RunAsync(request, Sqlite, CancellationToken.None);

        Assert.AreEqual(
            $"{up}({line},{column}): error MIG2001: Migration 0001_create_orders failed: {message}",
            Only(result, "MIG2001").ToString());
    }

    /// <summary>The one diagnostic of <paramref name="code"/>; fails with every diagnostic listed otherwise.</summary>
    private static Diagnostic Only(ValidationResult result, string code)
    {
        var found = result.Diagnostics.Where(d => d.Code == code).ToList();
        Assert.AreEqual(1, found.Count, string.Join("\n", result.Diagnostics));
        return found[0];
    }
}
