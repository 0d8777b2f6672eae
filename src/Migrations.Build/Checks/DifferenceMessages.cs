using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;
using Migrations.Build.Schema;
using Migrations.Build.Schema.Comparison;

namespace Migrations.Build.Checks;

/// <summary>Turns schema differences into diagnostics: the drift check's (model against migrations) and the downgrade
/// proof's (before the up against after the down, first against second up). Only typed fields are read.</summary>
internal static class DifferenceMessages
{
    /// <summary>A drift finding, located at the model's source (a missing object) or the migrations' (an unexpected one).</summary>
    public static Diagnostic Drift(SchemaDifference difference, ISchemaLocator model, ISchemaLocator migrations, SourceLocation? fallback)
    {
        var inModel = LocateIn(model, difference) ?? fallback;
        var o = difference.Object;
        return difference switch
        {
            MissingObject { Object.Kind: ObjectKind.Table } => new Diagnostic(
                DiagnosticCodes.TableWithoutMigration,
                $"Table {DifferenceNames.Of(o)} is in the model, but no migration creates it. Add a migration that creates it, or list it as pending (<MigrationsPendingTable Include=\"{o.Name}\" />).",
                inModel),
            MissingObject => new Diagnostic(
                DiagnosticCodes.MissingInMigrations,
                $"{Capitalized(o)} {DifferenceNames.Of(o)} is in the model, but missing after the migrations.",
                inModel),
            UnexpectedObject => new Diagnostic(
                DiagnosticCodes.NotInModel,
                $"{Capitalized(o)} {DifferenceNames.Of(o)} exists after the migrations, but not in the model.",
                LocateIn(migrations, difference) ?? fallback),
            RenamedObject renamed => new Diagnostic(
                DiagnosticCodes.NameDiffers,
                $"{Capitalized(o)} {DifferenceNames.Of(o)} is {DifferenceNames.NamedAs(renamed.ExpectedName)} in the model, {DifferenceNames.NamedAs(renamed.ActualName)} after the migrations.",
                inModel),
            ChangedAttribute changed => new Diagnostic(
                DiagnosticCodes.DefinitionDiffers,
                $"{Capitalized(o)} {DifferenceNames.Of(o)}: {Sides(changed, "in the model", "after migrations")}.",
                inModel)
            { Details = WholeTexts(changed, "in the model", "after the migrations") },
            ColumnOrderChanged order => new Diagnostic(
                DiagnosticCodes.DefinitionDiffers,
                $"Table {DifferenceNames.Of(o)}: columns {Columns(order.Expected)} in the model, {Columns(order.Actual)} after migrations.",
                inModel),
            _ => throw new InvalidOperationException("Unknown difference " + difference),
        };
    }

    /// <summary>A downgrade finding: the schema after the down compared with the schema before the up.</summary>
    public static Diagnostic Downgrade(Migration migration, SchemaDifference difference)
    {
        var location = LocateInDown(migration.Down!, difference);
        var o = difference.Object;
        var what = DifferenceNames.KindAndName(o);
        return difference switch
        {
            UnexpectedObject => new Diagnostic(DiagnosticCodes.DownLeavesObject,
                $"The down of {migration} leaves {what} behind: it did not exist before the up.", location),
            MissingObject => new Diagnostic(DiagnosticCodes.DownMissesObject,
                $"The down of {migration} removes {what}, which existed before the up.", location),
            RenamedObject r => new Diagnostic(DiagnosticCodes.DownRenamesObject,
                $"The down of {migration} restores {what} under another name: {DifferenceNames.NamedAs(r.ExpectedName)} before the up, {DifferenceNames.NamedAs(r.ActualName)} after the down.", location),
            ChangedAttribute c => new Diagnostic(DiagnosticCodes.DownChangesObject,
                $"The down of {migration} does not restore {what}: {Sides(c, "before the up", "after the down")}.", location)
            { Details = WholeTexts(c, "before the up", "after the down") },
            ColumnOrderChanged order => new Diagnostic(DiagnosticCodes.ColumnOrderDiffers,
                $"The down of {migration} restores the columns of {what} in another order: {Columns(order.Expected)} before the up, {Columns(order.Actual)} after the down. {OrderAlone}", location),
            _ => throw new InvalidOperationException("Unknown difference " + difference),
        };
    }

    /// <summary>A finding of the up applied again after its down: the first schema compared with the second.</summary>
    public static Diagnostic Reapply(Migration migration, SchemaDifference difference)
    {
        var location = migration.Up.Statements.FirstOrDefault()?.Location ?? migration.Up.Start;
        var o = difference.Object;
        var named = DifferenceNames.KindAndName(o);
        var what = difference switch
        {
            UnexpectedObject => $"{named} exists only the second time",
            MissingObject => $"{named} exists only the first time",
            RenamedObject r => $"{named} is {DifferenceNames.NamedAs(r.ExpectedName)} the first time, {DifferenceNames.NamedAs(r.ActualName)} the second time",
            ChangedAttribute c => $"{named}: {Sides(c, "the first time", "the second time")}",
            _ => difference.ToString(),
        };
        return difference is ColumnOrderChanged order
            ? new Diagnostic(DiagnosticCodes.ColumnOrderDiffers, $"Migration {migration} applied again after its down gives the columns of {named} in another order: {Columns(order.Expected)} the first time, {Columns(order.Actual)} the second time. {OrderAlone}", location)
            : new Diagnostic(DiagnosticCodes.ReapplyDiffers, $"Migration {migration} applied again after its down gives another schema: {what}.", location)
            {
                Details = difference is ChangedAttribute changed ? WholeTexts(changed, "the first time", "the second time") : null,
            };
    }

    /// <summary>A difference between the schemas after two versions (<c>diff FROM TO</c>), in the words of the checks:
    /// <paramref name="from"/> is the expected side, <paramref name="to"/> the actual one.</summary>
    public static string Between(SchemaDifference difference, string from, string to)
    {
        var o = difference.Object;
        return difference switch
        {
            UnexpectedObject => $"{Capitalized(o)} {DifferenceNames.Of(o)} exists after {to}, not after {from}.",
            MissingObject => $"{Capitalized(o)} {DifferenceNames.Of(o)} exists after {from}, not after {to}.",
            RenamedObject r => $"{Capitalized(o)} {DifferenceNames.Of(o)} is {DifferenceNames.NamedAs(r.ExpectedName)} after {from}, {DifferenceNames.NamedAs(r.ActualName)} after {to}.",
            ChangedAttribute c => $"{Capitalized(o)} {DifferenceNames.Of(o)}: {Sides(c, "after " + from, "after " + to)}.",
            ColumnOrderChanged order => $"Table {DifferenceNames.Of(o)}: columns {Columns(order.Expected)} after {from}, {Columns(order.Actual)} after {to}.",
            _ => throw new InvalidOperationException("Unknown difference " + difference),
        };
    }

    private static string Value(string? value) => value ?? "none";

    private const string OrderAlone = "Only the order differs (a warning: SELECT * and INSERT without a column list see it; promote MIG4008 with WarningsAsErrors where that matters).";

    private static string Columns(ValueList<string> names) => "(" + string.Join(", ", names) + ")";

    private static string Attribute(ChangedAttribute changed) => DifferenceNames.Word(changed.Attribute);

    /// <summary>An attribute and the first side's value (<c>type INTEGER</c>); the rowid-alias values are whole phrases.</summary>
    private static string Said(ChangedAttribute changed, string? value) =>
        changed.Attribute == ObjectAttribute.RowidAlias ? Shown(changed, value) : $"{Attribute(changed)} {Shown(changed, value)}";

    /// <summary>One side's value; a column that is not the rowid's alias says why the spelling of its type matters.</summary>
    private static string Shown(ChangedAttribute changed, string? value) => changed.Attribute == ObjectAttribute.RowidAlias
        ? value ?? "a column of its own, not the rowid (only the type name INTEGER makes a one-column primary key the rowid's alias)"
        : Value(value);

    /// <summary>Both sides of a changed attribute: a long text (a view's or function's definition) as the lines that
    /// differ, since both whole texts would bury the change; anything else as both values.</summary>
    private static string Sides(ChangedAttribute changed, string expectedSide, string actualSide) =>
        changed.Attribute != ObjectAttribute.RowidAlias && DefinitionDiff.Applies(changed.Expected, changed.Actual)
            && DefinitionDiff.Of(changed.Expected!, changed.Actual!) is { } lines
            ? $"{Attribute(changed)} {expectedSide} (-) and {actualSide} (+): {lines}"
            : $"{Said(changed, changed.Expected)} {expectedSide}, {Shown(changed, changed.Actual)} {actualSide}";

    /// <summary>Both whole texts of a long changed definition, for the reports; null where the message shows both
    /// values already.</summary>
    private static string? WholeTexts(ChangedAttribute changed, string expectedSide, string actualSide) =>
        changed.Attribute != ObjectAttribute.RowidAlias && DefinitionDiff.Applies(changed.Expected, changed.Actual)
            ? DefinitionDiff.Unified(changed.Expected!, changed.Actual!, $"{Attribute(changed)} {expectedSide}", $"{Attribute(changed)} {actualSide}")
            : null;

    private static string Capitalized(ComparedObject o)
    {
        var kind = DifferenceNames.Kind(o);
        return char.ToUpperInvariant(kind[0]) + kind[1..];
    }

    private static SourceLocation? LocateIn(ISchemaLocator locator, SchemaDifference difference)
    {
        var o = difference.Object;
        var name = difference switch
        {
            RenamedObject r => r.ExpectedName,
            ChangedAttribute c when o.IsTableChild => c.ExpectedName,
            _ => o.Name,
        };
        if (o.Table is not { } table)
        {
            return name is null ? null : locator.FindCreation(name);
        }

        if (o.Kind == ObjectKind.Index && name is not null && locator.FindCreation(name) is { } index)
        {
            return index;
        }

        // A changed foreign key is found by its columns: its name in the model may be one the engine chose.
        var child = difference is ChangedAttribute && o.Kind == ObjectKind.ForeignKey ? string.Join(", ", o.Columns) : name;
        return locator.FindInTable(table.Name, child);
    }

    /// <summary>Where the down mentions the object (a renamed one by the name it has after the down), else its
    /// table, else the down's first statement (a generated one, EF's, sits at an operation that did not cause this:
    /// the down's start instead).</summary>
    private static SourceLocation LocateInDown(SqlScript down, SchemaDifference difference)
    {
        var locator = new ObjectLocator([down]);
        var o = difference.Object;
        var name = difference switch
        {
            RenamedObject r => r.ActualName,
            ChangedAttribute c when o.IsTableChild => c.ExpectedName,
            _ => o.Name,
        };
        return (name is null ? null : locator.FindMention(name))
            ?? (o.Table is { } table ? locator.FindMention(table.Name) : null)
            ?? (down.Statements.FirstOrDefault() is { Generated: false } first ? first.Location : null)
            ?? down.Start;
    }
}
