namespace Migrations.Build.Migrations;

/// <summary>A pair of characters that quotes an identifier, e.g. <c>"…"</c> or <c>[…]</c>.</summary>
/// <param name="DoubledCloseEscapes">A doubled closing character stands for itself inside the quotes (<c>"a""b"</c>);
/// SQLite's <c>[…]</c> has no escape and ends at the first <c>]</c>.</param>
public sealed record IdentifierQuote(char Open, char Close, bool DoubledCloseEscapes = true)
{
    /// <summary>The SQL standard's <c>"…"</c>, which every engine here accepts.</summary>
    public static IdentifierQuote Double { get; } = new('"', '"');
}
