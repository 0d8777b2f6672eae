namespace Migrations.Build.Migrations;

/// <summary>An up or down file of a layout that keeps them apart (golang-migrate, Flyway), before pairing.</summary>
internal sealed record MigrationFile(string Layout, MigrationVersion Version, string Name, string Path, bool IsUp);
