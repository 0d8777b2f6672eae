using System.Globalization;
using System.Text;
using System.Xml;
using Migrations.Build.Checks;
using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;

namespace Migrations.Build.Reports;

/// <summary>Renders a validation result as JUnit XML, the test report GitLab, Azure DevOps, Jenkins and most CI test
/// tabs read: one test case per check and one per migration's proof (its up applied, its down proven).</summary>
/// <remarks>A failure carries its diagnostics as <c>path:line: error CODE: message</c> lines (paths relative to the
/// source root). Errors fail a test case; warnings and infos are written to its <c>system-out</c>.</remarks>
public static class JUnitWriter
{
    public const string ChecksClassName = "Migrations.Build.Checks";

    public const string MigrationsClassName = "Migrations.Build.Migrations";

    /// <summary>The test case for what belongs to no check: settings, server, engine (MIG0xxx, MIG9xxx).</summary>
    public const string ConfigurationCase = "configuration";

    public static string Render(ValidationResult result, string? baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(result);
        var diagnostics = DiagnosticOrder.MostImportantFirst(result.Diagnostics);
        var checks = CheckCases(result, diagnostics, baseDirectory);
        var migrations = MigrationCases(result, diagnostics, baseDirectory);
        var seconds = result.Elapsed.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);

        var text = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", Encoding = new UTF8Encoding(false), OmitXmlDeclaration = true };
        using (var xml = XmlWriter.Create(text, settings))
        {
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", "Migrations.Build");
            xml.WriteAttributeString("tests", Number(checks.Count + migrations.Count));
            xml.WriteAttributeString("failures", Number(checks.Count(c => c.Failure is not null) + migrations.Count(c => c.Failure is not null)));
            xml.WriteAttributeString("errors", "0");
            xml.WriteAttributeString("time", seconds);
            WriteSuite(xml, "checks", checks, seconds, result.ProviderName);
            WriteSuite(xml, "migrations", migrations, "0", result.ProviderName);
            xml.WriteEndElement();
        }

        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + text.ToString().ReplaceLineEndings("\n") + "\n";
    }

    private static List<TestCase> CheckCases(ValidationResult result, IReadOnlyList<Diagnostic> diagnostics, string? baseDirectory)
    {
        var cases = new List<TestCase>
        {
            Case(ConfigurationCase, ChecksClassName, diagnostics.Where(d => d.Code.StartsWith("MIG0", StringComparison.Ordinal) || d.Code.StartsWith("MIG9", StringComparison.Ordinal)).ToList(), result, baseDirectory, skipped: null),
        };
        foreach (var check in result.Checks)
        {
            var family = FamilyOf(check.Check);
            var own = diagnostics.Where(d => family is not null && d.Code.StartsWith(family, StringComparison.Ordinal)).ToList();
            var skipped = check.Status == CheckStatus.NotRun ? check.Summary : null;
            var testCase = Case(check.Check, ChecksClassName, own, result, baseDirectory, skipped);
            cases.Add(testCase with { Output = skipped is null ? Join(check.Summary, testCase.Output) : testCase.Output });
        }

        return cases;
    }

    private static List<TestCase> MigrationCases(ValidationResult result, IReadOnlyList<Diagnostic> diagnostics, string? baseDirectory)
    {
        var upgrade = result.Checks.FirstOrDefault(c => c.Check.Equals("upgrade", StringComparison.OrdinalIgnoreCase));
        var downgrade = result.Checks.FirstOrDefault(c => c.Check.Equals("downgrade", StringComparison.OrdinalIgnoreCase));
        var inScope = result.Request.Downgrade.LastCount is { } n ? result.Migrations.TakeLast(n).ToHashSet() : result.Migrations.ToHashSet();
        Migration? failedUp = null;
        var cases = new List<TestCase>();
        foreach (var migration in result.Migrations)
        {
            var own = diagnostics.Where(d => d.Location is { } l && BelongsTo(l.Path, migration)).ToList();
            string? skipped = null;
            if (upgrade is null || upgrade.Status == CheckStatus.NotRun)
            {
                skipped = "not checked: " + (upgrade?.Summary ?? "the upgrade did not run");
            }
            else if (failedUp is not null && own.All(d => d.Severity != DiagnosticSeverity.Error))
            {
                skipped = $"not checked: the up of {failedUp} failed before it";
            }

            var testCase = Case(migration.ToString(), MigrationsClassName, own, result, baseDirectory, skipped);
            var proof = migration.Down is null ? "no down script"
                : downgrade is null || downgrade.Status == CheckStatus.NotRun || !inScope.Contains(migration) ? $"down not proven (downgrade check: {result.Request.Downgrade})"
                : "down proven: it restores the schema before the up, and the up applies again";
            cases.Add(testCase with { Output = Join(skipped is null && testCase.Failure is null ? "up applied; " + proof : null, testCase.Output) });
            if (failedUp is null && own.Any(d => d.Severity == DiagnosticSeverity.Error && d.Code.StartsWith("MIG2", StringComparison.Ordinal)))
            {
                failedUp = migration;
            }
        }

        return cases;
    }

    private static TestCase Case(string name, string className, IReadOnlyList<Diagnostic> own, ValidationResult result, string? baseDirectory, string? skipped)
    {
        var errors = own.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var others = own.Where(d => d.Severity != DiagnosticSeverity.Error).ToList();
        Failure? failure = null;
        if (errors.Count > 0)
        {
            var message = errors.Count == 1 ? errors[0].Message : $"{errors.Count} errors; the first: {errors[0].Message}";
            failure = new Failure(message, errors[0].Code, string.Join('\n', errors.Select(d => Line(d, result, baseDirectory))));
        }

        var output = others.Count == 0 ? null : string.Join('\n', others.Select(d => Line(d, result, baseDirectory)));
        return new TestCase(name, className, failure, failure is null ? skipped : null, output);
    }

    /// <summary><c>path:line: severity CODE: message</c>, the form CI test tabs show as a clickable place, then the
    /// finding's details (a changed definition's whole texts) on the lines below.</summary>
    private static string Line(Diagnostic diagnostic, ValidationResult result, string? baseDirectory)
    {
        var location = FindingPlace.Of(diagnostic, result.Request);
        var severity = diagnostic.Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        };
        var line = $"{FindingPlace.DisplayPath(location, baseDirectory)}:{Number(location.Line)}: {severity} {diagnostic.Code}: {diagnostic.Message}";
        return diagnostic.Details is { } details ? line + "\n" + details : line;
    }

    private static void WriteSuite(XmlWriter xml, string name, IReadOnlyList<TestCase> cases, string seconds, string provider)
    {
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("tests", Number(cases.Count));
        xml.WriteAttributeString("failures", Number(cases.Count(c => c.Failure is not null)));
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("skipped", Number(cases.Count(c => c.Skipped is not null)));
        xml.WriteAttributeString("time", seconds);
        xml.WriteStartElement("properties");
        xml.WriteStartElement("property");
        xml.WriteAttributeString("name", "provider");
        xml.WriteAttributeString("value", XmlText(provider));
        xml.WriteEndElement();
        xml.WriteEndElement();
        foreach (var testCase in cases)
        {
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("name", XmlText(PrintableText.Escape(testCase.Name)));
            xml.WriteAttributeString("classname", testCase.ClassName);
            if (testCase.Failure is { } failure)
            {
                xml.WriteStartElement("failure");
                xml.WriteAttributeString("message", XmlText(failure.Message));
                xml.WriteAttributeString("type", failure.Type);
                xml.WriteString(XmlText(failure.Text));
                xml.WriteEndElement();
            }
            else if (testCase.Skipped is { } reason)
            {
                xml.WriteStartElement("skipped");
                xml.WriteAttributeString("message", XmlText(reason));
                xml.WriteEndElement();
            }

            if (testCase.Output is { } output)
            {
                xml.WriteElementString("system-out", XmlText(output));
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static bool BelongsTo(string path, Migration migration) =>
        SamePath(path, migration.Up.Path) || (migration.Down is { } down && SamePath(path, down.Path));

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    /// <summary>The code family a check reports (history: MIG1xxx, upgrade: MIG2xxx, drift: MIG3xxx, downgrade: MIG4xxx).</summary>
    private static string? FamilyOf(string check) => check.ToLowerInvariant() switch
    {
        "history" => "MIG1",
        "upgrade" => "MIG2",
        "drift" => "MIG3",
        "downgrade" => "MIG4",
        "lint" => "MIG5",
        _ => null,
    };

    private static string? Join(string? first, string? second) =>
        first is null ? second : second is null ? first : first + "\n" + second;

    /// <summary>The text with the characters XML cannot hold (a driver's message may quote control characters)
    /// replaced by U+FFFD, so that one odd message never costs the whole report.</summary>
    private static string XmlText(string text) =>
        text.All(XmlConvert.IsXmlChar) ? text : string.Concat(text.Select(c => XmlConvert.IsXmlChar(c) || char.IsSurrogate(c) ? c : '\uFFFD'));

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed record TestCase(string Name, string ClassName, Failure? Failure, string? Skipped, string? Output);

    private sealed record Failure(string Message, string Type, string Text);
}
