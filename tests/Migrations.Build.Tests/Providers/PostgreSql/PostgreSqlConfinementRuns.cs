using Migrations.Build.Checks;
using Migrations.Build.Cli;
using Migrations.Build.Providers.PostgreSql;
using Migrations.Build.Tests.Unit.Migrations;
using Npgsql;

namespace Migrations.Build.Tests.Providers.PostgreSql;

/// <summary>What the confinement tests share: the two ways of using the shared cluster, checks of small migration
/// folders on them, and questions to the server as its superuser about what a refused statement aimed at.</summary>
internal static class PostgreSqlConfinementRuns
{
    /// <summary>A login role with CREATEDB and nothing more, as the docs advise for a server given by connection string.</summary>
    public const string CreatorRole = "migrations_build_test_creator";

    /// <summary><c>confined</c>: the engine's own cluster (runner role); <c>given</c>: a server given by connection
    /// string, used as its superuser.</summary>
    public static PostgreSqlProvider ProviderNamed(string name) => name switch
    {
        "confined" => PostgreSqlTestServer.ConfinedProvider,
        "given" => PostgreSqlTestServer.Provider,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "confined or given"),
    };

    /// <summary>A provider on the shared cluster as a given server whose role may only create databases.</summary>
    public static async Task<PostgreSqlProvider> CreatorProviderAsync()
    {
        await ExecuteAsync($"DO $$ BEGIN CREATE ROLE {CreatorRole} LOGIN CREATEDB; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        var settings = new NpgsqlConnectionStringBuilder(PostgreSqlTestServer.Provider.Settings.ConnectionString) { Username = CreatorRole };
        return await PostgreSqlProvider.CreateAsync(settings.ConnectionString, CancellationToken.None);
    }

    /// <summary>Checks the migrations (and model) in <paramref name="folder"/> on the provider.</summary>
    public static Task<ValidationResult> CheckAsync(TemporaryFolder folder, PostgreSqlProvider provider, bool model = false, string? setupScript = null) =>
        CheckComposition.RunAsync(
            new ValidationRequest(Path.Combine(folder.Path, "Migrations"))
            {
                Provider = "PostgreSql",
                ModelPath = model ? Path.Combine(folder.Path, "schema.sql") : null,
                SetupScripts = setupScript is null ? [] : [setupScript],
            },
            provider,
            CancellationToken.None);

    public static async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = await PostgreSqlTestServer.Provider.OpenServerConnectionAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public static async Task ExecuteAsync(string sql)
    {
        await using var connection = await PostgreSqlTestServer.Provider.OpenServerConnectionAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
