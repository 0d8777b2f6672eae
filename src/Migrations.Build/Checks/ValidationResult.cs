using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;
using Migrations.Build.Schema;

namespace Migrations.Build.Checks;

/// <summary>What one validation run found: plain data for the renderers and report writers.</summary>
public sealed record ValidationResult(ValidationRequest Request, string ProviderName)
{
    public ValueList<Diagnostic> Diagnostics { get; init; } = ValueList<Diagnostic>.Empty;

    public ValueList<Migration> Migrations { get; init; } = ValueList<Migration>.Empty;

    /// <summary>The migrations after a failing up: found, but neither applied nor proven (MIG2002).</summary>
    public ValueList<Migration> NotChecked { get; init; } = ValueList<Migration>.Empty;

    /// <summary>The schema after all ups, when the upgrade succeeded.</summary>
    public DatabaseSchema? MigratedSchema { get; init; }

    /// <summary>The schema of the model, when one was given and applied.</summary>
    public DatabaseSchema? ModelSchema { get; init; }

    /// <summary>One outcome per check, in the order they ran (History, Upgrade, Drift, Downgrade).</summary>
    public ValueList<CheckOutcome> Checks { get; init; } = ValueList<CheckOutcome>.Empty;

    public TimeSpan Elapsed { get; init; }

    /// <summary>What the engine cannot reflect reliably: those attributes were not compared (its capability profile).</summary>
    public ValueList<string> NotVerifiable { get; init; } = ValueList<string>.Empty;

    public int ErrorCount => Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);

    public int WarningCount => Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
}

/// <summary>How one check ended.</summary>
public enum CheckStatus
{
    Passed,
    Failed,

    /// <summary>The check could not run (no model, upgrade failed, turned off); <see cref="CheckOutcome.Summary"/> says why.</summary>
    NotRun,
}

/// <summary>The outcome of one check with a one-line summary (e.g. <c>downgrades 12/12 proven</c>).</summary>
public sealed record CheckOutcome(string Check, CheckStatus Status, string Summary);
