namespace Migrations.Build.Cli;

/// <summary>The names the engine and the MSBuild task agree on (Cli/JsonLinesProtocol.md describes the protocol).</summary>
/// <remarks>One file, compiled into both: the task's project links it (<c>Compile Include … Link</c>), so a name
/// changed here changes on both sides at once. It holds constants only, and compiles for every target of both
/// projects (net472 and net8.0 for the task, net8.0 and net10.0 for the engine).</remarks>
internal static class EngineProtocol
{
    /// <summary>The variable the engine reads the connection string from, so that it never appears on a command line.</summary>
    public const string ConnectionStringVariable = "MIGRATIONS_CONNECTION_STRING";

    /// <summary>The variable the SQL Server add-on reads the T-SQL version from (the targets set it from
    /// <c>MigrationsSqlServerVersion</c>; the CLI's <c>--sqlserver-version</c> sets it too).</summary>
    public const string SqlServerVersionVariable = "MIGRATIONS_SQLSERVER_VERSION";

    /// <summary>Where each diagnostic code is documented; a code's entry is <c>#</c> and the code in lower case.</summary>
    public const string DocumentationUrl = "https://github.com/migrations-build/migrations-build/blob/main/docs/diagnostics.md";

    /// <summary>The code the task reports when the engine could not run or stopped with an exit code it does not know.</summary>
    public const string EngineCrashedCode = "MIG9002";

    /// <summary>The line on standard input that asks the engine to drop its scratch databases and stop.</summary>
    public const string CancelLine = "cancel";

    /// <summary>The value of <c>--format</c> that selects this protocol on standard output.</summary>
    public const string JsonFormat = "json";

    /// <summary>The members of a protocol object.</summary>
    public static class Fields
    {
        /// <summary>The object's kind: one of <see cref="Kinds"/>.</summary>
        public const string Type = "type";

        public const string Message = "message";

        /// <summary>One of <see cref="Severities"/>.</summary>
        public const string Severity = "severity";

        public const string Code = "code";

        public const string File = "file";

        public const string Line = "line";

        public const string Column = "column";

        public const string HelpLink = "helpLink";

        public const string Errors = "errors";

        public const string Warnings = "warnings";

        public const string Migrations = "migrations";

        public const string ElapsedMilliseconds = "elapsedMs";

        public const string Checks = "checks";

        public const string Check = "check";

        public const string Status = "status";

        public const string Summary = "summary";

        public const string NotVerifiable = "notVerifiable";
    }

    /// <summary>The values of <see cref="Fields.Type"/>.</summary>
    public static class Kinds
    {
        public const string Diagnostic = "diagnostic";

        public const string Progress = "progress";

        public const string Summary = "summary";
    }

    /// <summary>The values of <see cref="Fields.Severity"/>.</summary>
    public static class Severities
    {
        public const string Error = "error";

        public const string Warning = "warning";

        public const string Info = "info";
    }

    /// <summary>The engine's exit codes; the task treats any other code as a crash (<see cref="EngineCrashedCode"/>).</summary>
    public static class ExitCodes
    {
        public const int Success = 0;

        public const int ChecksFailed = 1;

        public const int UsageError = 2;

        /// <summary>An internal error: the engine printed MIG9001.</summary>
        public const int InternalError = 3;

        /// <summary>The run was cancelled (the <see cref="CancelLine"/>, Ctrl+C or SIGTERM) and its scratch databases dropped.</summary>
        public const int Cancelled = 130;

        /// <summary>Whether the task knows what <paramref name="exitCode"/> means (a cancelled run is handled apart).</summary>
        public static bool IsKnown(int exitCode) => exitCode is Success or ChecksFailed or UsageError or InternalError;
    }
}
