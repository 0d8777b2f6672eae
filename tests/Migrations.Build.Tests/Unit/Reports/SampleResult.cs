using Migrations.Build.Checks;
using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;
using Migrations.Build.Schema;

namespace Migrations.Build.Tests.Unit.Reports;

/// <summary>A hand-made validation result: users and leads with a foreign key, an index, a view and three diagnostics.</summary>
internal static class SampleResult
{
    /// <summary>A rooted folder the reports show paths relative to; nothing is read from or written to it.</summary>
    public static string BaseDirectory { get; } = Path.GetFullPath(Path.Combine(Path.GetPathRoot(Path.GetTempPath())!, "work", "app"));

    public static DatabaseSchema Schema() => new()
    {
        Tables = ValueList.Of(Leads(), Users()),
        Views = ValueList.Of(new View(new ObjectName("open_leads"), "SELECT id, title\nFROM leads\nWHERE amount > 0")),
    };

    public static Table Users() => new(new ObjectName("users"))
    {
        Columns = ValueList.Of(
            new Column("id", "INTEGER") { NotNull = true },
            new Column("email", "VARCHAR(100)") { NotNull = true, Collation = "NOCASE" },
            new Column("created_at", "TEXT") { NotNull = true, Default = "CURRENT_TIMESTAMP" }),
        PrimaryKey = new PrimaryKey(null, ValueList.Of("id")),
        UniqueConstraints = ValueList.Of(new UniqueConstraint("sqlite_autoindex_users_1", ValueList.Of("email")) { NameIsGenerated = true }),
    };

    public static Table Leads() => new(new ObjectName("leads"))
    {
        Columns = ValueList.Of(
            new Column("id", "INTEGER") { NotNull = true },
            new Column("owner_id", "INTEGER") { NotNull = true },
            new Column("title", "TEXT"),
            new Column("amount", "NUMERIC(10, 2)") { NotNull = true, Default = "0" }),
        PrimaryKey = new PrimaryKey(null, ValueList.Of("id")),
        ForeignKeys = ValueList.Of(new ForeignKey("fk_leads_owner", ValueList.Of("owner_id"), new ObjectName("users"), ValueList.Of("id")) { OnDelete = "CASCADE" }),
        CheckConstraints = ValueList.Of(new CheckConstraint("ck_leads_amount", "amount >= 0")),
        Indexes = ValueList.Of(new TableIndex("ix_leads_owner_id", ValueList.Of(new IndexKey("owner_id")))),
    };

    public static ValidationResult Result() => new(new ValidationRequest(Path.Combine(BaseDirectory, "Migrations")), "SQLite")
    {
        Migrations = ValueList.Of(Migration("0001", "create_users"), Migration("0002", "add_leads")),
        MigratedSchema = Schema(),
        ModelSchema = Schema() with { Views = ValueList<View>.Empty },
        Checks = ValueList.Of(
            new CheckOutcome("History", CheckStatus.Passed, "2 migrations, lock respected"),
            new CheckOutcome("Upgrade", CheckStatus.Passed, "2/2 ups applied"),
            new CheckOutcome("Drift", CheckStatus.Failed, "1 difference"),
            new CheckOutcome("Downgrade", CheckStatus.NotRun, "turned off (MigrationsDowngradeCheck=None)")),
        Diagnostics = ValueList.Of(
            new Diagnostic(
                DiagnosticCodes.NotInModel,
                "View 'open_leads' is created by the migrations but is not in the model",
                new SourceLocation(Path.Combine(BaseDirectory, "Migrations", "0002_add_leads.up.sql"), 8, 1)),
            new Diagnostic(
                DiagnosticCodes.MissingDown,
                "Migration 0002_add_leads has no down script",
                new SourceLocation(Path.Combine(BaseDirectory, "Migrations", "0002_add_leads.up.sql"))),
            new Diagnostic(DiagnosticCodes.NotVerifiable, "Collation of users.email cannot be verified on SQLite | it is not reflected")),
        Elapsed = TimeSpan.FromMilliseconds(412),
    };

    private static Migration Migration(string version, string name)
    {
        var up = new SqlScript(Path.Combine(BaseDirectory, "Migrations", $"{version}_{name}.up.sql"), ValueList<SqlStatement>.Empty);
        return new Migration(new MigrationVersion(version), name, up, Down: null) { Checksum = "0", Layout = "golang-migrate" };
    }
}
