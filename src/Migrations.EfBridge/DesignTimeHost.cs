using System.Reflection;
using Migrations.EfBridge.Export;

namespace Migrations.EfBridge;

/// <summary>EF Core's own design-time discovery (Microsoft.EntityFrameworkCore.Design's DbContextOperations), driven
/// by reflection: it finds the app's DbContext types and creates each the way <c>dotnet ef</c> does (an
/// IDesignTimeDbContextFactory, the app's host from its Main, or a constructor).</summary>
internal sealed class DesignTimeHost
{
    private const string DesignAssembly = "Microsoft.EntityFrameworkCore.Design";
    private const int OldestMajor = 8;
    private const int NewestMajor = 10;

    private readonly object _operations;
    private readonly List<string> _messages;

    private DesignTimeHost(object operations, List<string> messages, string efVersion)
    {
        _operations = operations;
        _messages = messages;
        EfVersion = efVersion;
    }

    /// <summary>The app's EF Core version (the informational version of Microsoft.EntityFrameworkCore).</summary>
    public string EfVersion { get; }

    /// <summary>Loads the app's assembly and EF's design-time services in the app's own dependency context.</summary>
    public static DesignTimeHost Start(BridgeArguments arguments)
    {
        var app = Assembly.LoadFrom(arguments.Assembly);
        var efVersion = EfCoreVersion();
        Assembly design;
        try
        {
            design = Assembly.Load(DesignAssembly);
        }
        catch (FileNotFoundException)
        {
            throw new BridgeFailureException(
                BridgeFailureKinds.NoDesignPackage,
                $"{app.GetName().Name} does not reference {DesignAssembly} (version {efVersion}), which EF Core needs to read migrations at design time. Add <PackageReference Include=\"{DesignAssembly}\" Version=\"{efVersion}\" PrivateAssets=\"all\" /> to the project.");
        }

        var messages = new List<string>();
        var reporter = Reporter(design, messages);
        var operationsType = LateBound.RequiredType(design, "Microsoft.EntityFrameworkCore.Design.Internal.DbContextOperations");
        var values = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["reporter"] = reporter,
            ["assembly"] = app,
            ["startupAssembly"] = app,
            ["project"] = arguments.Project ?? string.Empty,
            ["projectDir"] = arguments.ProjectDirectory,
            ["rootNamespace"] = arguments.RootNamespace ?? app.GetName().Name,
            ["language"] = "C#",
            ["nullable"] = true,
            ["args"] = Array.Empty<string>(),
        };

        // The constructor's parameters changed between EF versions (EF 9 added 'project'): each is given by its name.
        var constructor = operationsType.GetConstructors()
            .Where(c => c.GetParameters().All(p => values.ContainsKey(p.Name!)))
            .OrderByDescending(c => c.GetParameters().Length)
            .FirstOrDefault()
            ?? throw new UnsupportedEfException("DbContextOperations has no constructor the bridge knows");
        var operations = LateBound.Unwrap(() => constructor.Invoke(constructor.GetParameters().Select(p => values[p.Name!]).ToArray()))!;
        return new DesignTimeHost(operations, messages, efVersion);
    }

    /// <summary>The DbContext types EF finds in the app (its own and those its host registers).</summary>
    public IReadOnlyList<Type> ContextTypes() =>
        ((System.Collections.IEnumerable)LateBound.Call(_operations, _operations.GetType(), "GetContextTypes")!).Cast<Type>().ToList();

    /// <summary>Creates a context as <c>dotnet ef</c> would; EF's error (e.g. the host needs a connection string) is
    /// a ContextCreationFailed failure with what EF reported before it.</summary>
    public object CreateContext(Type contextType)
    {
        _messages.Clear();
        try
        {
            return LateBound.Call(_operations, _operations.GetType(), "CreateContext", contextType.FullName)!;
        }
        catch (Exception e) when (e is not UnsupportedEfException)
        {
            var earlier = _messages.Count == 0 ? "" : " EF reported: " + string.Join(" ", _messages.Distinct());
            throw new BridgeFailureException(
                BridgeFailureKinds.ContextCreationFailed,
                $"EF Core could not create the DbContext '{contextType.Name}' at design time: {e.Message}{earlier} Add an IDesignTimeDbContextFactory<{contextType.Name}>, or give the configuration the app's host needs with <MigrationsEfEnvironment Include=\"NAME=value\" /> items.");
        }
    }

    private static string EfCoreVersion()
    {
        Assembly core;
        try
        {
            core = Assembly.Load("Microsoft.EntityFrameworkCore");
        }
        catch (FileNotFoundException)
        {
            throw new BridgeFailureException(BridgeFailureKinds.NoContext, "The app does not use EF Core: Microsoft.EntityFrameworkCore is not among its dependencies.");
        }

        var version = core.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
            ?? core.GetName().Version!.ToString();
        var major = core.GetName().Version!.Major;
        if (major < OldestMajor || major > NewestMajor)
        {
            throw new BridgeFailureException(
                BridgeFailureKinds.UnsupportedEfVersion,
                $"The app uses EF Core {version}; Migrations.Build reads EF Core {OldestMajor} to {NewestMajor}. Update the EF Core packages to a supported version.");
        }

        return version;
    }

    /// <summary>EF's reporter, writing its messages to standard error (the engine shows them in verbose output) and
    /// keeping errors and warnings for the failure message.</summary>
    private static object Reporter(Assembly design, List<string> messages)
    {
        var handlerType = LateBound.RequiredType(design, "Microsoft.EntityFrameworkCore.Design.OperationReportHandler");
        var reporterType = LateBound.RequiredType(design, "Microsoft.EntityFrameworkCore.Design.Internal.OperationReporter");
        Action<string> keep = m =>
        {
            messages.Add(m);
            Console.Error.WriteLine(m);
        };
        Action<string> show = Console.Error.WriteLine;
        var handlerConstructor = handlerType.GetConstructors()
            .First(c => c.GetParameters().All(p => p.ParameterType == typeof(Action<string>)));
        var handlerArguments = handlerConstructor.GetParameters().Select((_, i) => (object)(i < 2 ? keep : show)).ToArray();
        var handler = handlerConstructor.Invoke(handlerArguments);
        var reporterConstructor = reporterType.GetConstructors().First(c => c.GetParameters().Length == 1);
        return reporterConstructor.Invoke([handler]);
    }
}
