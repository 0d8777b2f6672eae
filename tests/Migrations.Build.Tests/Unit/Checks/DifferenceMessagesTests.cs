using Migrations.Build.Checks;
using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;
using Migrations.Build.Schema;
using Migrations.Build.Schema.Comparison;

namespace Migrations.Build.Tests.Unit.Checks;

/// <summary>The words and places of the diagnostics made from typed differences (drift and downgrade).</summary>
[TestClass]
public sealed class DifferenceMessagesTests
{
    private static readonly ObjectName Leads = new("leads");
    private static readonly ObjectName Users = new("users");

    private static readonly SqlScript Model = Script(
        "schema.sql",
        "CREATE TABLE users (\n    id INTEGER PRIMARY KEY\n);",
        "CREATE TABLE leads (\n    id INTEGER PRIMARY KEY,\n    user_id INTEGER REFERENCES users (id) ON DELETE CASCADE\n);",
        "CREATE INDEX ix_leads_user ON leads (user_id);");

    private static readonly Migration Migration = new(
        new MigrationVersion("0002"),
        "add_leads",
        Script("0002_add_leads.up.sql", "CREATE TABLE leads (id INTEGER PRIMARY KEY, user_id INTEGER);"),
        Script("0002_add_leads.down.sql", "DROP INDEX ix_leads_user;", "DROP TABLE leads;"))
    {
        Checksum = "0",
        Layout = "golang-migrate",
    };

    private static readonly ComparedObject ForeignKey = new(ObjectKind.ForeignKey, Leads) { Columns = ["user_id"], Target = Users, TargetColumns = ["id"] };

    public static IEnumerable<object[]> Messages =>
    [
        [
            new ChangedAttribute(ForeignKey, ObjectAttribute.OnDelete, "CASCADE", "NO ACTION"),
            "schema.sql(6,5): error MIG3004: Foreign key leads.user_id -> users(id): ON DELETE CASCADE in the model, NO ACTION after migrations.",
            "0002_add_leads.down.sql(2,12): error MIG4004: The down of 0002_add_leads does not restore foreign key leads.user_id -> users(id): ON DELETE CASCADE before the up, NO ACTION after the down.",
        ],
        [
            new MissingObject(new ComparedObject(ObjectKind.Table, Users)),
            "schema.sql(1,1): error MIG3006: Table users is in the model, but no migration creates it. Add a migration that creates it, or list it as pending (<MigrationsPendingTable Include=\"users\" />).",
            "0002_add_leads.down.sql(1,1): error MIG4003: The down of 0002_add_leads removes table users, which existed before the up.",
        ],
        [
            new MissingObject(new ComparedObject(ObjectKind.Index, Leads, "ix_leads_user")),
            "schema.sql(8,1): error MIG3002: Index ix_leads_user on leads is in the model, but missing after the migrations.",
            "0002_add_leads.down.sql(1,12): error MIG4003: The down of 0002_add_leads removes index ix_leads_user on leads, which existed before the up.",
        ],
        [
            new UnexpectedObject(new ComparedObject(ObjectKind.Column, Leads, "notes")),
            "0002_add_leads.up.sql(1,1): error MIG3003: Column leads.notes exists after the migrations, but not in the model.",
            "0002_add_leads.down.sql(2,12): error MIG4002: The down of 0002_add_leads leaves column leads.notes behind: it did not exist before the up.",
        ],
        [
            new RenamedObject(new ComparedObject(ObjectKind.CheckConstraint, Leads, "ck_b") { Expression = "id > 0" }, "ck_a"),
            "schema.sql(4,1): error MIG3005: Check constraint ck_b on leads is named ck_a in the model, named ck_b after the migrations.",
            "0002_add_leads.down.sql(2,12): error MIG4005: The down of 0002_add_leads restores check constraint ck_b on leads under another name: named ck_a before the up, named ck_b after the down.",
        ],
        [
            new RenamedObject(new ComparedObject(ObjectKind.PrimaryKey, Leads, "pk_leads") { Columns = ["id"] }, null),
            "schema.sql(4,1): error MIG3005: Primary key leads(id) is unnamed in the model, named pk_leads after the migrations.",
            "0002_add_leads.down.sql(2,12): error MIG4005: The down of 0002_add_leads restores primary key leads(id) under another name: unnamed before the up, named pk_leads after the down.",
        ],
        [
            new ChangedAttribute(new ComparedObject(ObjectKind.UniqueConstraint, Leads) { Columns = ["id", "user_id"] }, ObjectAttribute.Deferrability, "NOT DEFERRABLE", "DEFERRABLE INITIALLY DEFERRED"),
            "schema.sql(4,1): error MIG3004: Unique constraint leads(id, user_id): deferrability NOT DEFERRABLE in the model, DEFERRABLE INITIALLY DEFERRED after migrations.",
            "0002_add_leads.down.sql(2,12): error MIG4004: The down of 0002_add_leads does not restore unique constraint leads(id, user_id): deferrability NOT DEFERRABLE before the up, DEFERRABLE INITIALLY DEFERRED after the down.",
        ],
        [
            new ChangedAttribute(new ComparedObject(ObjectKind.Other, new ObjectName("f(integer)")) { EngineKind = "function" }, ObjectAttribute.Definition, "RETURN 1", null),
            "schema.sql(1,1): error MIG3004: Function f(integer): definition RETURN 1 in the model, none after migrations.",
            "0002_add_leads.down.sql(1,1): error MIG4004: The down of 0002_add_leads does not restore function f(integer): definition RETURN 1 before the up, none after the down.",
        ],
    ];

    [TestMethod]
    [DynamicData(nameof(Messages))]
    public void Each_difference_reads_the_same_in_drift_and_in_downgrade_messages(SchemaDifference difference, string drift, string downgrade)
    {
        var model = new ObjectLocator([Model]);
        var migrations = new ObjectLocator([Migration.Up]);

        Assert.AreEqual(drift, DifferenceMessages.Drift(difference, model, migrations, Model.Start).ToString());
        Assert.AreEqual(downgrade, DifferenceMessages.Downgrade(Migration, difference).ToString());
    }

    [TestMethod]
    public void Up_applied_again_names_what_differs_the_second_time()
    {
        var renamed = new RenamedObject(new ComparedObject(ObjectKind.Index, Leads, "ix_b"), "ix_a");

        Assert.AreEqual(
            "0002_add_leads.up.sql(1,1): error MIG4007: Migration 0002_add_leads applied again after its down gives another schema: index ix_b on leads is named ix_a the first time, named ix_b the second time.",
            DifferenceMessages.Reapply(Migration, renamed).ToString());
    }

    [TestMethod]
    [DataRow(ObjectKind.Other, "function", "refresh_comment()", "function refresh_comment()")]
    [DataRow(ObjectKind.Other, "domain", "email_address", "domain email_address")]
    [DataRow(ObjectKind.Other, null, "thing", "object thing")]
    [DataRow(ObjectKind.View, null, "open_leads", "view open_leads")]
    [DataRow(ObjectKind.Sequence, null, "lead_numbers", "sequence lead_numbers")]
    [DataRow(ObjectKind.EnumType, null, "lead_status", "enum type lead_status")]
    public void Objects_are_named_by_their_kind(ObjectKind kind, string? engineKind, string name, string named)
    {
        var missing = new MissingObject(new ComparedObject(kind, new ObjectName(name)) { EngineKind = engineKind });

        Assert.AreEqual($"The down of 0002_add_leads removes {named}, which existed before the up.", DifferenceMessages.Downgrade(Migration, missing).Message);
        Assert.AreEqual($"Migration 0002_add_leads applied again after its down gives another schema: {named} exists only the first time.", DifferenceMessages.Reapply(Migration, missing).Message);
        Assert.AreEqual(char.ToUpperInvariant(named[0]) + named[1..] + " exists after 0001, not after 0002.", DifferenceMessages.Between(missing, "0001", "0002"));
    }

    [TestMethod]
    [DataRow(null, "pk_leads", "unnamed the first time, named pk_leads the second time", "unnamed after 0001, named pk_leads after 0002")]
    [DataRow("pk_leads", null, "named pk_leads the first time, unnamed the second time", "named pk_leads after 0001, unnamed after 0002")]
    public void Unnamed_keys_are_said_to_be_unnamed(string? expectedName, string? actualName, string reapplied, string between)
    {
        var renamed = new RenamedObject(new ComparedObject(ObjectKind.PrimaryKey, Leads, actualName) { Columns = ["id"] }, expectedName);

        Assert.AreEqual($"Migration 0002_add_leads applied again after its down gives another schema: primary key leads(id) is {reapplied}.", DifferenceMessages.Reapply(Migration, renamed).Message);
        Assert.AreEqual($"Primary key leads(id) is {between}.", DifferenceMessages.Between(renamed, "0001", "0002"));
    }

    [TestMethod]
    public void Every_attribute_is_worded_as_the_messages_have_always_worded_it()
    {
        var words = Enum.GetValues<ObjectAttribute>().Select(DifferenceNames.Word).ToArray();

        CollectionAssert.AreEqual(
            new[]
            {
                "options", "comment", "type", "nullability", "default", "collation", "generated as", "identity", "AUTOINCREMENT", "rowid alias",
                "columns", "REFERENCES", "ON DELETE", "ON UPDATE", "MATCH", "deferrability", "validation", "CHECK",
                "definition", "uniqueness", "keys", "method", "INCLUDE", "WHERE", "NULLS NOT DISTINCT", "kind", "table", "labels",
                "START", "INCREMENT", "MINVALUE", "MAXVALUE", "CYCLE", "OWNED BY",
            },
            words);
    }

    private static SqlScript Script(string path, params string[] statements)
    {
        var located = new List<SqlStatement>();
        var line = 1;
        foreach (var statement in statements)
        {
            located.Add(new SqlStatement(statement, new SourceLocation(path, line, 1)));
            line += statement.Count(c => c == '\n') + 1;
        }

        return new SqlScript(path, located);
    }
}
