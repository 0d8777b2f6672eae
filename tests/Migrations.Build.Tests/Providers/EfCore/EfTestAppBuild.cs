using System.Diagnostics;
using Migrations.Build.Migrations.EfCore;
using Migrations.Build.Tests.Unit.Reports;

namespace Migrations.Build.Tests.Providers.EfCore;

/// <summary>An app of TestData/EfCore (NotesApp, TwoContextsApp) copied to a temporary folder and built with the real
/// <c>dotnet build</c> on one EF Core version and provider (packages restored from the feed like any app's).</summary>
internal sealed class EfTestAppBuild : IDisposable
{
    private EfTestAppBuild(string name, string directory, string assembly)
    {
        Name = name;
        Directory = directory;
        Assembly = assembly;
    }

    /// <summary>The app's name: its folder under TestData/EfCore, its project and its assembly.</summary>
    public string Name { get; }

    public string Directory { get; }

    public string Assembly { get; }

    /// <summary>The EF project the bridge reads, with the bridge built from this repository.</summary>
    public EfCoreProject Project => new(Assembly, Directory) { BridgePath = BridgePath(), ProjectFile = Path.Combine(Directory, Name + ".csproj") };

    public static EfTestAppBuild Create(string provider, string efCoreVersion, string framework, string npgsqlVersion) =>
        Create("NotesApp", framework, [$"-p:EfProvider={provider}", $"-p:EfCoreVersion={efCoreVersion}", $"-p:NpgsqlVersion={npgsqlVersion}"]);

    /// <param name="properties">The build's properties (<c>-p:EfCoreVersion=…</c>); the target framework is given apart.</param>
    public static EfTestAppBuild Create(string app, string framework, string[] properties)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"migrations-{app.ToLowerInvariant()}-{Guid.NewGuid():N}");
        var source = Path.Combine(AppContext.BaseDirectory, "TestData", "EfCore", app);
        foreach (var file in System.IO.Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(directory, Path.GetRelativePath(source, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["build", "-v:q", "-nodeReuse:false", $"-p:EfTargetFramework={framework}", .. properties])
        {
            start.ArgumentList.Add(argument);
        }

        // The test host's MSBuild variables must not leak into the nested build.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k is "DOTNET_HOST_PATH").ToList())
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var assembly = Path.Combine(directory, "bin", "Debug", framework, app + ".dll");
        Assert.AreEqual(0, process.ExitCode, $"building {app} ({string.Join(" ", properties)}) failed:\n{output.Result}{error.Result}");
        return new EfTestAppBuild(app, directory, assembly);
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A build server may hold a file for a moment; the folder is under the temp directory.
        }
    }

    /// <summary>The bridge built from this repository (the test project builds it first), newest configuration first.</summary>
    private static string BridgePath() =>
        new[] { "Release", "Debug" }
            .Select(c => Path.Combine(RepositoryRoot.Find(), "src", "Migrations.EfBridge", "bin", c, "net8.0", "Migrations.EfBridge.dll"))
            .Where(File.Exists)
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .First();
}
