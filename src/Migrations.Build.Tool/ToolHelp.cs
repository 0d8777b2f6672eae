namespace Migrations.Build.Tool;

/// <summary>The examples printed after <c>--help</c>: each command as a person types it in a project folder.</summary>
internal static class ToolHelp
{
    public static string Examples(string? command) => command switch
    {
        ToolRequest.Check => """
            Examples:
              dotnet migrations check                       the build's check, with the project's settings
              dotnet migrations check -p src/App -v         another project; progress and the settings read
            """,
        ToolRequest.Snapshot => """
            Examples:
              dotnet migrations snapshot                    the schema after every migration
              dotnet migrations snapshot --at 0003          the schema after migration 0003 (0: before the first)
              dotnet migrations snapshot -f markdown -o schema.md
                                                            Markdown with a Mermaid ER diagram, into a file
              dotnet migrations snapshot -f json            JSON, for scripts
            """,
        ToolRequest.Diff => """
            Examples:
              dotnet migrations diff 0002 0005              what migrations 0003 to 0005 change
              dotnet migrations diff 0005 --model           the schema after 0005 against the model (the drift check's words)
              dotnet migrations diff 0002 0005 -f json      JSON, for scripts
            """,
        _ => """
            Examples:
              dotnet migrations check                       the build's check, with the project's settings
              dotnet migrations snapshot --at 0003          the schema after migration 0003
              dotnet migrations snapshot -f markdown        the schema with its ER diagram
              dotnet migrations diff 0002 0005              what migrations 0003 to 0005 change
              dotnet migrations diff 0005 --model           the schema after 0005 against the model
              dotnet migrations check -p src/App            a project in another folder
            """,
    };
}
