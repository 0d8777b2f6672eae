namespace Migrations.Build.Checks;

/// <summary>What a scratch database is for: replaying the migrations, or building the model.</summary>
public enum ScratchPurpose
{
    Migrations,
    Model,
}
