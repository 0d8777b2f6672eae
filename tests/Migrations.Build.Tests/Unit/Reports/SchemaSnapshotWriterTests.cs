using Migrations.Build.Reports;
using Migrations.Build.Schema;

namespace Migrations.Build.Tests.Unit.Reports;

[TestClass]
public sealed class SchemaSnapshotWriterTests
{
    [TestMethod]
    public void Snapshot_of_the_sample_schema_matches_the_golden_file() =>
        GoldenFile.AssertMatches("schema.snapshot.txt", SchemaSnapshotWriter.Render(SampleResult.Schema()));

    [TestMethod]
    public void The_same_schema_always_renders_the_same_bytes()
    {
        var first = SchemaSnapshotWriter.Render(EveryKind());
        var second = SchemaSnapshotWriter.Render(EveryKind());

        Assert.AreEqual(first, second);
    }

    [TestMethod]
    public void Objects_given_in_another_order_render_the_same_snapshot()
    {
        var schema = EveryKind();
        var reordered = schema with
        {
            Tables = schema.Tables.Reverse().Select(t => t with { Indexes = t.Indexes.Reverse().ToValueList() }).ToValueList(),
            OtherObjects = schema.OtherObjects.Reverse().ToValueList(),
        };

        Assert.AreEqual(SchemaSnapshotWriter.Render(schema), SchemaSnapshotWriter.Render(reordered));
    }

    [TestMethod]
    public void Every_kind_of_object_appears_in_the_snapshot()
    {
        var snapshot = SchemaSnapshotWriter.Render(EveryKind());

        string[] expectedLines =
        [
            "TABLE leads",
            "  id INTEGER NOT NULL",
            "  amount NUMERIC(10, 2) NOT NULL DEFAULT 0",
            "  PRIMARY KEY (id)",
            "  CONSTRAINT fk_leads_owner FOREIGN KEY (owner_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE NO ACTION",
            "  CONSTRAINT ck_leads_amount CHECK (amount >= 0)",
            "  INDEX ix_leads_owner_id (owner_id)",
            "  UNIQUE (email)  -- generated name: sqlite_autoindex_users_1",
            "  CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&) DEFERRABLE",
            "  UNIQUE INDEX ix_users_email_lower (lower(email) DESC) WHERE deleted_at IS NULL",
            "  OPTION STRICT",
            "  COMMENT 'People who own leads'",
            "VIEW open_leads",
            "MATERIALIZED VIEW lead_totals",
            "TRIGGER trg_leads_touch ON leads",
            "SEQUENCE invoice_numbers AS bigint START 1000 INCREMENT 1 MINVALUE 1 MAXVALUE 9223372036854775807 CYCLE",
            "ENUM TYPE lead_state ('new', 'won', 'lost')",
            "FUNCTION touch_updated_at",
            "EXTENSION citext",
        ];
        var lines = snapshot.Split('\n');
        foreach (var expected in expectedLines)
        {
            CollectionAssert.Contains(lines, expected, $"Snapshot lacks the line '{expected}':\n{snapshot}");
        }
    }

    [TestMethod]
    public void Snapshot_uses_LF_line_endings_and_no_trailing_spaces()
    {
        var snapshot = SchemaSnapshotWriter.Render(EveryKind());

        Assert.DoesNotContain("\r", snapshot);
        Assert.EndsWith("\n", snapshot);
        Assert.IsFalse(snapshot.Split('\n').Any(line => line.EndsWith(' ')), snapshot);
    }

    [TestMethod]
    public void Names_that_are_not_plain_identifiers_are_quoted()
    {
        var schema = new DatabaseSchema
        {
            Tables = ValueList.Of(new Table(new ObjectName("sales", "order lines"))
            {
                Columns = ValueList.Of(new Column("unit \"price\"", "REAL")),
                Indexes = ValueList.Of(new TableIndex("ix price", ValueList.Of(new IndexKey("unit \"price\"") { Descending = true }))),
            }),
        };

        var snapshot = SchemaSnapshotWriter.Render(schema);

        StringAssert.Contains(snapshot, "TABLE sales.\"order lines\"\n  \"unit \"\"price\"\"\" REAL\n");
        StringAssert.Contains(snapshot, "  INDEX \"ix price\" (\"unit \"\"price\"\"\" DESC)\n");
    }

    [TestMethod]
    public void An_empty_schema_renders_only_the_header() =>
        Assert.AreEqual(
            "-- Migrations.Build schema snapshot: 0 tables, 0 views, 0 triggers, 0 sequences, 0 enum types, 0 other objects\n",
            SchemaSnapshotWriter.Render(DatabaseSchema.Empty));

    private static DatabaseSchema EveryKind()
    {
        var sample = SampleResult.Schema();
        var users = SampleResult.Users() with
        {
            Indexes = ValueList.Of(new TableIndex("ix_users_email_lower", ValueList.Of(new IndexKey("lower(email)", IsExpression: true) { Descending = true }))
            {
                IsUnique = true,
                Predicate = "deleted_at IS NULL",
            }),
            ExclusionConstraints = ValueList.Of(new ExclusionConstraint("no_overlap", "EXCLUDE USING gist (during WITH &&)") { Deferrable = true }),
            Options = ValueList.Of("STRICT"),
            Comment = "People who own leads",
        };
        return sample with
        {
            Tables = ValueList.Of(SampleResult.Leads(), users),
            Views = ValueList.Of(
                new View(new ObjectName("lead_totals"), "SELECT owner_id, sum(amount) FROM leads GROUP BY owner_id") { Materialized = true },
                sample.Views[0]),
            Triggers = ValueList.Of(new Trigger(new ObjectName("trg_leads_touch"), new ObjectName("leads"), "CREATE TRIGGER trg_leads_touch\r\nBEFORE UPDATE ON leads\r\nFOR EACH ROW EXECUTE FUNCTION touch_updated_at()")),
            Sequences = ValueList.Of(new Sequence(new ObjectName("invoice_numbers")) { Start = 1000, MinValue = 1, MaxValue = long.MaxValue, Cycle = true }),
            EnumTypes = ValueList.Of(new EnumType(new ObjectName("lead_state"), ValueList.Of("new", "won", "lost"))),
            OtherObjects = ValueList.Of(
                new SchemaObject("function", new ObjectName("touch_updated_at"), "BEGIN\n  NEW.updated_at := now();\n  RETURN NEW;\nEND"),
                new SchemaObject("extension", new ObjectName("citext"), "citext 1.6")),
        };
    }
}
