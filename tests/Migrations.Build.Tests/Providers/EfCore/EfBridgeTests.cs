using Migrations.Build.Migrations.EfCore;

namespace Migrations.Build.Tests.Providers.EfCore;

/// <summary>The bridge on each supported EF Core major and provider: a real app is built and read at design time,
/// never connecting to a database (the app's connection strings point at servers that do not exist).</summary>
[TestClass]
public sealed class EfBridgeTests
{
    [TestMethod]
    [DataRow("Sqlite", "8.0.34", "net8.0", "Microsoft.EntityFrameworkCore.Sqlite", "CREATE TABLE \"Notes\"", "DROP TABLE \"Notes\";", "\"Pinned\" INTEGER NOT NULL")]
    [DataRow("Sqlite", "9.0.23", "net8.0", "Microsoft.EntityFrameworkCore.Sqlite", "CREATE TABLE \"Notes\"", "DROP TABLE \"Notes\";", "\"Pinned\" INTEGER NOT NULL")]
    [DataRow("Sqlite", "10.0.15", "net10.0", "Microsoft.EntityFrameworkCore.Sqlite", "CREATE TABLE \"Notes\"", "DROP TABLE \"Notes\";", "\"Pinned\" INTEGER NOT NULL")]
    [DataRow("Npgsql", "8.0.34", "net8.0", "Npgsql.EntityFrameworkCore.PostgreSQL", "CREATE TABLE \"Notes\"", "DROP TABLE \"Notes\";", "\"Pinned\" boolean NOT NULL")]
    [DataRow("Npgsql", "9.0.23", "net8.0", "Npgsql.EntityFrameworkCore.PostgreSQL", "CREATE TABLE \"Notes\"", "DROP TABLE \"Notes\";", "\"Pinned\" boolean NOT NULL")]
    [DataRow("Npgsql", "10.0.15", "net10.0", "Npgsql.EntityFrameworkCore.PostgreSQL", "CREATE TABLE \"Notes\"", "DROP TABLE \"Notes\";", "\"Pinned\" boolean NOT NULL")]
    [DataRow("SqlServer", "8.0.34", "net8.0", "Microsoft.EntityFrameworkCore.SqlServer", "CREATE TABLE [Notes]", "DROP TABLE [Notes];", "[Pinned] bit NOT NULL")]
    [DataRow("SqlServer", "10.0.15", "net10.0", "Microsoft.EntityFrameworkCore.SqlServer", "CREATE TABLE [Notes]", "DROP TABLE [Notes];", "[Pinned] bit NOT NULL")]
    public void The_bridge_exports_the_provider_SQL_of_each_migration_the_create_script_and_the_pending_changes(
        string provider, string efCoreVersion, string framework, string efProvider, string up, string down, string pinnedColumn)
    {
        var npgsql = efCoreVersion[..efCoreVersion.IndexOf('.', StringComparison.Ordinal)] switch { "8" => "8.0.11", "9" => "9.0.4", _ => "10.0.3" };
        using var app = EfTestAppBuild.Create(provider, efCoreVersion, framework, npgsql);

        var (export, problem) = EfBridgeRun.Read(app.Project, CancellationToken.None);

        Assert.IsNull(problem, problem?.ToString());
        Assert.AreEqual(efCoreVersion, export!.EfVersion);
        var context = export.Contexts.Single();
        Assert.IsNull(context.Failure);
        Assert.AreEqual("NotesContext", context.Name);
        Assert.AreEqual(efProvider, context.Provider);
        var migration = context.Migrations.Single();
        Assert.AreEqual("20240101000000_CreateNotes", migration.Id);
        Assert.StartsWith(up, migration.Up.Single().Sql);
        Assert.AreEqual(down, migration.Down.Single().Sql.Trim());
        Assert.IsFalse(migration.Up.Concat(migration.Down).Any(c => c.Sql.Contains("__EFMigrationsHistory", StringComparison.Ordinal)), "no history-table rows");
        Assert.Contains(pinnedColumn, string.Join("\n", context.CreateScript.Select(c => c.Sql)));
        // The hand-written snapshot has no provider annotations (Npgsql's and SQL Server's identity columns), so
        // those providers also list an AlterColumn of Id; the column the model added is what every provider lists.
        var pending = context.PendingOperations!.Single(o => o.Kind == "AddColumn");
        Assert.AreEqual(("AddColumn", "Notes", "Pinned", "NotesApp.Note", "Pinned"), (pending.Kind, pending.Table, pending.Name, pending.EntityType, pending.Property));
        Assert.AreEqual("NotesApp.Note", context.Entities.Single().ClrType);
    }

    [TestMethod]
    public void A_context_the_app_does_not_have_is_named_with_the_ones_it_has()
    {
        using var app = EfTestAppBuild.Create("Sqlite", "10.0.15", "net10.0", "10.0.3");

        var (_, problem) = EfBridgeRun.Read(app.Project with { Contexts = ["OrdersContext"] }, CancellationToken.None);

        Assert.AreEqual("MIG0021", problem!.Code);
        Assert.AreEqual("MigrationsEfContext names 'OrdersContext', but the app's DbContexts are NotesContext.", problem.Message);
    }
}
