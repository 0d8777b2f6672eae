namespace Migrations.Build.Diagnostics;

/// <summary>The catalog of diagnostic codes. A code keeps its meaning forever; docs/diagnostics.md documents each.</summary>
public static class DiagnosticCodes
{
    // MIG0xxx: configuration.
    public static readonly DiagnosticDescriptor MigrationsDirectoryNotFound = new("MIG0001", "The migrations directory does not exist", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor ModelNotFound = new("MIG0002", "The model file or folder does not exist", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor UnknownProvider = new("MIG0003", "Unknown database provider", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor InvalidConnectionString = new("MIG0004", "The connection string is not valid", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor ServerUnreachable = new("MIG0005", "The database server cannot be reached", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor InvalidOption = new("MIG0006", "An option has an invalid value", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor EngineNotInstalled = new("MIG0007", "No database server and no server binaries to start one", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor NoMigrations = new("MIG0008", "The migrations directory contains no migrations", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor ScratchDatabaseFailed = new("MIG0009", "The scratch database could not be created or dropped", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor ReportNotWritten = new("MIG0010", "The reports could not be written", DiagnosticSeverity.Warning);

    // MIG0011–0019: faults of the database server during a check.
    public static readonly DiagnosticDescriptor ConnectionLost = new("MIG0011", "The connection to the database server was lost during the check", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor CreateDatabaseNotPermitted = new("MIG0012", "The server login may not create databases", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor ScratchDatabaseNotDropped = new("MIG0013", "A scratch database could not be dropped", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor StepSummaryNotWritten = new("MIG0040", "The summary could not be appended to the CI job page", DiagnosticSeverity.Warning);

    // MIG0045–0049: the snapshot and diff commands and the `dotnet migrations` tool.
    public static readonly DiagnosticDescriptor UnknownVersion = new("MIG0045", "A version names no migration", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor ProjectSettingsUnreadable = new("MIG0046", "The project's settings could not be read through MSBuild", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor ProjectNotFound = new("MIG0047", "No single project file to read the settings from", DiagnosticSeverity.Error);

    // MIG0050–0054: the setup script (MigrationsSetupScript), the runner's environment made before the migrations.
    public static readonly DiagnosticDescriptor SetupScriptUnreadable = new("MIG0050", "The setup script cannot be read", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor SetupStatementFailed = new("MIG0051", "A statement of the setup script failed", DiagnosticSeverity.Error);

    // MIG0020-0029: EF Core projects (read at design time through the EF bridge).
    public static readonly DiagnosticDescriptor EfDesignPackageMissing = new("MIG0020", "The EF Core project does not reference Microsoft.EntityFrameworkCore.Design", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor EfContextNotFound = new("MIG0021", "No DbContext was found, or not the one MigrationsEfContext names", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor EfContextNotCreated = new("MIG0022", "EF Core could not create the DbContext at design time", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor EfVersionUnsupported = new("MIG0023", "The project's EF Core version is not supported", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor EfProjectUnsupported = new("MIG0024", "The project cannot be run at design time (not a .NET app, or not built)", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor EfBridgeFailed = new("MIG0025", "The EF bridge could not read the project", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor EfProviderUnsupported = new("MIG0026", "The DbContext's EF Core provider has no engine here", DiagnosticSeverity.Error);

    // MIG1xxx: history.
    public static readonly DiagnosticDescriptor DuplicateVersion = new("MIG1001", "Two migrations have the same version", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor DownWithoutUp = new("MIG1002", "A down script has no up script", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor MissingDown = new("MIG1003", "A migration has no down script", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor UnrecognizedFile = new("MIG1004", "A SQL file or folder in the migrations directory is not a migration its layout reads", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor UnreadableScript = new("MIG1005", "A script is not readable SQL text (binary or invalid UTF-8)", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor UnterminatedToken = new("MIG1006", "A script has an unterminated quote, identifier or comment", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor ReleasedMigrationEdited = new("MIG1007", "A released migration was edited", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor ReleasedMigrationDeleted = new("MIG1008", "A released migration was deleted", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor MigrationInsertedBeforeReleased = new("MIG1009", "A new migration sorts before the last released one", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor EmptyScript = new("MIG1010", "A script contains no statements", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor InvalidLockFile = new("MIG1011", "The history lock file cannot be read", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor InvalidDirective = new("MIG1012", "A migration directive comment is not understood", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor InvalidVersion = new("MIG1013", "A migration's version is not a number", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor MixedLayouts = new("MIG1014", "A migration uses another layout than the rest of its folder", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor NotARegularFile = new("MIG1015", "A script, model or lock file is not a regular file", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor FileTooLarge = new("MIG1016", "A script, model or lock file is over the size limit", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor AccessDenied = new("MIG1017", "A file or folder cannot be read (permissions)", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor LockNotWritten = new("MIG1018", "The history lock could not be written", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor UnseenFiles = new("MIG1019", "Files in the migrations directory that the check cannot see", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor EfMigrationSourceNotFound = new("MIG1020", "An EF Core migration's source file was not found", DiagnosticSeverity.Warning);

    // MIG2xxx: upgrade.
    public static readonly DiagnosticDescriptor UpStatementFailed = new("MIG2001", "An up script failed to apply", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor UpgradeStopped = new("MIG2002", "Later checks did not run because the upgrade failed", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor StatementRefused = new("MIG2003", "A statement was refused: it would act outside the scratch database", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor ServerStatementRefused = new("MIG2004", "A statement was refused: it would act on the server or on another database", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor ServerFileStatementRefused = new("MIG2005", "A statement was refused: it would use the server's files or run a program or native code on it", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor RoleStatementRefused = new("MIG2006", "A statement was refused: it would change the server's roles or act as another role", DiagnosticSeverity.Error);

    // MIG2010–2014: limits on what one statement may take.
    public static readonly DiagnosticDescriptor StatementTimedOut = new("MIG2010", "A statement ran longer than the statement timeout", DiagnosticSeverity.Error);

    // MIG3xxx: drift between the migrated schema and the model.
    public static readonly DiagnosticDescriptor ModelStatementFailed = new("MIG3001", "The model script failed to apply", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor MissingInMigrations = new("MIG3002", "An object of the model is missing after the migrations", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor NotInModel = new("MIG3003", "The migrations create an object that the model does not have", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor DefinitionDiffers = new("MIG3004", "An object differs between the model and the migrations", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor NameDiffers = new("MIG3005", "An object has another name in the model than after the migrations", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor TableWithoutMigration = new("MIG3006", "A model table is created by no migration", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor StalePendingTable = new("MIG3007", "A table listed as pending is created by a migration", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor NotVerifiable = new("MIG3008", "An attribute cannot be verified on this engine", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor EfPendingModelChange = new("MIG3020", "The EF Core model has a change that no migration makes", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor EfSnapshotDiffers = new("MIG3021", "The EF Core model snapshot differs from the schema the migrations build", DiagnosticSeverity.Error);

    // MIG4xxx: downgrade proofs.
    public static readonly DiagnosticDescriptor DownStatementFailed = new("MIG4001", "A down script failed to apply", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor DownLeavesObject = new("MIG4002", "A down script leaves an object behind", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor DownMissesObject = new("MIG4003", "A down script removes an object that existed before the up", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor DownChangesObject = new("MIG4004", "A down script does not restore an object's definition", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor DownRenamesObject = new("MIG4005", "A down script restores an object under another name", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor ReapplyFailed = new("MIG4006", "An up script fails to apply again after its down", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor ReapplyDiffers = new("MIG4007", "An up script applied again gives another schema", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor ColumnOrderDiffers = new("MIG4008", "A down (or an up applied again) leaves a table's columns in another order", DiagnosticSeverity.Warning);

    // MIG0030–0039, MIG2030–2039, MIG3030–3039, MIG4030–4039: SQL Server (the Migrations.Build.SqlServer add-on).
    public static readonly DiagnosticDescriptor AddOnNotReferenced = new("MIG0030", "The provider's add-on package is not referenced", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor ServerChecksNotRun = new("MIG0031", "The checks that need a database server did not run", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor UpSyntaxError = new("MIG2030", "An up script is not valid T-SQL", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor ModelSyntaxError = new("MIG3030", "A model file is not valid T-SQL", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor ModelInvalid = new("MIG3031", "The model does not validate (DacFx model error)", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor ModelUnreadable = new("MIG3032", "The model cannot be read (SQL project or dacpac)", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor DownSyntaxError = new("MIG4030", "A down script is not valid T-SQL", DiagnosticSeverity.Error);

    // MIG9xxx: internal errors (bugs).
    public static readonly DiagnosticDescriptor InternalError = new("MIG9001", "Internal error in the validation engine", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor EngineCrashed = new(Cli.EngineProtocol.EngineCrashedCode, "The validation engine stopped unexpectedly", DiagnosticSeverity.Error);

    /// <summary>Every code, for documentation and tests.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = typeof(DiagnosticCodes)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .ToArray();
}
