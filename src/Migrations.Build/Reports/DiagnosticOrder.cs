using Migrations.Build.Diagnostics;
using Migrations.Build.Schema;

namespace Migrations.Build.Reports;

/// <summary>The order every output shows diagnostics in: the most important first, because CI pages show only the
/// first few (GitHub: 10 annotations per step).</summary>
/// <remarks>Errors before warnings before infos. Within a severity, by the family of the code, in this order and for
/// these reasons:
/// <list type="number">
/// <item>internal (MIG9xxx): the engine itself broke, so nothing else it says can be trusted to be complete;</item>
/// <item>configuration (MIG0xxx): a wrong setting keeps whole checks from running; fixing it changes everything below;</item>
/// <item>history (MIG1xxx): a duplicate version or an edited released migration makes the replay meaningless;</item>
/// <item>upgrade (MIG2xxx): a failing up stops the replay, so the migrations after it were not checked at all;</item>
/// <item>downgrade (MIG4xxx): each proof names one down script and one object, the most precise finding there is;</item>
/// <item>drift (MIG3xxx): differences from the model are often many and often follow from the findings above (an up
/// that failed leaves its objects missing), so they come last;</item>
/// <item>lint (MIG5xxx) and anything else after them.</item>
/// </list>
/// Within a family the engine's own order is kept (the sort is stable): migration order, then statement order.</remarks>
public static class DiagnosticOrder
{
    private static readonly string[] FamilyPrecedence = ["MIG9", "MIG0", "MIG1", "MIG2", "MIG4", "MIG3", "MIG5"];

    /// <summary>The diagnostics, most important first; equal ones keep their order.</summary>
    public static ValueList<Diagnostic> MostImportantFirst(IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        return diagnostics.OrderBy(d => d.Severity).ThenBy(Family).ToValueList();
    }

    /// <summary>The rank of a code's family in <see cref="FamilyPrecedence"/>; an unknown family sorts last.</summary>
    public static int Family(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var index = Array.FindIndex(FamilyPrecedence, prefix => diagnostic.Code.StartsWith(prefix, StringComparison.Ordinal));
        return index < 0 ? FamilyPrecedence.Length : index;
    }
}
