using Migrations.Build.Migrations;

namespace Migrations.Build.Tests.Unit.Migrations;

[TestClass]
public sealed class MigrationVersionTests
{
    [TestMethod]
    [DataRow("2", "10", -1)]
    [DataRow("0001", "1", 0)]
    [DataRow("20240101120000", "20240101120001", -1)]
    [DataRow("20240101120000", "999", 1)]
    [DataRow("1.9", "1.10", -1)]
    [DataRow("1.2", "1.10", -1)]
    [DataRow("1", "1.0", 0)]
    [DataRow("1_1", "1.1", 0)]
    [DataRow("1.0.1", "1", 1)]
    [DataRow("2", "1.99", 1)]
    public void Versions_compare_numerically_part_by_part(string left, string right, int order)
    {
        var a = new MigrationVersion(left);
        var b = new MigrationVersion(right);

        Assert.AreEqual(order, Math.Sign(a.CompareTo(b)));
        Assert.AreEqual(-order, Math.Sign(b.CompareTo(a)));
        Assert.AreEqual(order == 0, a.Equals(b));
        if (order == 0)
        {
            Assert.AreEqual(a.GetHashCode(), b.GetHashCode(), "equal versions must hash alike");
        }
    }

    [TestMethod]
    [DataRow("2", "10", 1)]
    [DataRow("0001", "1", -1)]
    [DataRow("0001_a", "0001_b", -1)]
    [DataRow("0001", "0001_a", -1)]
    [DataRow("Script0001 - x", "Script0001", -1)]
    [DataRow("Script0001", "Script0001", 0)]
    public void By_name_versions_compare_as_their_file_names_sort(string left, string right, int order)
    {
        var a = MigrationVersion.ByName(left);
        var b = MigrationVersion.ByName(right);

        Assert.AreEqual(order, Math.Sign(a.CompareTo(b)));
        Assert.AreEqual(-order, Math.Sign(b.CompareTo(a)));
        Assert.AreEqual(order == 0, a.Equals(b));
        Assert.AreEqual(left, a.Normalized);
    }

    [TestMethod]
    [DataRow("12", true)]
    [DataRow("1.2", true)]
    [DataRow("1_2_3", true)]
    [DataRow("", false)]
    [DataRow("1.", false)]
    [DataRow("1.a", false)]
    [DataRow("v1", false)]
    public void Only_digits_in_parts_are_a_version(string text, bool valid)
    {
        Assert.AreEqual(valid, MigrationVersion.TryParse(text, out _));
    }
}
