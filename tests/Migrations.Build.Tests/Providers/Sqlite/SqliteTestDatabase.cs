using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;
using Migrations.Build.Providers.Sqlite;
using Migrations.Build.Schema;

namespace Migrations.Build.Tests.Providers.Sqlite;

/// <summary>Runs SQL on a fresh in-memory SQLite scratch database and reflects it.</summary>
internal static class SqliteTestDatabase
{
    public static SqlScript Script(string sql, string path = "test.sql") =>
        new(path, ValueList.Of(new SqlStatement(sql, new SourceLocation(path))));

    public static async Task<DatabaseSchema> ReflectAsync(string sql)
    {
        await using var database = new SqliteScratchDatabase();
        await database.ExecuteAsync(Script(sql), CancellationToken.None);
        return await database.ReadSchemaAsync(CancellationToken.None);
    }

    public static Table Table(this DatabaseSchema schema, string name) =>
        schema.FindTable(new ObjectName(name)) ?? throw new AssertFailedException($"No table {name} in {string.Join(", ", schema.Tables.Select(t => t.Name))}");
}
