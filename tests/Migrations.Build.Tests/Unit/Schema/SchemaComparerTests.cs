using Migrations.Build.Checks;
using Migrations.Build.Schema;
using Migrations.Build.Schema.Comparison;

namespace Migrations.Build.Tests.Unit.Schema;

[TestClass]
public sealed class SchemaComparerTests
{
    private static readonly ObjectName Users = new("users");
    private static readonly ObjectName Leads = new("leads");

    private static DatabaseSchema Schema(ForeignKey? foreignKey = null, TableIndex? index = null, Column? extraColumn = null)
    {
        var leadColumns = new List<Column> { new("id", "INTEGER"), new("owner_id", "INTEGER") };
        if (extraColumn is not null)
        {
            leadColumns.Add(extraColumn);
        }

        return new DatabaseSchema
        {
            Tables = ValueList.Of(
                new Table(Leads)
                {
                    Columns = leadColumns,
                    PrimaryKey = new PrimaryKey(null, ValueList.Of("id")) { NameIsGenerated = true },
                    ForeignKeys = foreignKey is null ? ValueList<ForeignKey>.Empty : ValueList.Of(foreignKey),
                    Indexes = index is null ? ValueList<TableIndex>.Empty : ValueList.Of(index),
                },
                new Table(Users) { Columns = ValueList.Of(new Column("id", "INTEGER")) }),
        };
    }

    private static ForeignKey OwnerKey(string? name = null, string onDelete = "NO ACTION") =>
        new(name, ValueList.Of("owner_id"), Users, ValueList.Of("id")) { OnDelete = onDelete, NameIsGenerated = name is null };

    [TestMethod]
    public void Equal_schemas_have_no_differences()
    {
        var differences = SchemaComparer.Compare(Schema(OwnerKey()), Schema(OwnerKey()), ComparisonOptions.Exact);

        Assert.AreEqual(0, differences.Count);
    }

    [TestMethod]
    public void Unnamed_foreign_key_with_another_action_is_reported_as_changed()
    {
        var differences = SchemaComparer.Compare(Schema(OwnerKey(onDelete: "CASCADE")), Schema(OwnerKey()), ComparisonOptions.Drift);

        var changed = differences.OfType<ChangedAttribute>().Single();
        Assert.AreEqual("leads.owner_id -> users(id)", DifferenceNames.Of(changed.Object));
        Assert.AreEqual(ObjectAttribute.OnDelete, changed.Attribute);
        Assert.AreEqual("CASCADE", changed.Expected);
        Assert.AreEqual("NO ACTION", changed.Actual);
        Assert.AreEqual(1, differences.Count);
    }

    [TestMethod]
    public void Index_with_another_name_and_same_keys_is_a_rename_not_a_structural_change()
    {
        var keys = ValueList.Of(new IndexKey("owner_id"));
        var differences = SchemaComparer.Compare(
            Schema(index: new TableIndex("ix_owner", keys)),
            Schema(index: new TableIndex("idx_owner", keys)),
            ComparisonOptions.Drift);

        var renamed = differences.OfType<RenamedObject>().Single();
        Assert.AreEqual("ix_owner", renamed.ExpectedName);
        Assert.AreEqual("idx_owner", renamed.ActualName);
        Assert.AreEqual(1, differences.Count);
    }

    [TestMethod]
    public void Generated_constraint_names_are_ignored_in_drift_but_not_in_exact_comparison()
    {
        var expected = Schema(new ForeignKey("leads_owner_id_fkey", ValueList.Of("owner_id"), Users, ValueList.Of("id")) { NameIsGenerated = true });
        var actual = Schema(new ForeignKey("leads_owner_fkey1", ValueList.Of("owner_id"), Users, ValueList.Of("id")) { NameIsGenerated = true });

        Assert.AreEqual(0, SchemaComparer.Compare(expected, actual, ComparisonOptions.Drift).Count);
        Assert.IsInstanceOfType<RenamedObject>(SchemaComparer.Compare(expected, actual, ComparisonOptions.Exact).Single());
    }

    [TestMethod]
    public void Column_left_behind_is_unexpected_and_a_missing_one_is_missing()
    {
        var differences = SchemaComparer.Compare(Schema(), Schema(extraColumn: new Column("notes", "TEXT")), ComparisonOptions.Exact);
        var unexpected = differences.OfType<UnexpectedObject>().Single();
        Assert.AreEqual("leads.notes", DifferenceNames.Of(unexpected.Object));

        differences = SchemaComparer.Compare(Schema(extraColumn: new Column("notes", "TEXT")), Schema(), ComparisonOptions.Exact);
        Assert.AreEqual("leads.notes", DifferenceNames.Of(differences.OfType<MissingObject>().Single().Object));
    }

    [TestMethod]
    public void Column_order_matters_only_in_exact_comparison()
    {
        var ab = new DatabaseSchema { Tables = ValueList.Of(new Table(Users) { Columns = ValueList.Of(new Column("a", "INT"), new Column("b", "INT")) }) };
        var ba = new DatabaseSchema { Tables = ValueList.Of(new Table(Users) { Columns = ValueList.Of(new Column("b", "INT"), new Column("a", "INT")) }) };

        Assert.AreEqual(0, SchemaComparer.Compare(ab, ba, ComparisonOptions.Drift).Count);
        var order = (ColumnOrderChanged)SchemaComparer.Compare(ab, ba, ComparisonOptions.Exact).Single();
        CollectionAssert.AreEqual(new[] { "a", "b" }, order.Expected.ToArray());
        CollectionAssert.AreEqual(new[] { "b", "a" }, order.Actual.ToArray());
    }

    [TestMethod]
    [DataRow("leads", 0)]
    [DataRow("lea*", 0)]
    [DataRow("users", 1)]
    public void Ignored_objects_are_left_out(string pattern, int expectedDifferences)
    {
        var withLeads = Schema();
        var withoutLeads = withLeads with { Tables = withLeads.Tables.Where(t => t.Name != Leads).ToValueList() };

        var differences = SchemaComparer.Compare(withLeads, withoutLeads, ComparisonOptions.Drift with { Ignore = [pattern] });

        Assert.AreEqual(expectedDifferences, differences.Count);
    }

    [TestMethod]
    public void Missing_table_is_reported_once_without_its_children()
    {
        var withLeads = Schema(OwnerKey());
        var withoutLeads = withLeads with { Tables = withLeads.Tables.Where(t => t.Name != Leads).ToValueList() };

        var missing = SchemaComparer.Compare(withLeads, withoutLeads, ComparisonOptions.Drift).Single();

        Assert.AreEqual(new MissingObject(new ComparedObject(ObjectKind.Table, Leads)), missing);
    }
}
