using System.Globalization;
using Migrations.Build.Checks;

namespace Migrations.Build.Cli;

/// <summary>The one line a build prints: <c>Migrations: 12 migrations on SQLite — upgrade ok, drift 0, downgrades 12/12 proven (0.41 s)</c>;
/// after a failing up it counts what was found and what was checked:
/// <c>Migrations: 12 migrations on SQLite, 7 checked, 5 not checked (upgrade stopped at 0007_x) — upgrade failed at 0007_x, …</c>.</summary>
public static class SummaryLine
{
    public static string Render(ValidationResult result)
    {
        var count = result.Migrations.Count;

        // With no migration read, "upgrade ok, downgrades 0/0 proven" would read as a history that passed.
        var checks = count == 0
            ? result.Checks.Where(c => c.Check is not ("history" or "upgrade" or "downgrade")).Select(c => c.Summary).Prepend("no migration read, nothing applied or proven")
            : result.Checks.Where(c => c.Check != "history").Select(c => c.Summary);
        var text = $"Migrations: {count} migration{(count == 1 ? string.Empty : "s")} on {result.ProviderName}";
        if (result.NotChecked.Count > 0)
        {
            // "12 migrations" alone would read as twelve checked: a stopped upgrade says how many were not.
            var stoppedAt = result.Migrations[count - result.NotChecked.Count - 1];
            text += $", {count - result.NotChecked.Count} checked, {result.NotChecked.Count} not checked (upgrade stopped at {stoppedAt})";
        }

        var details = string.Join(", ", checks);
        if (details.Length > 0)
        {
            text += " — " + details;
        }

        var seconds = result.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
        var counts = result.ErrorCount + result.WarningCount > 0 ? $"; {result.ErrorCount} error(s), {result.WarningCount} warning(s)" : string.Empty;
        return $"{text} ({seconds} s){counts}";
    }
}
