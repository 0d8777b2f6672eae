using Migrations.Build.Schema;
using Migrations.Build.Schema.Comparison;

namespace Migrations.Build.Tests.Unit.Schema;

/// <summary>One row of the comparer's table: two schemas, the options, and the exact typed differences expected.</summary>
public sealed record ComparerCase(string Name, DatabaseSchema Expected, DatabaseSchema Actual, ComparisonOptions Options, SchemaDifference[] Differences)
{
    public override string ToString() => Name;
}
