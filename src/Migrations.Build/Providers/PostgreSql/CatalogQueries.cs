using System.Reflection;

namespace Migrations.Build.Providers.PostgreSql;

/// <summary>The catalog queries (embedded <c>Catalog/*.sql</c> files), loaded once, in the order the reader
/// consumes their result sets.</summary>
internal static class CatalogQueries
{
    public const string Schemas = "schemas";
    public const string Tables = "tables";
    public const string Columns = "columns";
    public const string Constraints = "constraints";
    public const string Indexes = "indexes";
    public const string IndexKeys = "index_keys";
    public const string Views = "views";
    public const string Sequences = "sequences";
    public const string Enums = "enums";
    public const string Domains = "domains";
    public const string CompositeTypes = "composite_types";
    public const string Functions = "functions";
    public const string Triggers = "triggers";
    public const string Extensions = "extensions";
    public const string Comments = "comments";

    private static readonly string[] Order =
    [
        Schemas, Tables, Columns, Constraints, Indexes, IndexKeys, Views, Sequences, Enums, Domains, CompositeTypes,
        Functions, Triggers, Extensions, Comments,
    ];

    private static readonly Lazy<IReadOnlyList<(string Name, string Sql)>> Loaded = new(Load);

    /// <summary>Every query with its name, in result-set order.</summary>
    public static IReadOnlyList<(string Name, string Sql)> All => Loaded.Value;

    private static IReadOnlyList<(string Name, string Sql)> Load()
    {
        var assembly = typeof(CatalogQueries).Assembly;
        return Order.Select(name => (name, Read(assembly, name))).ToArray();
    }

    private static string Read(Assembly assembly, string name)
    {
        var suffix = ".PostgreSql.Catalog." + name + ".sql";
        var resource = assembly.GetManifestResourceNames().Single(r => r.EndsWith(suffix, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
