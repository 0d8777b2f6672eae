using Migrations.Build.Checks;
using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;
using Migrations.Build.Tests.Unit.Migrations;

namespace Migrations.Build.Tests.Providers.Checks;

/// <summary>By-name histories through the whole check on SQLite: DbUp's up-only scripts with spaces in their names, and
/// up/down pairs with several files per number and a number without a name, where a broken down is found at its file.</summary>
[TestClass]
public sealed class SqliteByNameLayoutCheckTests
{
    private const string Users = SqliteFolderCheck.Users;
    private const string Teams = "CREATE TABLE teams (\n    id INTEGER PRIMARY KEY\n);\n";
    private const string Index = "CREATE INDEX ix_users_email ON users (email);\n";

    private static List<Diagnostic> Findings(ValidationResult result, params DiagnosticDescriptor[] expected) =>
        result.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info && !expected.Contains(d.Descriptor)).ToList();

    [TestMethod]
    public async Task DbUp_scripts_are_applied_in_name_order_and_match_the_model()
    {
        using var folder = new TemporaryFolder();
        folder.Write("Migrations/Script0002 - Add email index.sql", Index);
        folder.Write("Migrations/Script0001 - Create tables.sql", Users + Teams);
        folder.Write("Migrations/Script0003 - Seed teams.sql", "INSERT INTO teams (id) VALUES (1);\n");
        folder.Write("schema.sql", Users + Teams + Index);

        var result = await SqliteFolderCheck.RunAsync(folder, MigrationLayouts.ByName);

        var findings = Findings(result, DiagnosticCodes.MissingDown);
        Assert.AreEqual(0, findings.Count, string.Join("\n", findings));
        Assert.AreEqual(3, result.Diagnostics.Count(d => d.Descriptor == DiagnosticCodes.MissingDown));
        Assert.AreEqual("drift 0", result.Checks.Single(c => c.Check == "drift").Summary);
    }

    [TestMethod]
    public async Task Pairs_with_several_files_per_number_are_proven_and_a_broken_down_is_reported_at_its_file()
    {
        using var folder = new TemporaryFolder();
        folder.Write("Migrations/0001_a_users.up.sql", Users);
        folder.Write("Migrations/0001_a_users.down.sql", "DROP TABLE users;\n");
        folder.Write("Migrations/0001_b_teams.up.sql", Teams);
        var broken = folder.Write("Migrations/0001_b_teams.down.sql", "SELECT 1;\n");
        folder.Write("Migrations/0157.up.sql", Index);
        folder.Write("Migrations/0157.down.sql", "DROP INDEX ix_users_email;\n");
        folder.Write("schema.sql", Users + Teams + Index);

        var result = await SqliteFolderCheck.RunAsync(folder, MigrationLayouts.ByName);

        var error = result.Diagnostics.Single(d => d.Severity == DiagnosticSeverity.Error);
        Assert.AreEqual(broken, error.Location!.Path);
        StringAssert.Contains(error.Message, "teams");
        Assert.AreEqual("drift 0", result.Checks.Single(c => c.Check == "drift").Summary);
        Assert.AreEqual("downgrades 2/3 proven", result.Checks.Single(c => c.Check == "downgrade").Summary);
    }
}
