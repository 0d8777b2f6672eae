namespace Migrations.Tasks;

/// <summary>One line the engine wrote, and whether it came from standard error.</summary>
internal readonly struct EngineOutput(string text, bool isError)
{
    public string Text { get; } = text;

    public bool IsError { get; } = isError;
}
