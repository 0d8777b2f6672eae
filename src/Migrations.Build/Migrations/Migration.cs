namespace Migrations.Build.Migrations;

/// <summary>One migration: a version, a name, an up script and optionally a down script.</summary>
public sealed record Migration(MigrationVersion Version, string Name, SqlScript Up, SqlScript? Down)
{
    /// <summary>SHA-256 (hex) of the up and down files' bytes, with line endings normalized, recorded in migrations.lock.</summary>
    public required string Checksum { get; init; }

    /// <summary>The layout the migration was found in (one of <see cref="MigrationLayouts.All"/>).</summary>
    public required string Layout { get; init; }

    /// <summary><c>0001_create_users</c>; a by-name migration by its file name's stem alone, which is both.</summary>
    public override string ToString() => Version.OrderedByName ? Version.Text : $"{Version}_{Name}";
}
