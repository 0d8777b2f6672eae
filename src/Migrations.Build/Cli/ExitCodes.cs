namespace Migrations.Build.Cli;

/// <summary>The engine's exit codes (the MSBuild task treats any other code as a crash).</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int ChecksFailed = 1;
    public const int UsageError = 2;
    public const int InternalError = 3;
    public const int Cancelled = 130;
}
