using Migrations.Build.Providers.PostgreSql;

namespace Migrations.Build.Tests.Unit.Providers;

/// <summary>Which statements make the PostgreSQL session reset run after a script, and what it clears. What the reset
/// does on a server is proven by PostgreSqlSessionStateCheckTests.</summary>
[TestClass]
public sealed class SessionStateResetTests
{
    [TestMethod]
    [DataRow("UPDATE users SET email = lower(email)")]
    [DataRow("ALTER TABLE users ALTER COLUMN email SET NOT NULL")]
    [DataRow("ALTER TABLE users ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES b (id) ON DELETE SET NULL")]
    [DataRow("CREATE FUNCTION f() RETURNS void LANGUAGE sql SET search_path = public AS 'SELECT 1'")]
    [DataRow("SET LOCAL lock_timeout = '1s'")]
    [DataRow("CREATE TABLE attempts (id integer)")]
    public void A_statement_that_leaves_nothing_in_the_session_needs_no_reset(string statement)
    {
        var reset = new SessionStateReset();

        reset.Observe(statement);

        Assert.IsNull(reset.Statement);
    }

    [TestMethod]
    [DataRow("SET search_path = ''", "RESET ALL")]
    [DataRow("-- header\nSET statement_timeout = 0", "RESET ALL")]
    [DataRow("SELECT pg_catalog.set_config('search_path', '', false)", "RESET ALL")]
    [DataRow("DO $$ BEGIN SET ROLE app; END $$", "SET SESSION AUTHORIZATION DEFAULT")]
    [DataRow("CREATE TEMP TABLE staging (id integer)", "DROP %s IF EXISTS pg_temp.%I CASCADE")]
    [DataRow("PREPARE add_flag (integer) AS SELECT $1", "DEALLOCATE")]
    [DataRow("DECLARE c CURSOR WITH HOLD FOR SELECT 1", "CLOSE")]
    [DataRow("LISTEN changes", "UNLISTEN *")]
    [DataRow("SELECT pg_advisory_lock(42)", "pg_advisory_unlock_all")]
    public void A_statement_that_leaves_session_state_is_followed_by_its_reset(string statement, string clears)
    {
        var reset = new SessionStateReset();

        reset.Observe(statement);

        StringAssert.Contains(reset.Statement, clears);
        Assert.IsTrue(reset.Owed);
        reset.Cleared();
        Assert.IsNull(reset.Statement, "a script's own state is reset once");
    }

    [TestMethod]
    public void State_named_in_a_function_body_is_reset_after_every_later_script()
    {
        var reset = new SessionStateReset();

        reset.Observe("CREATE FUNCTION stage() RETURNS void LANGUAGE plpgsql AS $$ BEGIN CREATE TEMP TABLE s AS SELECT 1; END $$");
        reset.Cleared();

        StringAssert.Contains(reset.Statement, "pg_temp");
        Assert.IsFalse(reset.Owed);
    }
}
