using System.Diagnostics;
using Migrations.Build.Migrations.EfCore;
using Migrations.Build.Tests.Unit.Reports;

namespace Migrations.Build.Tests.Providers.EfCore;

/// <summary>TestData/EfCore/NotesApp copied to a temporary folder and built with the real <c>dotnet build</c> on one EF
/// Core version and provider (packages restored from the feed like any app's).</summary>
internal sealed class NotesAppBuild : IDisposable
{
    private NotesAppBuild(string directory, string assembly)
    {
        Directory = directory;
        Assembly = assembly;
    }

    public string Directory { get; }

    public string Assembly { get; }

    /// <summary>The EF project the bridge reads, with the bridge built from this repository.</summary>
    public EfCoreProject Project => new(Assembly, Directory) { BridgePath = BridgePath(), ProjectFile = Path.Combine(Directory, "NotesApp.csproj") };

    public static NotesAppBuild Create(string provider, string efCoreVersion, string framework, string npgsqlVersion)
    {
        var directory = Path.Combine(Path.GetTempPath(), "migrations-notesapp-" + Guid.NewGuid().ToString("N"));
        var source = Path.Combine(AppContext.BaseDirectory, "TestData", "EfCore", "NotesApp");
        foreach (var file in System.IO.Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(directory, Path.GetRelativePath(source, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["build", "-v:q", "-nodeReuse:false", $"-p:EfProvider={provider}", $"-p:EfCoreVersion={efCoreVersion}", $"-p:EfTargetFramework={framework}", $"-p:NpgsqlVersion={npgsqlVersion}"])
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
        var assembly = Path.Combine(directory, "bin", "Debug", framework, "NotesApp.dll");
        Assert.AreEqual(0, process.ExitCode, $"building NotesApp ({provider}, EF Core {efCoreVersion}) failed:\n{output.Result}{error.Result}");
        return new NotesAppBuild(directory, assembly);
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
