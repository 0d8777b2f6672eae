using Migrations.Build.Checks;
using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;
using Migrations.Build.Providers;
using Migrations.Build.Schema;

namespace Migrations.Build.Cli;

/// <summary>What <c>snapshot</c> and <c>diff</c> share: a project's migrations on an engine, replayed into a scratch
/// database up to the versions asked for, and the model's schema on the same engine.</summary>
/// <remarks>Problems are <see cref="CommandProblem"/>s with the build's codes (MIG0001 for a missing folder, MIG2001
/// for a failing up, …), so a person sees the words the build would print.</remarks>
internal sealed class SchemaSession : IAsyncDisposable
{
    /// <summary>The version that names the empty schema before the first migration (unless a migration has it).</summary>
    public const string EmptyVersion = "0";

    private readonly CheckContext _context;

    private SchemaSession(ValidationRequest request, IDatabaseProvider provider, MigrationSet set, SqlScript? setup, Action<string>? progress)
    {
        _context = new CheckContext(request, provider, progress) { Setup = setup };
        _context.UpgradeDatabaseCreated(); // the model's database waits for no upgrade pass here
        Migrations = set.Migrations;
    }

    public ValueList<Migration> Migrations { get; }

    public string ProviderName => _context.Provider.DisplayName;

    public static async Task<SchemaSession> OpenAsync(ValidationRequest request, Action<string>? progress, CancellationToken cancellationToken)
    {
        var source = CheckComposition.MigrationSource(request);
        if (source.Problem is { } problem)
        {
            throw new CommandProblem(problem);
        }

        IDatabaseProvider provider;
        try
        {
            provider = await CheckComposition.CreateProviderAsync(request, cancellationToken);
        }
        catch (ProviderSetupException failure)
        {
            throw new CommandProblem(new Diagnostic(failure.Descriptor, failure.Message));
        }

        var set = source.Load(provider.Dialect);
        if (set.HasErrors)
        {
            await provider.DisposeAsync();
            throw new CommandProblem(set.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList(), EngineProtocol.ExitCodes.ChecksFailed);
        }

        // The same environment as the build's check: a snapshot without the setup script shows another schema.
        var (setup, setupProblem) = SetupScriptFile.LoadAll(request.SetupScripts, provider.Dialect);
        if (setupProblem is not null)
        {
            await provider.DisposeAsync();
            throw new CommandProblem(setupProblem);
        }

        return new SchemaSession(request, provider, set, setup, progress);
    }

    /// <summary>How many migrations make the schema at <paramref name="version"/>: up to and including the one with that
    /// version (<c>1</c> and <c>0001</c> are the same), or none for <see cref="EmptyVersion"/>.</summary>
    public int CountUpTo(string version)
    {
        if (MigrationVersion.TryParse(version.Trim(), out var wanted))
        {
            var index = Migrations.ToList().FindIndex(m => m.Version.Equals(wanted));
            if (index >= 0)
            {
                return index + 1;
            }

            if (wanted.Equals(new MigrationVersion(EmptyVersion)))
            {
                return 0;
            }
        }

        var known = Migrations.Count == 0
            ? "it has no migrations"
            : $"its versions are {Versions()}";
        throw new CommandProblem(new Diagnostic(
            DiagnosticCodes.UnknownVersion,
            $"No migration in '{_context.Request.MigrationsDirectory}' has version '{version}': {known} ({EmptyVersion} is the schema before the first)."));
    }

    /// <summary>The schemas after the first <c>counts[i]</c> migrations, in the order asked, from one replay on one
    /// scratch database (each up in its own transaction, as the build's upgrade pass applies it).</summary>
    public async Task<IReadOnlyList<DatabaseSchema>> SchemasAfterAsync(IReadOnlyList<int> counts, CancellationToken cancellationToken)
    {
        var schemas = new Dictionary<int, DatabaseSchema>();
        await using var database = await CreateDatabaseAsync(ScratchPurpose.Migrations, cancellationToken);
        var applied = 0;
        foreach (var count in counts.Distinct().Order())
        {
            for (; applied < count; applied++)
            {
                var migration = Migrations[applied];
                _context.Progress($"applying {migration}");
                var transactional = !ScriptRunner.NeedsNoTransaction(_context.Provider, migration.Up);
                if (!await ScriptRunner.TryApplyAsync(_context, database, migration, transactional, cancellationToken))
                {
                    throw new CommandProblem(_context.Upgrade.ToList(), EngineProtocol.ExitCodes.ChecksFailed);
                }
            }

            schemas[count] = _context.Provider.Normalize(await database.ReadSchemaAsync(cancellationToken));
        }

        return counts.Select(count => schemas[count]).ToList();
    }

    /// <summary>The model's schema on this engine (as the drift check makes it), with where its objects are written.</summary>
    public async Task<(DatabaseSchema Schema, Models.ModelContent Content)> ModelAsync(CancellationToken cancellationToken)
    {
        var source = CheckComposition.ModelSource(_context.Request)
            ?? throw new InvalidOperationException("The request names no model.");
        if (source.Problem is { } problem)
        {
            throw new CommandProblem(problem);
        }

        var content = source.Load(_context.Provider.Dialect);
        if (!content.IsUsable)
        {
            throw new CommandProblem(content.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList(), EngineProtocol.ExitCodes.ChecksFailed);
        }

        var (schema, diagnostics) = await Guarded(() => DriftCheck.ReadModelAsync(_context, content, cancellationToken));
        return schema is null
            ? throw new CommandProblem(diagnostics, EngineProtocol.ExitCodes.ChecksFailed)
            : (schema, content);
    }

    /// <summary>What the provider could not drop (MIG0013), once the session is disposed.</summary>
    public IReadOnlyList<Diagnostic> LeftBehind => _context.Provider.LeftBehind;

    /// <summary>The problem an exception of the engine's server is (MIG0011, a lost connection), or null when it is
    /// not one.</summary>
    public Task<Diagnostic?> DescribeFaultAsync(Exception exception) => _context.Provider.DescribeFaultAsync(exception);

    public ValueTask DisposeAsync() => _context.Provider.DisposeAsync();

    /// <summary>A scratch database with the setup script run in it; a setup script that fails is the problem (MIG0051).</summary>
    private Task<IScratchDatabase> CreateDatabaseAsync(ScratchPurpose purpose, CancellationToken cancellationToken) =>
        Guarded(() => _context.CreateScratchDatabaseAsync(purpose, cancellationToken));

    private static async Task<T> Guarded<T>(Func<Task<T>> work)
    {
        try
        {
            return await work();
        }
        catch (ProviderSetupException failure)
        {
            throw new CommandProblem([failure.ToDiagnostic()], EngineProtocol.ExitCodes.ChecksFailed);
        }
    }

    private string Versions()
    {
        var versions = Migrations.Select(m => m.Version.Text).ToList();
        return versions.Count <= 6
            ? string.Join(", ", versions)
            : $"{string.Join(", ", versions.Take(3))}, …, {string.Join(", ", versions.TakeLast(2))}";
    }
}
