namespace Migrations.Build.Schema.Comparison;

/// <summary>Formatting shared by the object kinds.</summary>
internal static class ObjectKinds
{
    public static string List(IEnumerable<string> names) => string.Join(", ", names);

    public static string Flag(bool value, string whenTrue, string whenFalse) => value ? whenTrue : whenFalse;
}
