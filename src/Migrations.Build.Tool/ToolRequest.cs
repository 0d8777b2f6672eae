namespace Migrations.Build.Tool;

/// <summary>What a person asked <c>dotnet migrations</c> for, as parsed from the command line.</summary>
internal sealed record ToolRequest(string Command)
{
    public const string Check = "check";

    public const string Snapshot = "snapshot";

    public const string Diff = "diff";

    /// <summary>A project file or a folder with one; null: the current folder.</summary>
    public string? Project { get; init; }

    public bool Verbose { get; init; }

    /// <summary><c>text</c>, <c>markdown</c> (snapshot) or <c>json</c>; null: the engine's default (text).</summary>
    public string? Format { get; init; }

    public string? Output { get; init; }

    /// <summary>snapshot's <c>--at</c>; null: every migration.</summary>
    public string? At { get; init; }

    public string? From { get; init; }

    public string? To { get; init; }

    /// <summary>diff against the project's model instead of <see cref="To"/>.</summary>
    public bool Model { get; init; }
}
