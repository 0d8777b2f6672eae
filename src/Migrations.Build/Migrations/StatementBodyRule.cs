using Migrations.Build.Schema;

namespace Migrations.Build.Migrations;

/// <summary>A kind of statement with a body whose semicolons belong to it, e.g. SQLite's
/// <c>CREATE TRIGGER … BEGIN … END</c>: the body opens at <see cref="Opening"/> in a statement that starts with one of
/// <see cref="StatementStarts"/>, and closes at the <see cref="End"/> that matches it.</summary>
/// <param name="StatementStarts">The leading words (upper case, space separated) of the statements that have such a
/// body, e.g. <c>CREATE TRIGGER</c>, <c>CREATE OR REPLACE FUNCTION</c>.</param>
/// <param name="Opening">The words that open the body, one after the other: <c>BEGIN</c>, or <c>BEGIN ATOMIC</c>.</param>
public sealed record StatementBodyRule(ValueList<string> StatementStarts, ValueList<string> Opening)
{
    /// <summary>The word that closes the body, and every block nested inside it.</summary>
    public string End { get; init; } = "END";

    /// <summary>Words that open a block nested in the body that also closes with <see cref="End"/> (<c>CASE … END</c>).</summary>
    public ValueList<string> NestedBlocks { get; init; } = ["CASE"];
}
