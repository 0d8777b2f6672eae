using System.Text.RegularExpressions;

namespace Migrations.Build.Migrations;

/// <summary>The on-disk layouts discovery recognizes, under the names <c>MigrationsLayout</c> accepts, and the file
/// name patterns of each.</summary>
public static partial class MigrationLayouts
{
    /// <summary><c>0001_create_users.up.sql</c> + <c>0001_create_users.down.sql</c>.</summary>
    public const string GolangMigrate = "golang-migrate";

    /// <summary><c>V1__create_users.sql</c> + <c>U1__create_users.sql</c> (integer versions only).</summary>
    public const string Flyway = "flyway";

    /// <summary><c>20240101120000_create_users/up.sql</c> + <c>down.sql</c>.</summary>
    public const string Folder = "folder";

    /// <summary><c>20240101120000_create_users.sql</c> with <c>-- migrate:up</c> / <c>-- migrate:down</c> sections.</summary>
    public const string Dbmate = "dbmate";

    /// <summary><c>00001_create_users.sql</c> with <c>-- +goose Up</c> / <c>-- +goose Down</c> sections.</summary>
    public const string Goose = "goose";

    /// <summary>Diesel's <c>2019-02-26-002946_create_users/up.sql</c> + <c>down.sql</c> (also <c>2024-03-13_170000_name/</c>
    /// and <c>00000000000000_diesel_initial_setup/</c>); the version is the timestamp's digits, as diesel records it.</summary>
    public const string Diesel = "diesel";

    /// <summary><c>1_init.sql</c> with <c>-- +migrate Up</c> / <c>-- +migrate Down</c> sections (sql-migrate).</summary>
    public const string SqlMigrate = "sql-migrate";

    /// <summary>Scripts applied in the ordinal order of their file names, the file name's stem being the version:
    /// <c>NAME.up.sql</c> + <c>NAME.down.sql</c>, or up-only <c>NAME.sql</c> (DbUp's <c>Script0001 - create.sql</c>).
    /// Any SQL file fits it, so it is never detected: only <c>MigrationsLayout</c> names it.</summary>
    public const string ByName = "by-name";

    public static IReadOnlyList<string> All { get; } = [GolangMigrate, Flyway, Folder, Dbmate, Goose, Diesel, SqlMigrate, ByName];

    public static bool IsKnown(string layout) => All.Contains(layout, StringComparer.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="forced"/> is null (auto-detection) or names <paramref name="layout"/>.</summary>
    internal static bool Allows(string? forced, string layout) =>
        forced is null || forced.Equals(layout, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^(?<version>[0-9]+)_(?<name>.+)\.(?<role>up|down)\.sql$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex GolangMigrateFile();

    // The version is everything up to the first "__", so V1_1__x gives "1_1" (version 1.1, as Flyway reads it).
    [GeneratedRegex(@"^(?<role>[VU])(?<version>.*?)__(?<name>.+)\.sql$", RegexOptions.CultureInvariant)]
    internal static partial Regex FlywayFile();

    [GeneratedRegex(@"^R__.+\.sql$", RegexOptions.CultureInvariant)]
    internal static partial Regex FlywayRepeatableFile();

    [GeneratedRegex(@"^(?<version>[0-9]+)_(?<name>.+)$", RegexOptions.CultureInvariant)]
    internal static partial Regex MigrationFolder();

    // Diesel names folders by its timestamp format (%Y-%m-%d-%H%M%S, or %Y-%m-%d_%H%M%S); its own setup migration is
    // all zeros.
    [GeneratedRegex(@"^(?:(?<timestamp>[0-9]{4}-[0-9]{2}-[0-9]{2}[-_][0-9]{6})|(?<timestamp>0{14})(?=_diesel_initial_setup$))_(?<name>.+)$", RegexOptions.CultureInvariant)]
    internal static partial Regex DieselFolder();

    [GeneratedRegex(@"^(?<version>[0-9]+)_(?<name>.+)\.sql$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex SectionedFile();

    [GeneratedRegex(@"^(?<stem>.+?)(?:\.(?<role>up|down))?\.sql$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex ByNameFile();
}
