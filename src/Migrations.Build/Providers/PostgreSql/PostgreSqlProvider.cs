using System.Collections.Concurrent;
using System.Diagnostics;
using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;
using Migrations.Build.Schema;
using Npgsql;

namespace Migrations.Build.Providers.PostgreSql;

/// <summary>The PostgreSQL engine: scratch databases on a given server, or on a temporary cluster it starts.</summary>
/// <remarks>
/// DDL only ever runs in scratch databases this provider created (<c>migrations_build_&lt;UTC timestamp&gt;_&lt;random&gt;</c>,
/// from <c>template0</c>, checked with <c>current_database()</c> before use). The database the connection string
/// names is used only to issue CREATE/DROP DATABASE. At start, scratch databases of killed runs are dropped (see
/// <see cref="ScratchDatabaseSweeper"/>: at once when their owner process ran here and is gone), and so are the
/// temporary clusters of killed engines on this machine. A scratch database is registered for dropping before
/// <c>CREATE DATABASE</c> is sent, so a cancel at any moment drops it. The connection string is never printed.
/// Confinement: every statement of a migration or model is judged before it runs (<see cref="PostgreSqlConfinement"/>).
/// On the engine's own clusters the scratch databases are owned by, and used as, the unprivileged
/// <see cref="RunnerRole"/>; on a server given by connection string they are used as the given role (give it CREATEDB,
/// not superuser).
/// </remarks>
public sealed class PostgreSqlProvider : IDatabaseProvider
{
    private readonly NpgsqlDataSource _server;
    private readonly NpgsqlConnectionStringBuilder _settings;
    private readonly TemporaryCluster? _cluster;

    // The role the scratch databases are owned by and used as, on a cluster of the engine's own; null: the given role.
    private readonly string? _runner;

    // One CREATE DATABASE at a time: run together, each copy of template0 contends with the others for the WAL and
    // the disk (measured: three at once take 180-250 ms each, one after the other ~45 ms each).
    private readonly SemaphoreSlim _creating = new(1, 1);

    // Scratch databases that may exist and are not dropped yet: a name is added before CREATE DATABASE is sent.
    private readonly ConcurrentDictionary<string, byte> _undropped = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Diagnostic> _leftBehind = new();
    private readonly object _cleanupLock = new();
    private CancellationToken _run;
    private Stopwatch? _cancelledCleanup;

    /// <summary>How long the drops may take in all once the run is cancelled: the engine must exit within 2 s, and what
    /// it cannot drop by then carries its owner in its name, so the next check drops it.</summary>
    private static readonly TimeSpan CleanupAfterCancel = TimeSpan.FromSeconds(1.5);

    /// <summary>A drop at the end of a normal run: a server this slow has a problem worth a warning.</summary>
    private static readonly TimeSpan DropTimeout = TimeSpan.FromSeconds(30);

    private PostgreSqlProvider(NpgsqlDataSource server, NpgsqlConnectionStringBuilder settings, Version serverVersion, TemporaryCluster? cluster, string? runner)
    {
        _server = server;
        _settings = settings;
        _cluster = cluster;
        _runner = runner;
        ServerVersion = serverVersion;
    }

    public string DisplayName => "PostgreSQL";

    public SqlDialect Dialect => PostgreSqlSyntax.Dialect;

    public CapabilityProfile Capabilities => PostgreSqlCapabilities.Profile;

    /// <summary>The server's version, e.g. 15.8.</summary>
    public Version ServerVersion { get; }

    /// <summary>Names of stale scratch databases dropped at start.</summary>
    public IReadOnlyList<string> SweptDatabases { get; private set; } = [];

    /// <summary>The temporary cluster this provider started, or null when it uses a given server.</summary>
    public TemporaryCluster? Cluster => _cluster;

    /// <summary>The warm cluster this provider uses (see <see cref="PostgreSql.WarmCluster"/>), or null.</summary>
    internal WarmCluster? WarmCluster { get; private init; }

    /// <summary>Connects to <paramref name="connectionString"/>'s server, or, when it is null or empty, uses this user's
    /// <see cref="PostgreSql.WarmCluster"/> (started if need be) or, where that is off, starts a <see cref="TemporaryCluster"/>;
    /// sweeps stale scratch databases.</summary>
    /// <exception cref="ProviderSetupException">Invalid connection string (MIG0004), unreachable server or failed login
    /// (MIG0005), no binaries for a temporary cluster (MIG0007). The message never contains the password.</exception>
    public static async Task<PostgreSqlProvider> CreateAsync(string? connectionString, CancellationToken cancellationToken)
    {
        TemporaryCluster? cluster = null;
        WarmCluster? warm = null;
        if (!string.IsNullOrWhiteSpace(connectionString) || WarmCluster.IsEnabled)
        {
            // A temporary cluster's own start sweeps them too.
            await TemporaryCluster.SweepOrphansAnywhereAsync(cancellationToken).ConfigureAwait(false);
        }

        if (string.IsNullOrWhiteSpace(connectionString) && WarmCluster.IsEnabled)
        {
            warm = await WarmCluster.StartAsync(cancellationToken).ConfigureAwait(false);
            connectionString = warm.ConnectionString;
        }
        else if (string.IsNullOrWhiteSpace(connectionString))
        {
            cluster = await TemporaryCluster.StartAsync(cancellationToken).ConfigureAwait(false);
            connectionString = cluster.ConnectionString;
        }

        try
        {
            return await CreateAsync(connectionString, cluster, warm, confined: cluster is not null || warm is not null, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            if (cluster is not null)
            {
                await cluster.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <summary>A provider on a server given by connection string that uses it as a cluster of its own: scratch
    /// databases owned by and used as <see cref="RunnerRole"/> (tests, which share one cluster; the connection string's
    /// role must be a superuser).</summary>
    internal static Task<PostgreSqlProvider> CreateConfinedAsync(string connectionString, CancellationToken cancellationToken) =>
        CreateAsync(connectionString, cluster: null, warm: null, confined: true, cancellationToken);

    private static async Task<PostgreSqlProvider> CreateAsync(string connectionString, TemporaryCluster? cluster, WarmCluster? warm, bool confined, CancellationToken cancellationToken)
    {
        var settings = ServerConnection.Parse(connectionString);
        var (server, version, mayTrack) = await ServerConnection.OpenAsync(settings, cancellationToken).ConfigureAwait(false);
        try
        {
            if (confined)
            {
                await RunnerRole.EnsureAsync(server, cancellationToken).ConfigureAwait(false);
            }

            var provider = new PostgreSqlProvider(server, settings, version, cluster, confined ? RunnerRole.Name : null)
            {
                WarmCluster = warm,
                ProofCost = mayTrack ? TrackedProofCost : WholeProofCost,
            };
            provider.SweptDatabases = await ScratchDatabaseSweeper
                .SweepAsync(server, version, DateTime.UtcNow, cancellationToken)
                .ConfigureAwait(false);
            return provider;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task<IScratchDatabase> CreateScratchDatabaseAsync(string purpose, CancellationToken cancellationToken)
    {
        _run = cancellationToken;
        var name = ScratchDatabaseName.New(DateTime.UtcNow);
        _undropped.TryAdd(name, 0);
        NpgsqlDataSource? source = null;
        NpgsqlDataSource? admin = null;
        NpgsqlConnection? connection = null;
        try
        {
            await CreateDatabaseAsync(name, purpose, cancellationToken).ConfigureAwait(false);
            (source, admin, connection) = await ConnectAsync(name, cancellationToken).ConfigureAwait(false);
            return new PostgreSqlScratchDatabase(name, source, connection, DropAsync) { Admin = admin, Confined = _runner is not null, StatementTimeout = StatementTimeout };
        }
        catch (Exception exception)
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            if (source is not null)
            {
                await source.DisposeAsync().ConfigureAwait(false);
            }

            if (admin is not null && admin != source)
            {
                await admin.DisposeAsync().ConfigureAwait(false);
            }

            // Also when the cancel came while CREATE DATABASE ran: the server may have finished it (IF EXISTS).
            await DropAsync(name).ConfigureAwait(false);
            if (exception is NpgsqlException npgsql && !cancellationToken.IsCancellationRequested)
            {
                throw CreationFailure(name, npgsql);
            }

            throw;
        }
    }

    // No type loading: the engine reads only built-in types, and loading the server's type catalog costs a query of
    // 15-35 ms on each new database.
    private static NpgsqlDataSource Open(NpgsqlConnectionStringBuilder settings) =>
        new NpgsqlDataSourceBuilder(settings.ConnectionString)
            .ConfigureTypeLoading(types => types.EnableTypeLoading(false))
            .Build();

    private async Task CreateDatabaseAsync(string name, string purpose, CancellationToken cancellationToken)
    {
        var quoted = ScratchDatabaseSweeper.QuoteIdentifier(name);
        await _creating.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // On our own cluster (fsync off) copying the files is about twice as fast as the default WAL-logged copy;
            // on a user's server FILE_COPY would force checkpoints, so the default stays.
            var strategy = (_cluster is not null || WarmCluster is not null) && ServerVersion.Major >= 15 ? " STRATEGY FILE_COPY" : string.Empty;
            var owner = _runner is null ? string.Empty : " OWNER " + _runner;
            await using (var create = _server.CreateCommand($"CREATE DATABASE {quoted}{owner} TEMPLATE template0{strategy}"))
            {
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            // For a person who finds it; the owner is in the name (there from CREATE DATABASE on, a kill here or not).
            var marker = $"Migrations.Build scratch database ({purpose}), created {DateTime.UtcNow:O} by process {Environment.ProcessId} on {Environment.MachineName}; dropped when the check ends.";
            await using (var comment = _server.CreateCommand($"COMMENT ON DATABASE {quoted} IS '{marker.Replace("'", "''", StringComparison.Ordinal)}'"))
            {
                await comment.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _creating.Release();
        }
    }

    /// <summary>Connects to a new scratch database: the scripts' source (as <see cref="RunnerRole"/> on a cluster of the
    /// engine's own, with the statement timeout), the engine's own source (the superuser there; else the same), and the
    /// scripts' connection, checked to be in that database.</summary>
    private async Task<(NpgsqlDataSource Source, NpgsqlDataSource Admin, NpgsqlConnection Connection)> ConnectAsync(string name, CancellationToken cancellationToken)
    {
        // Error details (the failing key values) come from scratch data only, so they are safe to show.
        // JIT off: the catalog queries are estimated expensive enough for the JIT, which then spends seconds
        // compiling what runs in milliseconds (measured: the schema fingerprint, 5 s instead of 5 ms).
        var adminSettings = new NpgsqlConnectionStringBuilder(_settings.ConnectionString) { Database = name, Pooling = false, IncludeErrorDetail = true };
        adminSettings.Options = string.IsNullOrWhiteSpace(adminSettings.Options) ? "-c jit=off" : adminSettings.Options + " -c jit=off";
        var scratchSettings = new NpgsqlConnectionStringBuilder(adminSettings.ConnectionString);
        if (StatementTimeout is { } limit)
        {
            // statement_timeout: the migrations' limit (MIG2010), for the session; the engine's own reads there take
            // milliseconds.
            scratchSettings.Options += $" -c statement_timeout={Math.Max(1, (long)limit.TotalMilliseconds)}";
        }

        if (_runner is not null)
        {
            // Our own cluster trusts local connections: the runner needs no password.
            scratchSettings.Username = _runner;
            scratchSettings.Password = null;
        }

        var source = Open(scratchSettings);
        var admin = _runner is null ? source : Open(adminSettings);
        var connection = source.CreateConnection();
        try
        {
            if (_runner is not null && ServerVersion.Major < 15)
            {
                // Before PostgreSQL 15 the public schema of a new database belongs to the bootstrap superuser.
                await using var schema = admin.CreateCommand($"ALTER SCHEMA public OWNER TO {_runner}");
                await schema.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var check = new NpgsqlCommand("SELECT current_database()", connection);
            var current = (string?)await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            if (!string.Equals(current, name, StringComparison.Ordinal))
            {
                // A pooler or proxy routed us elsewhere: running DDL here could damage a real database.
                throw new ProviderSetupException(
                    DiagnosticCodes.ScratchDatabaseFailed,
                    $"The connection to scratch database {name} landed in database '{current}'; no statement was run. Connect directly to the server, not through a pooler that rewrites database names.");
            }

            return (source, admin, connection);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            await source.DisposeAsync().ConfigureAwait(false);
            if (admin != source)
            {
                await admin.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    private ProviderSetupException CreationFailure(string name, NpgsqlException exception)
    {
        if (exception is PostgresException { SqlState: PostgresErrorCodes.InsufficientPrivilege } denied)
        {
            var role = _settings.Username ?? Environment.UserName;
            return new ProviderSetupException(
                DiagnosticCodes.CreateDatabaseNotPermitted,
                $"The role '{role}' may not create databases on the PostgreSQL server at {Where} ({denied.MessageText}). The checks run in scratch databases they create and drop: give the role the right (ALTER ROLE {ScratchDatabaseSweeper.QuoteIdentifier(role)} CREATEDB), or connect as a role that has it.",
                exception);
        }

        if (ConnectionFault.IsConnectionFault(exception))
        {
            return new ProviderSetupException(DiagnosticCodes.ConnectionLost, ConnectionLostMessage(ConnectionFault.Reason(exception)), exception);
        }

        var reason = exception is PostgresException server ? ServerErrorReport.Describe(server) : ServerErrorReport.Describe(exception);
        return new ProviderSetupException(
            DiagnosticCodes.ScratchDatabaseFailed,
            $"Could not create the scratch database {name} on the PostgreSQL server at {Where}: {reason}",
            exception);
    }

    /// <summary>The server as <c>host:port/database</c> (the database the connection string names); never the password.</summary>
    private string Where => $"{_settings.Host}:{_settings.Port}/{_settings.Database ?? _settings.Username}";

    private string ConnectionLostMessage(string reason) =>
        $"The connection to the PostgreSQL server at {Where} was lost during the check: {reason.TrimEnd('.')}. The check did not finish; run it again once the server is back. Its scratch databases are dropped by the next check on this server.";

    /// <summary>A lost connection (also when it shows as a disposed or broken connection object, and then only when
    /// the server does not answer a new connection either) is MIG0011; a setup failure keeps its own code.</summary>
    public async Task<Diagnostic?> DescribeFaultAsync(Exception exception)
    {
        if (ConnectionFault.Find(exception) is { } cause)
        {
            return new Diagnostic(DiagnosticCodes.ConnectionLost, ConnectionLostMessage(ConnectionFault.Reason(cause)));
        }

        if (exception is ObjectDisposedException or InvalidOperationException && !await AnswersAsync().ConfigureAwait(false))
        {
            return new Diagnostic(DiagnosticCodes.ConnectionLost, ConnectionLostMessage("the server does not answer"));
        }

        return null;
    }

    private async Task<bool> AnswersAsync()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        try
        {
            await using var probe = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_settings.ConnectionString) { Pooling = false, Timeout = 3 }.ConnectionString);
            await probe.OpenAsync(limit.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException or System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    /// <summary>The scratch databases that could not be dropped (MIG0013), complete after <see cref="DisposeAsync"/>.</summary>
    public IReadOnlyList<Diagnostic> LeftBehind => [.. _leftBehind];

    /// <summary>The statement timeout of the scratch sessions created from now on (the server's statement_timeout).</summary>
    public TimeSpan? StatementTimeout { get; set; }

    public DatabaseSchema Normalize(DatabaseSchema schema) => PostgreSqlNormalizer.Normalize(schema);

    /// <summary>Each scratch database is served by its own server process.</summary>
    public bool ScalesWithParallelDatabases => true;

    /// <summary>A statement costs about the same at any schema size. As a superuser the fingerprint read after each up
    /// and each down prints what changed (<see cref="Fingerprint.FingerprintMethod.Tracked"/>), else every object.</summary>
    public ProofCost ProofCost { get; private init; } = WholeProofCost;

    /// <summary>Measured on the 200-migration workload: ~2 ms a read against ~0.3 ms a statement, 10-20 ms to create
    /// a database, and ~100 ms for the upper part's reflection and first (full) fingerprint read.</summary>
    private static readonly ProofCost TrackedProofCost = new(StatementGrowth: 0, ReadBase: 7, ReadPerStatement: 0, DatabaseCreation: 50, SchemaRead: 300, CheapRollbackToSavepoint: true);

    /// <summary>Measured on the 200-migration workload: ~0.5 ms a read on an empty schema, ~10 ms at the end, against
    /// ~0.7 ms a statement; a database takes 100-200 ms to create while another one works.</summary>
    private static readonly ProofCost WholeProofCost = new(StatementGrowth: 0, ReadBase: 1, ReadPerStatement: 0.035, DatabaseCreation: 200, CheapRollbackToSavepoint: true);

    public bool RequiresNoTransaction(SqlStatement statement) => PostgreSqlTransactionRules.RequiresNoTransaction(statement.Text);

    /// <summary>Opens a connection to the server's maintenance database (for tests and tools that inspect the server).</summary>
    internal ValueTask<NpgsqlConnection> OpenServerConnectionAsync(CancellationToken cancellationToken) =>
        _server.OpenConnectionAsync(cancellationToken);

    internal NpgsqlDataSource Server => _server;

    internal NpgsqlConnectionStringBuilder Settings => _settings;

    /// <summary>Drops a scratch database (IF EXISTS), within <see cref="DropTimeout"/>, or once the run is cancelled
    /// within what is left of <see cref="CleanupAfterCancel"/>; a failure is a MIG0013 warning, never silent (on a
    /// temporary cluster, deleted right after, it does not matter).</summary>
    private async Task DropAsync(string name)
    {
        if (!_undropped.TryRemove(name, out _))
        {
            return;
        }

        using var limit = new CancellationTokenSource(DropLimit());
        try
        {
            await ScratchDatabaseSweeper.DropAsync(_server, ServerVersion, name, limit.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is NpgsqlException or OperationCanceledException or TimeoutException or ObjectDisposedException)
        {
            if (_cluster is null)
            {
                var reason = exception switch
                {
                    PostgresException server => ServerErrorReport.Describe(server),
                    NpgsqlException npgsql => "the connection failed: " + ConnectionFault.Reason(npgsql),
                    OperationCanceledException => $"the server did not drop it within {DropLimitText()}",
                    _ => exception.Message,
                };
                _leftBehind.Enqueue(new Diagnostic(
                    DiagnosticCodes.ScratchDatabaseNotDropped,
                    $"The scratch database {name} on the PostgreSQL server at {Where} could not be dropped: {reason.TrimEnd('.')}. The next check on this server drops it; to drop it now: DROP DATABASE {ScratchDatabaseSweeper.QuoteIdentifier(name)}{(ServerVersion.Major >= 13 ? " WITH (FORCE)" : string.Empty)};"));
            }
        }
    }

    private TimeSpan DropLimit()
    {
        if (!_run.IsCancellationRequested)
        {
            return DropTimeout;
        }

        lock (_cleanupLock)
        {
            _cancelledCleanup ??= Stopwatch.StartNew();
            var left = CleanupAfterCancel - _cancelledCleanup.Elapsed;
            return left > TimeSpan.FromMilliseconds(50) ? left : TimeSpan.FromMilliseconds(50);
        }
    }

    private string DropLimitText() => _run.IsCancellationRequested
        ? $"{CleanupAfterCancel.TotalSeconds:0.#} s of the cancel"
        : $"{DropTimeout.TotalSeconds:0} s";

    public async ValueTask DisposeAsync()
    {
        // What a cancel or a failure left between CREATE DATABASE and its scratch database's own dispose.
        foreach (var name in _undropped.Keys)
        {
            await DropAsync(name).ConfigureAwait(false);
        }

        _creating.Dispose();
        await _server.DisposeAsync().ConfigureAwait(false);
        WarmCluster?.MarkUsed();
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync().ConfigureAwait(false);
        }
    }
}
