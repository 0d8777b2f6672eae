using System.Text.RegularExpressions;
using Migrations.Build.Migrations;
using Migrations.Build.Providers;
using Migrations.Build.Schema;

namespace Migrations.Build.Checks.Downgrade;

/// <summary>Scripts that manage their own transaction as one BEGIN … COMMIT around the whole file: the runners run
/// them as one transaction, so the proofs run what is between the two in a transaction of the engine's (a savepoint,
/// a rollback), as they do with any other script, rather than statement by statement outside one.</summary>
internal static partial class OwnTransaction
{
    /// <summary>The migration with each such script's outer BEGIN and COMMIT left out (the statements, their lines and
    /// the script's flags unchanged); itself when neither script is one.</summary>
    public static Migration Unwrapped(IDatabaseProvider provider, Migration migration)
    {
        var up = Unwrapped(provider, migration.Up);
        var down = migration.Down is { } d ? Unwrapped(provider, d) : null;
        return ReferenceEquals(up, migration.Up) && ReferenceEquals(down, migration.Down)
            ? migration
            : migration with { Up = up, Down = down };
    }

    private static SqlScript Unwrapped(IDatabaseProvider provider, SqlScript script)
    {
        var statements = script.Statements;
        if (script.NoTransaction || statements.Count < 2 || !Begin().IsMatch(statements[0].Text) || !Commit().IsMatch(statements[^1].Text))
        {
            return script;
        }

        var inner = script with { Statements = statements.Skip(1).Take(statements.Count - 2).ToValueList() };
        return ScriptRunner.NeedsNoTransaction(provider, inner) ? script : inner;
    }

    [GeneratedRegex(@"^\s*(BEGIN(\s+(DEFERRED|IMMEDIATE|EXCLUSIVE))?(\s+(TRANSACTION|WORK))?|START\s+TRANSACTION)\s*;?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Begin();

    [GeneratedRegex(@"^\s*(COMMIT|END)(\s+(TRANSACTION|WORK))?\s*;?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Commit();
}
