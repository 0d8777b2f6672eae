using Migrations.Build.Checks;
using Migrations.Build.Cli;
using Migrations.Build.Providers.Sqlite;
using Migrations.Build.Tests.Unit.Migrations;

namespace Migrations.Build.Tests.Providers.Checks;

/// <summary>
/// Spellings SQLite treats as the same are no drift: each pair is applied for real, one as the migration and one as
/// the model, and the whole check runs. <c>INT</c> against <c>INTEGER</c> matters only where SQLite makes a primary
/// key the rowid's alias, and the message says so.
/// </summary>
[TestClass]
public sealed class SqliteEquivalentSpellingTests
{
    [TestMethod]
    [DataRow("CREATE TABLE items (id INTEGER PRIMARY KEY, n INT)", "CREATE TABLE items (id INTEGER PRIMARY KEY, n INTEGER)")]
    [DataRow("CREATE TABLE items (id INTEGER PRIMARY KEY, n int NOT NULL)", "CREATE TABLE items (id integer primary key, n INTEGER NOT NULL)")]
    [DataRow("CREATE TABLE items (id INT NOT NULL, n TEXT, PRIMARY KEY (id, n))", "CREATE TABLE items (id INTEGER NOT NULL, n TEXT, PRIMARY KEY (id, n))")]
    [DataRow("CREATE TABLE items (id INT PRIMARY KEY, n TEXT) WITHOUT ROWID", "CREATE TABLE items (id INTEGER PRIMARY KEY, n TEXT) WITHOUT ROWID")]
    [DataRow("CREATE TABLE items (id INTEGER PRIMARY KEY, n INT) STRICT", "CREATE TABLE items (id INTEGER PRIMARY KEY, n INTEGER) STRICT")]
    [DataRow("CREATE TABLE items (id INTEGER PRIMARY KEY, s VARCHAR( 20 ))", "CREATE TABLE items (id INTEGER PRIMARY KEY, s varchar(20))")]
    public async Task Equivalent_spellings_are_no_drift(string migration, string model)
    {
        var result = await CheckAsync(migration, model);

        Assert.AreEqual("drift 0", result.Checks.Single(c => c.Check == "drift").Summary, string.Join("\n", result.Diagnostics));
    }

    [TestMethod]
    [DataRow("CREATE TABLE items (id INT PRIMARY KEY, n TEXT)", "CREATE TABLE items (id INTEGER PRIMARY KEY, n TEXT)",
        "Column items.id: an alias of the rowid (INTEGER PRIMARY KEY) in the model, a column of its own, not the rowid (only the type name INTEGER makes a one-column primary key the rowid's alias) after migrations.")]
    [DataRow("CREATE TABLE items (id INTEGER PRIMARY KEY, n TEXT)", "CREATE TABLE items (id INT PRIMARY KEY, n TEXT)",
        "Column items.id: a column of its own, not the rowid (only the type name INTEGER makes a one-column primary key the rowid's alias) in the model, an alias of the rowid (INTEGER PRIMARY KEY) after migrations.")]
    [DataRow("CREATE TABLE items (id INTEGER PRIMARY KEY, n BIGINT)", "CREATE TABLE items (id INTEGER PRIMARY KEY, n INTEGER)",
        "Column items.n: type INTEGER in the model, BIGINT after migrations.")]
    public async Task Spellings_that_differ_in_meaning_say_why(string migration, string model, string expected)
    {
        var result = await CheckAsync(migration, model);

        var drift = result.Diagnostics.Single(d => d.Code == "MIG3004");
        Assert.AreEqual(expected, drift.Message);
    }

    private static async Task<ValidationResult> CheckAsync(string migration, string model)
    {
        using var folder = new TemporaryFolder();
        folder.Write("Migrations/0001_create_items.up.sql", migration + ";\n");
        folder.Write("Migrations/0001_create_items.down.sql", "DROP TABLE items;\n");
        folder.Write("schema.sql", model + ";\n");
        var provider = new SqliteProvider();
        var request = new ValidationRequest(Path.Combine(folder.Path, "Migrations"))
        {
            ModelPath = Path.Combine(folder.Path, "schema.sql"),
            Provider = provider.DisplayName,
        };
        return await CheckComposition.RunAsync(request, provider, CancellationToken.None);
    }
}
