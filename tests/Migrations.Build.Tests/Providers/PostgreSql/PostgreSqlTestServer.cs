using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;
using Migrations.Build.Providers;
using Migrations.Build.Providers.PostgreSql;
using Migrations.Build.Schema;

namespace Migrations.Build.Tests.Providers.PostgreSql;

/// <summary>One temporary PostgreSQL cluster shared by the test classes that are running: each class acquires it in
/// [ClassInitialize] and releases it in [ClassCleanup]; the last one out stops it. <see cref="Provider"/> uses it as a
/// server given by connection string (its superuser, as a CI service container's); <see cref="ConfinedProvider"/> as
/// the engine uses a cluster of its own (scratch databases owned by and used as the unprivileged runner role).</summary>
internal static class PostgreSqlTestServer
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static PostgreSqlProvider? _provider;
    private static PostgreSqlProvider? _confined;
    private static string? _unavailable;
    private static int _users;

    public static async Task AcquireAsync()
    {
        await Gate.WaitAsync();
        try
        {
            _users++;
            if (_provider is null && _unavailable is null)
            {
                try
                {
                    _confined = await PostgreSqlProvider.CreateAsync(null, CancellationToken.None);
                    _provider = await PostgreSqlProvider.CreateAsync(_confined.Settings.ConnectionString, CancellationToken.None);
                }
                catch (ProviderSetupException exception) when (exception.Descriptor == DiagnosticCodes.EngineNotInstalled)
                {
                    _unavailable = exception.Message;
                }
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task ReleaseAsync()
    {
        await Gate.WaitAsync();
        try
        {
            _users--;
            if (_users == 0 && _provider is not null)
            {
                await _provider.DisposeAsync();
                _provider = null;
                await _confined!.DisposeAsync();
                _confined = null;
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>The shared provider; a test that cannot get one is inconclusive (and fails when CI=true).</summary>
    public static PostgreSqlProvider Provider
    {
        get
        {
            if (_provider is null)
            {
                CannotRun(_unavailable ?? "The shared PostgreSQL test cluster was not started.");
            }

            return _provider!;
        }
    }

    /// <summary>The engine's own-cluster provider on the shared cluster: migrations run as <see cref="RunnerRole"/>.</summary>
    public static PostgreSqlProvider ConfinedProvider
    {
        get
        {
            _ = Provider;
            return _confined!;
        }
    }

    /// <summary>Inconclusive locally, a failure on CI (a skipped engine test there would hide a broken setup).</summary>
    public static void CannotRun(string reason) => TestPreconditions.CannotRun("PostgreSQL tests", reason);

    /// <summary>A script of one statement per item, each on its own lines, located as in a file.</summary>
    public static SqlScript Script(params string[] statements)
    {
        var located = new List<SqlStatement>();
        var line = 1;
        foreach (var statement in statements)
        {
            located.Add(new SqlStatement(statement, new SourceLocation("test.sql", line, 1)));
            line += statement.Count(c => c == '\n') + 1;
        }

        return new SqlScript("test.sql", located);
    }

    /// <summary>Runs <paramref name="sql"/> (several statements in one command) in a fresh scratch database and reflects it.</summary>
    public static async Task<DatabaseSchema> ReflectAsync(string sql)
    {
        await using var database = await Provider.CreateScratchDatabaseAsync("test", CancellationToken.None);
        await database.ExecuteAsync(Script(sql), CancellationToken.None);
        return await database.ReadSchemaAsync(CancellationToken.None);
    }
}
