using Migrations.Build.Schema;
using Migrations.Build.Schema.Comparison;

namespace Migrations.Build.Tests.Unit.Schema;

/// <summary>The comparer's table of cases: every object kind in every situation, with the drift and the exact
/// options, each asserting the exact typed differences (and their order).</summary>
[TestClass]
public sealed class ComparerCaseTableTests
{
    private static readonly ObjectName T = new("t");
    private static readonly ObjectName U = new("u");

    public static IEnumerable<ComparerCase> AllCases => KindSamples.All().SelectMany(sample => sample.Cases()).Concat(SpecialCases());

    public static IEnumerable<object[]> Cases => AllCases.Select(c => new object[] { c });

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void Comparer_reports_exactly_the_expected_differences(ComparerCase @case)
    {
        var differences = SchemaComparer.Compare(@case.Expected, @case.Actual, @case.Options);

        CollectionAssert.AreEqual(@case.Differences, differences.ToArray(), $"{@case.Name}: got\n{string.Join("\n", differences)}");
    }

    [TestMethod]
    public void Table_covers_every_object_kind_and_every_attribute_under_both_options()
    {
        var cases = AllCases.ToList();

        foreach (var strict in new[] { false, true })
        {
            var differences = cases.Where(c => c.Options.Strict == strict).SelectMany(c => c.Differences).ToList();
            CollectionAssert.AreEquivalent(Enum.GetValues<ObjectKind>(), differences.Select(d => d.Object.Kind).Distinct().ToArray(), $"strict: {strict}");
            var attributes = differences.OfType<ChangedAttribute>().Select(c => c.Attribute).Distinct().ToArray();
            CollectionAssert.AreEquivalent(Enum.GetValues<ObjectAttribute>(), attributes, $"strict: {strict}");
        }

        Assert.AreEqual(cases.Count, cases.Select(c => c.Name).Distinct().Count(), "every case has its own name");
    }

    private static IEnumerable<ComparerCase> SpecialCases()
    {
        var columns = new Table(T) { Columns = [new Column("id", "INTEGER"), new Column("a", "INTEGER"), new Column("b", "TEXT")] };
        var reordered = columns with { Columns = [columns.Columns[0], columns.Columns[2], columns.Columns[1]] };
        yield return new("column order alone (drift)", Schema(columns), Schema(reordered), ComparisonOptions.Drift, []);
        yield return new("column order alone (exact)", Schema(columns), Schema(reordered), ComparisonOptions.Exact,
        [
            new ColumnOrderChanged(new ComparedObject(ObjectKind.Table, T), ValueList.Of("id", "a", "b"), ValueList.Of("id", "b", "a")),
        ]);

        // A column added and another one moved: the added one is its own finding, the order is judged on the shared ones.
        var moved = columns with { Columns = [columns.Columns[0], columns.Columns[2], new Column("c", "TEXT"), columns.Columns[1]] };
        yield return new("column order of the shared columns (exact)", Schema(columns), Schema(moved), ComparisonOptions.Exact,
        [
            new UnexpectedObject(new ComparedObject(ObjectKind.Column, T, "c")),
            new ColumnOrderChanged(new ComparedObject(ObjectKind.Table, T), ValueList.Of("id", "a", "b"), ValueList.Of("id", "b", "c", "a")),
        ]);

        // An unnamed foreign key (SQLite keeps no name) is paired by its columns, then compared.
        var unnamed = new ForeignKey(null, ["a"], U, ["id"]);
        var unnamedObject = new ComparedObject(ObjectKind.ForeignKey, T) { Columns = ["a"], Target = U, TargetColumns = ["id"] };
        foreach (var options in new[] { ComparisonOptions.Drift, ComparisonOptions.Exact })
        {
            yield return new($"unnamed foreign key, ON DELETE changed ({Mode(options)})",
                Schema(columns with { ForeignKeys = [unnamed] }),
                Schema(columns with { ForeignKeys = [unnamed with { OnDelete = "CASCADE" }] }),
                options,
                [new ChangedAttribute(unnamedObject, ObjectAttribute.OnDelete, "NO ACTION", "CASCADE")]);

            // An unnamed check is its expression: another expression is another check.
            yield return new($"unnamed check constraint, expression changed ({Mode(options)})",
                Schema(columns with { CheckConstraints = [new CheckConstraint(null, "a > 0")] }),
                Schema(columns with { CheckConstraints = [new CheckConstraint(null, "a >= 0")] }),
                options,
                [
                    new MissingObject(new ComparedObject(ObjectKind.CheckConstraint, T) { Expression = "a > 0" }),
                    new UnexpectedObject(new ComparedObject(ObjectKind.CheckConstraint, T) { Expression = "a >= 0" }),
                ]);

            // Same keys under another name and another definition: renamed and changed, located by the expected name.
            yield return new($"index renamed and made unique ({Mode(options)})",
                Schema(columns with { Indexes = [new TableIndex("ix_t_a", [new IndexKey("a")])] }),
                Schema(columns with { Indexes = [new TableIndex("ix_t_a2", [new IndexKey("a")]) { IsUnique = true }] }),
                options,
                [
                    new RenamedObject(new ComparedObject(ObjectKind.Index, T, "ix_t_a2"), "ix_t_a"),
                    new ChangedAttribute(new ComparedObject(ObjectKind.Index, T, "ix_t_a2"), ObjectAttribute.Uniqueness, "not unique", "UNIQUE") { ExpectedName = "ix_t_a" },
                ]);

            // A missing table is one difference: what is on it is not listed again.
            yield return new($"table missing with its children ({Mode(options)})",
                Schema(columns with { ForeignKeys = [unnamed], Indexes = [new TableIndex("ix_t_a", [new IndexKey("a")])] }, new Table(U)),
                Schema(new Table(U)),
                options,
                [new MissingObject(new ComparedObject(ObjectKind.Table, T))]);
        }
    }

    private static string Mode(ComparisonOptions options) => options.Strict ? "exact" : "drift";

    private static DatabaseSchema Schema(params Table[] tables) => new() { Tables = tables.ToValueList() };
}
