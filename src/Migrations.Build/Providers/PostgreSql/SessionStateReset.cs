using System.Text;
using System.Text.RegularExpressions;

namespace Migrations.Build.Providers.PostgreSql;

/// <summary>What the scripts run on one session may have left in it (temporary tables, settings set without LOCAL,
/// prepared statements, held cursors, LISTEN, advisory locks), and the one statement that clears it after each
/// script, so that every up, down and up again starts on a fresh session state as a runner's new session does.</summary>
/// <remarks>
/// DISCARD ALL would be the whole reset, but it also drops what the schema fingerprint keeps in the session (its
/// temporary tables, its prepared read, the event triggers' record in a setting: a full read after every script) and
/// cannot run in a transaction. So the reset clears the scripts' kinds of state only, and only the kinds a script
/// named: the reset costs server time (about a millisecond), and most histories name none of them. A kind named in a
/// function or procedure body is reset after every later script too, since the body may run in any of them.
/// </remarks>
internal sealed partial class SessionStateReset
{
    private SessionStateKinds _pending;
    private SessionStateKinds _sticky;

    /// <summary>True when a script named session state and its reset has not run since (the script failed): the
    /// next script must start with it.</summary>
    public bool Owed => _pending != SessionStateKinds.None;

    /// <summary>The statement that clears what the scripts may have left in the session, or null when none can have
    /// left anything.</summary>
    public string? Statement => Build(_pending | _sticky);

    /// <summary>Told of every statement of a script before it runs.</summary>
    public void Observe(string statementText)
    {
        var kinds = KindsNamedBy(statementText);
        _pending |= kinds;
        if (kinds != SessionStateKinds.None && RoutineBody().IsMatch(statementText))
        {
            _sticky |= kinds;
        }
    }

    /// <summary>The reset of <see cref="Statement"/> ran.</summary>
    public void Cleared() => _pending = SessionStateKinds.None;

    private static SessionStateKinds KindsNamedBy(string text)
    {
        var kinds = SessionStateKinds.None;
        kinds |= Temporary().IsMatch(text) ? SessionStateKinds.Temporary : 0;
        kinds |= SessionSetting().IsMatch(text) ? SessionStateKinds.Settings : 0;
        kinds |= Prepare().IsMatch(text) ? SessionStateKinds.Prepared : 0;
        kinds |= HeldCursor().IsMatch(text) ? SessionStateKinds.HeldCursors : 0;
        kinds |= Listen().IsMatch(text) ? SessionStateKinds.Listening : 0;
        kinds |= AdvisoryLock().IsMatch(text) ? SessionStateKinds.AdvisoryLocks : 0;
        return kinds;
    }

    private static string? Build(SessionStateKinds kinds)
    {
        if (kinds == SessionStateKinds.None)
        {
            return null;
        }

        var sql = new StringBuilder("DO $migrations_build_reset$\nDECLARE\n    touched text := pg_catalog.current_setting('migrations_build.touched', true);\n    item record;\nBEGIN\n");
        if (kinds.HasFlag(SessionStateKinds.Settings))
        {
            // The role first: dropping a temporary table needs its owner. RESET ALL would also empty the fingerprint's
            // record of what DDL touched (a setting), so that is put back.
            sql.Append("    SET SESSION AUTHORIZATION DEFAULT;\n    RESET ALL;\n")
                .Append("    IF touched IS NOT NULL THEN\n        PERFORM pg_catalog.set_config('migrations_build.touched', touched, false);\n    END IF;\n");
        }

        if (kinds.HasFlag(SessionStateKinds.Temporary))
        {
            // Tables before sequences: an identity or serial sequence goes with its table. The fingerprint's own
            // tables stay.
            sql.Append("""
                    FOR item IN SELECT c.relname, c.relkind FROM pg_catalog.pg_class c
                                WHERE c.relnamespace = pg_catalog.pg_my_temp_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
                                  AND c.relname NOT LIKE 'migrations\_build\_fingerprint\_%'
                                ORDER BY c.relkind = 'S' LOOP
                        EXECUTE pg_catalog.format('DROP %s IF EXISTS pg_temp.%I CASCADE',
                            CASE item.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE'
                                              WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END,
                            item.relname);
                    END LOOP;

                """);
        }

        if (kinds.HasFlag(SessionStateKinds.Prepared))
        {
            // from_sql: the client library's own prepared statements (the fingerprint's read) are not the scripts'.
            sql.Append("    FOR item IN SELECT p.name FROM pg_catalog.pg_prepared_statements p WHERE p.from_sql LOOP\n")
                .Append("        EXECUTE pg_catalog.format('DEALLOCATE %I', item.name);\n    END LOOP;\n");
        }

        if (kinds.HasFlag(SessionStateKinds.HeldCursors))
        {
            sql.Append("    FOR item IN SELECT c.name FROM pg_catalog.pg_cursors c WHERE c.is_holdable LOOP\n")
                .Append("        EXECUTE pg_catalog.format('CLOSE %I', item.name);\n    END LOOP;\n");
        }

        if (kinds.HasFlag(SessionStateKinds.Listening))
        {
            sql.Append("    UNLISTEN *;\n");
        }

        if (kinds.HasFlag(SessionStateKinds.AdvisoryLocks))
        {
            sql.Append("    PERFORM pg_catalog.pg_advisory_unlock_all();\n");
        }

        return sql.Append("END\n$migrations_build_reset$").ToString();
    }

    [GeneratedRegex(@"\b(TEMP|TEMPORARY|pg_temp)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Temporary();

    // SET as a statement of its own (at the start of the text, after a semicolon, a quote or a PL/pgSQL keyword), not
    // SET LOCAL, nor the SET of UPDATE, ALTER or a function's attributes; and set_config().
    [GeneratedRegex(
        @"(^|[;'$]|\b(BEGIN|THEN|ELSE|LOOP|DO)\b)(\s|--[^\n]*\n|/\*.*?\*/)*SET\s+(?!LOCAL\b|CONSTRAINTS?\b|TRANSACTION\b)|\bset_config\b",
        RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex SessionSetting();

    [GeneratedRegex(@"\bPREPARE\b", RegexOptions.IgnoreCase)]
    private static partial Regex Prepare();

    [GeneratedRegex(@"\bWITH\s+HOLD\b", RegexOptions.IgnoreCase)]
    private static partial Regex HeldCursor();

    [GeneratedRegex(@"\bLISTEN\b", RegexOptions.IgnoreCase)]
    private static partial Regex Listen();

    [GeneratedRegex(@"\bpg_(try_)?advisory_lock", RegexOptions.IgnoreCase)]
    private static partial Regex AdvisoryLock();

    [GeneratedRegex(@"\bCREATE\s+(OR\s+REPLACE\s+)?(FUNCTION|PROCEDURE)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RoutineBody();

    [Flags]
    private enum SessionStateKinds
    {
        None = 0,
        Temporary = 1,
        Settings = 2,
        Prepared = 4,
        HeldCursors = 8,
        Listening = 16,
        AdvisoryLocks = 32,
    }
}
