namespace Migrations.Build.Providers;

/// <summary>What a downgrade proof costs on an engine, in units of one statement, so the proofs can be split evenly
/// between two scratch databases (<see cref="Checks.UpgradeCheck"/>).</summary>
/// <param name="StatementGrowth">How much more a statement costs at the end of the history than at its start (SQLite
/// parses its whole schema again on each DDL statement: 1, twice as much at the end).</param>
/// <param name="ReadBase">The fixed cost of one schema fingerprint read.</param>
/// <param name="ReadPerStatement">What a read costs more for each statement applied before it (the objects it prints).</param>
/// <param name="DatabaseCreation">Creating a scratch database: the second one starts that much later.</param>
/// <param name="SchemaRead">What only the database that reaches the newest migration does besides the migrations:
/// reading its schema for the drift check and its first fingerprint with a schema already in place.</param>
/// <param name="CheapRollbackToSavepoint">Rolling back to a savepoint costs next to nothing (PostgreSQL), so proving
/// each migration on its own inside a transaction costs what the reverse sweep does, and a defect costs nothing more;
/// false where it costs like a statement (SQLite parses its whole schema again).</param>
public sealed record ProofCost(double StatementGrowth, double ReadBase, double ReadPerStatement, double DatabaseCreation, double SchemaRead = 0, bool CheapRollbackToSavepoint = false)
{
    /// <summary>Statements that cost more as the schema grows, reads and databases that cost little next to them
    /// (SQLite).</summary>
    public static ProofCost Default { get; } = new(1, 0, 0, 0);
}
