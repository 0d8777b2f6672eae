using System.Text.Json;
using System.Xml;
using System.Xml.Schema;
using Migrations.Build.Tests.Unit.Reports;

namespace Migrations.Build.Tests.Reports;

/// <summary>What a JUnit XML and a GitLab Code Quality report must be for the CI services that read them.</summary>
internal static class ReportFormats
{
    private static readonly Lazy<XmlSchemaSet> JUnitSchema = new(() =>
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(null, Path.Combine(RepositoryRoot.Find(), "tests", "Migrations.Build.Tests", "TestData", "Schemas", "junit.xsd"));
        schemas.Compile();
        return schemas;
    });

    /// <summary>Parses the file with a validating reader against TestData/Schemas/junit.xsd; fails with every error.</summary>
    public static void AssertValidJUnit(string path) => AssertValidJUnitText(File.ReadAllText(path), path);

    public static void AssertValidJUnitText(string xml, string name)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = JUnitSchema.Value };
        settings.ValidationEventHandler += (_, e) => errors.Add($"({e.Exception.LineNumber},{e.Exception.LinePosition}) {e.Severity}: {e.Message}");
        using (var reader = XmlReader.Create(new StringReader(xml), settings))
        {
            while (reader.Read())
            {
            }
        }

        Assert.IsEmpty(errors, $"{name} is not valid JUnit XML:\n{string.Join('\n', errors)}\n\n{xml}");
    }

    /// <summary>GitLab's Code Quality format: an array of issues, each with a description, a check name, a unique
    /// fingerprint, one of GitLab's severities and a location with a repository-relative path and a first line.</summary>
    public static void AssertValidCodeQuality(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        Assert.AreEqual(JsonValueKind.Array, document.RootElement.ValueKind, path);
        var fingerprints = new HashSet<string>(StringComparer.Ordinal);
        foreach (var issue in document.RootElement.EnumerateArray())
        {
            Assert.IsFalse(string.IsNullOrWhiteSpace(issue.GetProperty("description").GetString()), issue.ToString());
            StringAssert.Matches(issue.GetProperty("check_name").GetString(), new System.Text.RegularExpressions.Regex("^MIG[0-9]{4}$"), issue.ToString());
            Assert.IsTrue(fingerprints.Add(issue.GetProperty("fingerprint").GetString()!), $"Fingerprint repeated: {issue}");
            Assert.Contains(issue.GetProperty("severity").GetString(), new[] { "info", "minor", "major", "critical", "blocker" }, issue.ToString());
            var location = issue.GetProperty("location");
            var file = location.GetProperty("path").GetString()!;
            Assert.IsFalse(Path.IsPathRooted(file) || file.Contains('\\', StringComparison.Ordinal), $"Not a repository-relative path: {file}");
            Assert.IsGreaterThanOrEqualTo(1, location.GetProperty("lines").GetProperty("begin").GetInt32(), issue.ToString());
        }
    }
}
