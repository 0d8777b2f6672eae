namespace Migrations.Build.Migrations;

/// <summary>One released migration recorded in migrations.lock, with the line it is on.</summary>
public sealed record HistoryLockEntry(MigrationVersion Version, string Checksum, string Name, int Line);
