namespace Migrations.Build.Migrations;

/// <summary>One released migration recorded in migrations.lock, with the line it is on.</summary>
public sealed record HistoryLockEntry(MigrationVersion Version, string Checksum, string Name, int Line)
{
    /// <summary>Named as its migration is (see <see cref="Migration.ToString"/>).</summary>
    public override string ToString() => Version.OrderedByName ? Version.Text : $"{Version}_{Name}";
}
