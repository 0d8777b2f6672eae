namespace Migrations.Build.Migrations.EfCore;

/// <summary>Which engine checks a DbContext: its EF Core provider's engine.</summary>
public static class EfProviderNames
{
    /// <summary>The engine's provider name for an EF Core provider (Sqlite, PostgreSql, SqlServer), or null.</summary>
    public static string? EngineProvider(string? efProvider) => efProvider switch
    {
        "Microsoft.EntityFrameworkCore.Sqlite" => "Sqlite",
        "Npgsql.EntityFrameworkCore.PostgreSQL" => "PostgreSql",
        "Microsoft.EntityFrameworkCore.SqlServer" => "SqlServer",
        _ => null,
    };
}
