using Migrations.Build.Schema;
using Migrations.Build.Schema.Comparison;

namespace Migrations.Build.Tests.Unit.Schema;

/// <summary>One attribute of a sample object changed: the change and the attribute's value before and after it.</summary>
internal sealed record AttributeChange<T>(ObjectAttribute Attribute, Func<T, T> Change, string? Before, string? After);

/// <summary>A sample object of one kind and what the comparer must say about it in every situation of the table.</summary>
internal interface IKindSample
{
    IEnumerable<ComparerCase> Cases();
}

/// <summary>Builds the comparer cases of one kind of object from a sample of it, for the drift and the exact
/// options: equal, renamed, engine-named, each attribute changed, missing, unexpected, ignored.</summary>
/// <param name="Kind">How the case names read (<c>foreign key</c>).</param>
/// <param name="Item">A sample object with an explicit name.</param>
/// <param name="Place">A schema holding exactly these objects of the kind (and whatever they need around them).</param>
/// <param name="Describe">The typed object a difference about <paramref name="Item"/> (or a variant) names.</param>
/// <param name="Rename">The sample under another explicit name.</param>
/// <param name="IgnorePattern">A <c>MigrationsIgnore</c> pattern that leaves the sample out.</param>
/// <param name="Changes">Every attribute the kind compares, each changed on its own.</param>
internal sealed record KindSample<T>(
    string Kind,
    T Item,
    Func<IReadOnlyList<T>, DatabaseSchema> Place,
    Func<T, ComparedObject> Describe,
    Func<T, T> Rename,
    string IgnorePattern,
    IReadOnlyList<AttributeChange<T>> Changes) : IKindSample
{
    /// <summary>True when a name-only difference is a rename (constraints, indexes); false when the kind is matched
    /// by name only (tables, columns, views, …), so another name is another object.</summary>
    public bool PairsByDefinition { get; init; }

    /// <summary>The sample and a copy under another name, both named by the engine; null for kinds the engine never
    /// names.</summary>
    public (T Expected, T Actual)? EngineNamed { get; init; }

    public IEnumerable<ComparerCase> Cases()
    {
        foreach (var (options, mode) in new[] { (ComparisonOptions.Drift, "drift"), (ComparisonOptions.Exact, "exact") })
        {
            ComparerCase Case(string what, IReadOnlyList<T> expected, IReadOnlyList<T> actual, params SchemaDifference[] differences) =>
                new($"{Kind}, {what} ({mode})", Place(expected), Place(actual), options, differences);

            yield return Case("equal", [Item], [Item]);

            var renamed = Rename(Item);
            yield return PairsByDefinition
                ? Case("renamed", [Item], [renamed], new RenamedObject(Describe(renamed), Describe(Item).Child))
                : Case("renamed", [Item], [renamed], new MissingObject(Describe(Item)), new UnexpectedObject(Describe(renamed)));

            if (EngineNamed is var (generated, regenerated))
            {
                yield return options.Strict
                    ? Case("engine-named", [generated], [regenerated], new RenamedObject(Describe(regenerated), Describe(generated).Child))
                    : Case("engine-named", [generated], [regenerated]);
            }

            foreach (var change in Changes)
            {
                var changed = change.Change(Item);
                var expectedName = Describe(Item).IsTableChild ? Describe(Item).Child : null;
                yield return Case(
                    $"{change.Attribute} changed",
                    [Item],
                    [changed],
                    new ChangedAttribute(Describe(changed), change.Attribute, change.Before, change.After) { ExpectedName = expectedName });
            }

            yield return Case("missing", [Item], [], new MissingObject(Describe(Item)));
            yield return Case("unexpected", [], [Item], new UnexpectedObject(Describe(Item)));
            yield return new ComparerCase(
                $"{Kind}, ignored ({mode})", Place([Item]), Place([]), options with { Ignore = [IgnorePattern] }, []);
        }
    }
}
