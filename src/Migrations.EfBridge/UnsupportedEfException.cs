namespace Migrations.EfBridge;

/// <summary>The app's EF Core lacks a type or member the bridge calls: an EF version the bridge does not support.</summary>
internal sealed class UnsupportedEfException(string message) : Exception(message);
