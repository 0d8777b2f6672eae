using System.Reflection;

namespace Migrations.Build.Reports;

/// <summary>The engine's version as the package names it (the informational version without its commit suffix).</summary>
internal static class EngineVersion
{
    public static string Current { get; } = Read();

    private static string Read()
    {
        var informational = typeof(EngineVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(informational))
        {
            return typeof(EngineVersion).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        }

        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }
}
