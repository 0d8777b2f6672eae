using Migrations.Build.Providers.Sqlite;

namespace Migrations.Build.Tests.Providers.Sqlite;

[TestClass]
public sealed class SqliteFingerprintTests
{
    private const char Field = '\u001f';

    private static string Row(string sql, string name = "t") => $"table{Field}{name}{Field}{name}{Field}{sql}{Field}";

    [TestMethod]
    [DataRow("CREATE TABLE t (\n    a INT,\n    b INT\n)", "CREATE TABLE t (a INT, b INT)")]
    [DataRow("CREATE TABLE t (a INT,\n  b INT)", "CREATE TABLE t(a INT ,b INT )")]
    [DataRow("CREATE TABLE t (a INT -- the key\n, b INT)", "CREATE TABLE t (a INT, b INT)")]
    [DataRow("CREATE TABLE t (a INT /* first */, b INT)", "CREATE TABLE t (a INT, b INT)")]
    [DataRow("CREATE TABLE t (a INT,\tb\r\nINT)", "CREATE TABLE t (a INT, b INT)")]
    public void Texts_that_differ_only_in_spacing_and_comments_give_one_fingerprint(string one, string other)
    {
        Assert.AreEqual(SqliteFingerprint.Canonical(Row(one)), SqliteFingerprint.Canonical(Row(other)));
    }

    [TestMethod]
    [DataRow("CREATE TABLE t (a TEXT DEFAULT 'x  y')", "CREATE TABLE t (a TEXT DEFAULT 'x y')")]
    [DataRow("CREATE TABLE t (a TEXT DEFAULT '--x')", "CREATE TABLE t (a TEXT DEFAULT '')")]
    [DataRow("CREATE TABLE t (\"a  b\" INT)", "CREATE TABLE t (\"a b\" INT)")]
    [DataRow("CREATE TABLE t ([a  b] INT)", "CREATE TABLE t ([a b] INT)")]
    [DataRow("CREATE TABLE t (a TEXT DEFAULT 'it''s  x')", "CREATE TABLE t (a TEXT DEFAULT 'it''s x')")]
    [DataRow("CREATE TABLE t (a INT, b INT)", "CREATE TABLE t (aINT, b INT)")]
    [DataRow("CREATE TABLE t (a INT CHECK (a > - -1))", "CREATE TABLE t (a INT CHECK (a > --1))")]
    public void Texts_that_differ_inside_quotes_or_between_words_keep_their_difference(string one, string other)
    {
        Assert.AreNotEqual(SqliteFingerprint.Canonical(Row(one)), SqliteFingerprint.Canonical(Row(other)));
    }

    [TestMethod]
    public void Names_are_kept_as_they_are_even_with_quotes_and_spaces()
    {
        var row = Row("CREATE TABLE \"it's  here\" (a INT)", name: "it's  here");

        var canonical = SqliteFingerprint.Canonical(row + '\u001e' + Row("CREATE TABLE u (b   INT)", name: "u"));

        StringAssert.StartsWith(canonical, $"table{Field}it's  here{Field}it's  here{Field}CREATE TABLE \"it's  here\"(a INT){Field}");
        StringAssert.EndsWith(canonical, $"{Field}u{Field}u{Field}CREATE TABLE u(b INT){Field}");
    }

    [TestMethod]
    public async Task Column_added_and_dropped_again_leaves_the_fingerprint_it_had()
    {
        await using var database = new SqliteScratchDatabase();
        await database.ExecuteAsync(SqliteTestDatabase.Script("CREATE TABLE t (\n    a INT,\n    b INT\n)"), CancellationToken.None);
        var before = await database.ReadFingerprintAsync(CancellationToken.None);

        await database.ExecuteAsync(SqliteTestDatabase.Script("ALTER TABLE t ADD COLUMN c INT"), CancellationToken.None);
        await database.ExecuteAsync(SqliteTestDatabase.Script("ALTER TABLE t DROP COLUMN b"), CancellationToken.None);
        await database.ExecuteAsync(SqliteTestDatabase.Script("ALTER TABLE t DROP COLUMN c"), CancellationToken.None);
        await database.ExecuteAsync(SqliteTestDatabase.Script("ALTER TABLE t ADD COLUMN b INT"), CancellationToken.None);

        Assert.AreEqual(before, await database.ReadFingerprintAsync(CancellationToken.None));
    }
}
