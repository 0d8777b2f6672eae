namespace Migrations.Build.Schema.Comparison;

/// <summary>The comparison walk, written once for every kind of object: pair by name, then by definition (for
/// engine-named or renamed objects), then by identity (changed objects); what is left is missing or unexpected.</summary>
internal static class ChildMatcher
{
    public static void Compare<T>(
        IObjectKind<T> kind,
        IReadOnlyList<T> expected,
        IReadOnlyList<T> actual,
        ObjectName? table,
        ComparisonOptions options,
        List<SchemaDifference> output,
        Action<T, T, List<SchemaDifference>>? compareChildren = null)
    {
        var leftExpected = expected.Where(item => !IsIgnored(kind, item, table, options)).ToList();
        var leftActual = actual.Where(item => !IsIgnored(kind, item, table, options)).ToList();

        // 1. Same explicit name: the same object; compare its definition attribute by attribute.
        foreach (var e in leftExpected.ToList())
        {
            var name = kind.Name(e);
            if (name is null || (!options.Strict && kind.NameIsGenerated(e)))
            {
                continue;
            }

            var a = leftActual.FirstOrDefault(x => kind.Name(x) == name && (options.Strict || !kind.NameIsGenerated(x)));
            if (a is null)
            {
                continue;
            }

            Pair(e, a);
            CompareAttributes(kind, e, a, table, options, output);
            compareChildren?.Invoke(e, a, output);
        }

        // 2. Same definition: equal, apart from the name.
        foreach (var e in kind.PairsByDefinition ? leftExpected.ToList() : [])
        {
            var definition = Definition(kind, e, options);
            var a = leftActual.FirstOrDefault(x => Definition(kind, x, options) == definition);
            if (a is null)
            {
                continue;
            }

            Pair(e, a);
            if (NamesDiffer(kind, e, a, options))
            {
                output.Add(new RenamedObject(kind.Describe(a, table), kind.Name(e)));
            }

            compareChildren?.Invoke(e, a, output);
        }

        // 3. Same identity (e.g. the foreign key on the same columns): the object changed.
        foreach (var e in kind.PairsByDefinition ? leftExpected.ToList() : [])
        {
            var identity = kind.Identity(e);
            var a = leftActual.FirstOrDefault(x => kind.Identity(x) == identity);
            if (a is null)
            {
                continue;
            }

            Pair(e, a);
            if (NamesDiffer(kind, e, a, options))
            {
                output.Add(new RenamedObject(kind.Describe(a, table), kind.Name(e)));
            }

            CompareAttributes(kind, e, a, table, options, output);
            compareChildren?.Invoke(e, a, output);
        }

        foreach (var e in leftExpected)
        {
            output.Add(new MissingObject(kind.Describe(e, table)));
        }

        foreach (var a in leftActual)
        {
            output.Add(new UnexpectedObject(kind.Describe(a, table)));
        }

        void Pair(T e, T a)
        {
            leftExpected.Remove(e);
            leftActual.Remove(a);
        }
    }

    private static bool IsIgnored<T>(IObjectKind<T> kind, T item, ObjectName? table, ComparisonOptions options)
    {
        var name = kind.Name(item);
        if (name is null)
        {
            return false;
        }

        return table is null ? options.IsIgnored(name) : options.IsIgnored($"{table.Name}.{name}");
    }

    private static bool NamesDiffer<T>(IObjectKind<T> kind, T expected, T actual, ComparisonOptions options)
    {
        var generated = kind.NameIsGenerated(expected) || kind.NameIsGenerated(actual);
        return kind.Name(expected) != kind.Name(actual) && (options.Strict || !generated);
    }

    private static string Definition<T>(IObjectKind<T> kind, T item, ComparisonOptions options) =>
        string.Join("\u001f", kind.Attributes(item, options).Select(a => a.Attribute + "=" + a.Value));

    private static void CompareAttributes<T>(IObjectKind<T> kind, T expected, T actual, ObjectName? table, ComparisonOptions options, List<SchemaDifference> output)
    {
        var expectedAttributes = kind.Attributes(expected, options).ToList();
        var actualAttributes = kind.Attributes(actual, options).ToDictionary(a => a.Attribute, a => a.Value);
        foreach (var (attribute, value) in expectedAttributes)
        {
            actualAttributes.TryGetValue(attribute, out var actualValue);
            if (value != actualValue)
            {
                output.Add(new ChangedAttribute(kind.Describe(actual, table), attribute, value, actualValue)
                {
                    ExpectedName = table is null ? null : kind.Name(expected),
                });
            }
        }
    }
}
