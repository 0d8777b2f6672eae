using System.Text.Json;
using Migrations.EfBridge;
using Migrations.EfBridge.Export;

// Exit codes: 0 the export was written (a context's own failure is inside it), 1 a failure was written instead,
// 2 the arguments are wrong. The JSON goes to a file, not stdout: the app's own start-up code may print.
var arguments = BridgeArguments.Parse(args);
if (arguments is null)
{
    Console.Error.WriteLine(BridgeArguments.Usage);
    return 2;
}

BridgeExport export;
try
{
    var host = DesignTimeHost.Start(arguments);
    export = new BridgeExport(host.EfVersion, ContextExports(host, arguments.Contexts), null);
}
catch (BridgeFailureException failure)
{
    export = new BridgeExport(null, [], failure.Failure);
}
catch (UnsupportedEfException e)
{
    export = new BridgeExport(null, [], Unsupported(e));
}
catch (Exception e)
{
    Console.Error.WriteLine(e);
    export = new BridgeExport(null, [], new BridgeFailure(BridgeFailureKinds.ExportFailed, $"{e.GetType().Name}: {e.Message}"));
}

Directory.CreateDirectory(Path.GetDirectoryName(arguments.Output)!);
File.WriteAllText(arguments.Output, JsonSerializer.Serialize(export, BridgeJsonContext.Default.BridgeExport));
return export.Failure is null ? 0 : 1;

static List<ContextExport> ContextExports(DesignTimeHost host, IReadOnlyList<string> wanted)
{
    var types = host.ContextTypes();
    if (types.Count == 0)
    {
        throw new BridgeFailureException(BridgeFailureKinds.NoContext, "EF Core found no DbContext in the app: add a class deriving from DbContext, or register one in the app's host.");
    }

    foreach (var name in wanted.Where(n => !types.Any(t => Matches(t, n))))
    {
        throw new BridgeFailureException(
            BridgeFailureKinds.ContextNotFound,
            $"MigrationsEfContext names '{name}', but the app's DbContexts are {string.Join(", ", types.Select(t => t.Name))}.");
    }

    var exports = new List<ContextExport>();
    foreach (var type in types.Where(t => wanted.Count == 0 || wanted.Any(n => Matches(t, n))))
    {
        try
        {
            var context = host.CreateContext(type);
            try
            {
                exports.Add(ContextExporter.Export(type, context));
            }
            finally
            {
                (context as IDisposable)?.Dispose();
            }
        }
        catch (BridgeFailureException failure)
        {
            exports.Add(Failed(type, failure.Failure));
        }
        catch (UnsupportedEfException e)
        {
            exports.Add(Failed(type, Unsupported(e)));
        }
    }

    return exports;
}

static bool Matches(Type type, string name) =>
    string.Equals(type.Name, name, StringComparison.Ordinal) || string.Equals(type.FullName, name, StringComparison.Ordinal);

static ContextExport Failed(Type type, BridgeFailure failure) =>
    new(type.Name, type.FullName ?? type.Name, null, [], [], [], null, failure);

static BridgeFailure Unsupported(UnsupportedEfException e) =>
    new(BridgeFailureKinds.UnsupportedEfVersion, $"This EF Core version is not supported by Migrations.Build's EF bridge: {e.Message}.");
