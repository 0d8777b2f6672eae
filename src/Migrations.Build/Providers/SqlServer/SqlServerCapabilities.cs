using Migrations.Build.Schema;

namespace Migrations.Build.Providers.SqlServer;

/// <summary>What the SQL Server reflection (of a DacFx model, or of a scratch database on a server) leaves out.</summary>
internal static class SqlServerCapabilities
{
    public static CapabilityProfile Profile { get; } = new(ValueList.Of(
        "permissions, roles, users, logins and object ownership",
        "partition schemes and functions, filegroups, data compression and fill factor",
        "full-text catalogs and indexes, XML and spatial indexes, columnstore options",
        "statistics, extended properties, synonyms, assemblies (CLR) and service broker objects",
        "the bodies of views, procedures, functions and triggers are compared as written (whitespace and case matter)",
        "the current values of sequences and the data in tables"));
}
