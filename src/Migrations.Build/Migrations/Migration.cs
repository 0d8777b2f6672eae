namespace Migrations.Build.Migrations;

/// <summary>One migration: a version, a name, an up script and optionally a down script.</summary>
public sealed record Migration(MigrationVersion Version, string Name, SqlScript Up, SqlScript? Down)
{
    /// <summary>SHA-256 (hex) of the up and down files' bytes, with line endings normalized, recorded in migrations.lock.</summary>
    public required string Checksum { get; init; }

    /// <summary>The layout the migration was found in (e.g. <c>golang-migrate</c>, <c>flyway</c>, <c>folder</c>, <c>dbmate</c>, <c>goose</c>).</summary>
    public required string Layout { get; init; }

    public override string ToString() => $"{Version}_{Name}";
}
