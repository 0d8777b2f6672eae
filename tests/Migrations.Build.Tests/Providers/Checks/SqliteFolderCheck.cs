using Migrations.Build.Checks;
using Migrations.Build.Cli;
using Migrations.Build.Providers.Sqlite;
using Migrations.Build.Tests.Unit.Migrations;

namespace Migrations.Build.Tests.Providers.Checks;

/// <summary>Runs the whole check on SQLite for a test folder's <c>Migrations/</c> against its <c>schema.sql</c>, as the
/// layout tests do.</summary>
internal static class SqliteFolderCheck
{
    public const string Users = "CREATE TABLE users (\n    id INTEGER PRIMARY KEY,\n    email TEXT NOT NULL\n);\n";

    private static readonly SqliteProvider Sqlite = new();

    public static async Task<ValidationResult> RunAsync(TemporaryFolder folder, string? layout = null)
    {
        var request = new ValidationRequest(Path.Combine(folder.Path, "Migrations"))
        {
            ModelPath = Path.Combine(folder.Path, "schema.sql"),
            Provider = Sqlite.DisplayName,
            Layout = layout,
        };
        return await CheckComposition.RunAsync(request, Sqlite, CancellationToken.None);
    }
}
