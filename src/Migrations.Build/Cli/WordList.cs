namespace Migrations.Build.Cli;

/// <summary>Joins names the way a sentence lists them: <c>Sqlite, PostgreSql or SqlServer</c>.</summary>
internal static class WordList
{
    public static string Or(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Concat(items) : $"{string.Join(", ", items.Take(items.Count - 1))} or {items[^1]}";
}
