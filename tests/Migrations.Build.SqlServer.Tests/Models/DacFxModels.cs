using Migrations.Build.Diagnostics;
using Migrations.Build.Providers;
using Migrations.Build.Schema;
using Migrations.Build.SqlServer.Models;
using Migrations.Build.SqlServer.Parsing;
using Migrations.Build.SqlServer.Server;

namespace Migrations.Build.SqlServer.Tests.Models;

/// <summary>Builds real DacFx models from T-SQL text (as model files) and reflects them.</summary>
internal static class DacFxModels
{
    /// <summary>The model of <paramref name="sql"/> (one file; batches separated by <c>GO</c> lines), reflected and
    /// normalized as the drift check sees it. Fails the test if DacFx reports anything.</summary>
    public static DatabaseSchema Reflect(string sql)
    {
        using var folder = new TemporaryDirectory();
        var (schema, diagnostics) = Load(folder.Write("model.sql", sql));
        Assert.AreEqual(0, diagnostics.Count, string.Join("\n", diagnostics));
        return SqlServerNormalizer.Normalize(schema!);
    }

    /// <summary>Loads a model file, folder, .sqlproj or .dacpac as the check does.</summary>
    public static (DatabaseSchema? Schema, IReadOnlyList<Diagnostic> Diagnostics) Load(string path)
    {
        var content = new SqlServerModelSource(path, TSqlVersion.Newest).Load(ProviderRegistry.Resolve("SqlServer").Dialect);
        return (content.Schema, content.Diagnostics);
    }
}
