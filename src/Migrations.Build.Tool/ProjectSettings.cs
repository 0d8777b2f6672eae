using System.Text.Json;

namespace Migrations.Build.Tool;

/// <summary>A project's Migrations.Build settings, as MSBuild evaluates them, with the package's defaults applied
/// where the project sets nothing (so a project without the package, or not restored yet, reads the same).</summary>
internal sealed record ProjectSettings(string ProjectFile)
{
    /// <summary>The properties read, in the order asked of MSBuild.</summary>
    public static readonly string[] Properties =
    [
        "MSBuildProjectDirectory", "MigrationsDirectory", "MigrationsModel", "MigrationsProvider", "MigrationsConnectionString",
        "MigrationsDowngradeCheck", "MigrationsRequireDowngrade", "MigrationsLayout", "MigrationsSource", "MigrationsSetupScript",
        "MigrationsSqliteForeignKeys",
    ];

    /// <summary>The items read.</summary>
    public static readonly string[] Items = ["MigrationsPendingTable", "MigrationsIgnore"];

    /// <summary>The package's default model file (Migrations.Build.targets: schema.sql next to the project, if it exists).</summary>
    public const string DefaultModelFile = "schema.sql";

    /// <summary>The migrations folder, full path.</summary>
    public string MigrationsDirectory { get; init; } = string.Empty;

    /// <summary>The model, full path; null: no model (no drift check).</summary>
    public string? Model { get; init; }

    /// <summary>The setup scripts (<c>MigrationsSetupScript</c>, <c>;</c>-separated), full paths, in order.</summary>
    public IReadOnlyList<string> SetupScripts { get; init; } = [];

    /// <summary><c>MigrationsSqliteForeignKeys</c> as the project writes it (<c>true</c> when unset); the engine judges
    /// any other word, as it does for the build.</summary>
    public string SqliteForeignKeys { get; init; } = "true";

    /// <summary>null: the engine's default provider.</summary>
    public string? Provider { get; init; }

    /// <summary>A server for scratch databases; never printed, given to the engine through its environment variable.</summary>
    public string? ConnectionString { get; init; }

    public string DowngradeCheck { get; init; } = "All";

    public bool RequireDowngrade { get; init; }

    public string? Layout { get; init; }

    /// <summary><c>Sql</c> (a folder of scripts) or <c>EfCore</c>; null: not set (a folder of scripts).</summary>
    public string? Source { get; init; }

    public IReadOnlyList<string> PendingTables { get; init; } = [];

    public IReadOnlyList<string> Ignore { get; init; } = [];

    /// <summary>Reads the JSON that <c>dotnet msbuild -getProperty:… -getItem:…</c> prints (two or more properties:
    /// <c>{"Properties": {…}, "Items": {"Name": [{"Identity": …}]}}</c>).</summary>
    public static ProjectSettings FromMsBuildJson(string projectFile, string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var properties = root.GetProperty("Properties");
        string Property(string name) =>
            properties.TryGetProperty(name, out var value) && value.GetString() is { } text ? text.Trim() : string.Empty;
        IReadOnlyList<string> Item(string name) =>
            root.TryGetProperty("Items", out var items) && items.TryGetProperty(name, out var list)
                ? list.EnumerateArray().Select(item => item.GetProperty("Identity").GetString() ?? string.Empty).Where(v => v.Length > 0).ToList()
                : [];

        var directory = Property("MSBuildProjectDirectory") is { Length: > 0 } d ? d : Path.GetDirectoryName(Path.GetFullPath(projectFile))!;
        var model = Property("MigrationsModel") is { Length: > 0 } m ? Path.GetFullPath(m, directory)
            : File.Exists(Path.Combine(directory, DefaultModelFile)) ? Path.Combine(directory, DefaultModelFile)
            : null;
        return new ProjectSettings(projectFile)
        {
            MigrationsDirectory = Path.GetFullPath(Property("MigrationsDirectory") is { Length: > 0 } md ? md : "Migrations", directory),
            Model = model,
            SetupScripts = Property("MigrationsSetupScript").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(setup => Path.GetFullPath(setup, directory)).ToList(),
            SqliteForeignKeys = Property("MigrationsSqliteForeignKeys") is { Length: > 0 } fk ? fk : "true",
            Provider = NullIfEmpty(Property("MigrationsProvider")),
            ConnectionString = NullIfEmpty(Property("MigrationsConnectionString")),
            DowngradeCheck = Property("MigrationsDowngradeCheck") is { Length: > 0 } dc ? dc : "All",
            RequireDowngrade = string.Equals(Property("MigrationsRequireDowngrade"), "true", StringComparison.OrdinalIgnoreCase),
            Layout = NullIfEmpty(Property("MigrationsLayout")),
            Source = NullIfEmpty(Property("MigrationsSource")),
            PendingTables = Item("MigrationsPendingTable"),
            Ignore = Item("MigrationsIgnore"),
        };
    }

    /// <summary>Leaves the connection string out, so a settings object can be printed (with -v) or asserted on.</summary>
    public override string ToString() =>
        $"project {ProjectFile}: {Source ?? "Sql"} migrations {MigrationsDirectory}, model {Model ?? "(none)"}, provider {Provider ?? "(default)"}, "
        + $"connection {(ConnectionString is null ? "(none)" : "(set)")}, downgrade {DowngradeCheck}, require-downgrade {RequireDowngrade}, "
        + $"layout {Layout ?? "(detected)"}, pending [{string.Join(", ", PendingTables)}], ignore [{string.Join(", ", Ignore)}]";

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
