using Migrations.Build.Checks;
using Migrations.Build.Cli;
using Migrations.Build.Diagnostics;
using Migrations.Build.Reports;
using Migrations.Build.Schema;
using Migrations.Build.Tests.Unit.Reports;

namespace Migrations.Build.Tests.Cli;

/// <summary>The output boundary: a password planted in every text a run produces (diagnostics, progress, check
/// summaries, not-verifiable notes, the schemas) is masked in every output kind, text, JSON lines and each report file,
/// although nothing upstream of the writers redacts anything.</summary>
[TestClass]
public sealed class OutputRedactionTests
{
    /// <summary>Spelled with characters that JSON and Markdown escape, so a redaction after escaping would miss it.</summary>
    private const string Password = "pl4nted+\"<pw>&";

    private const string ConnectionString = "Host=db.example;Username=ci;Password='" + Password + "'";

    private string _directory = null!;

    [TestInitialize]
    public void CreateFolder() => _directory = Path.Combine(Path.GetTempPath(), "migrations-build-redaction-" + Guid.NewGuid().ToString("N"));

    [TestCleanup]
    public void DeleteFolder()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [TestMethod]
    [DataRow("text")]
    [DataRow("json")]
    public void What_a_run_prints_is_redacted_in_either_format(string format)
    {
        using var printed = new StringWriter();
        IResultWriter writer = format == "json" ? new JsonLinesResultWriter(printed) : new TextResultWriter(printed, verbose: true);
        var output = new RedactingResultWriter(writer, SecretRedactor.For(ConnectionString));
        var result = PlantedResult();

        output.Progress($"connecting with {Password}");
        foreach (var diagnostic in result.Diagnostics)
        {
            output.Diagnostic(diagnostic);
        }

        output.Summary(result);

        AssertRedacted(printed.ToString(), format);
    }

    [TestMethod]
    public void Every_report_file_is_redacted()
    {
        var written = ReportDirectoryWriter.Write(PlantedResult(), _directory, SampleResult.BaseDirectory);

        CollectionAssert.AreEquivalent(
            new[]
            {
                ReportDirectoryWriter.SchemaSnapshotFileName, ReportDirectoryWriter.ModelSnapshotFileName, ReportDirectoryWriter.SummaryFileName, ReportDirectoryWriter.SarifFileName,
                ReportDirectoryWriter.JUnitFileName, ReportDirectoryWriter.CodeQualityFileName,
            },
            written.Select(Path.GetFileName).ToArray());
        foreach (var file in written)
        {
            AssertRedacted(File.ReadAllText(file), Path.GetFileName(file));
        }
    }

    /// <summary>Moved from the SARIF tests when the writers stopped redacting on their own: the report folder is where
    /// the password of a message is masked, in the SARIF log and the Markdown summary alike.</summary>
    [TestMethod]
    public void A_password_in_a_message_is_masked_in_the_sarif_log_and_the_summary()
    {
        var result = new ValidationResult(new ValidationRequest("Migrations") { ConnectionString = "Host=db;Password=hunter2" }, "PostgreSQL")
        {
            Diagnostics = ValueList.Of(new Diagnostic(DiagnosticCodes.ServerUnreachable, "Host=db;Password=hunter2 refused the connection")),
        };

        ReportDirectoryWriter.Write(result, _directory, baseDirectory: _directory);

        Assert.DoesNotContain("hunter2", File.ReadAllText(Path.Combine(_directory, ReportDirectoryWriter.SarifFileName)));
        Assert.DoesNotContain("hunter2", File.ReadAllText(Path.Combine(_directory, ReportDirectoryWriter.SummaryFileName)));
        Assert.DoesNotContain("hunter2", File.ReadAllText(Path.Combine(_directory, ReportDirectoryWriter.JUnitFileName)));
        Assert.DoesNotContain("hunter2", File.ReadAllText(Path.Combine(_directory, ReportDirectoryWriter.CodeQualityFileName)));
    }

    [TestMethod]
    [DataRow("pw-only", "Host=h;Password=secret-value", "the connection failed for secret-value", DisplayName = "a bare password value")]
    [DataRow("quoted", "Host=h;Password=\"quoted;value\"", "rejected quoted;value", DisplayName = "a quoted value without its quotes")]
    [DataRow("uri", "postgres://me:p%40ss-word@h/db", "auth failed for p@ss-word", DisplayName = "a URI password, decoded")]
    [DataRow("whole", "Host=h;Username=me;Pwd=abcd", "parse error in Host=h;Username=me;Pwd=abcd", DisplayName = "the whole connection string")]
    public void The_redactor_masks_the_secrets_of_its_connection_string_wherever_they_appear(string name, string connectionString, string text)
    {
        var redacted = SecretRedactor.For(connectionString).Redact(text);

        Assert.Contains(SecretRedactor.Mask, redacted, name);
        foreach (var secret in new[] { "secret-value", "quoted;value", "p@ss-word", "abcd" })
        {
            Assert.DoesNotContain(secret, redacted, name);
        }
    }

    [TestMethod]
    public void A_password_pair_in_a_JSON_document_is_masked_without_eating_the_rest_of_it()
    {
        const string Json = "{\"message\":\"rejected Password=hunter2\",\"file\":\"a.sql\",\"line\":3}\n{\"next\":1}";

        var redacted = SecretRedactor.For(null).Redact(Json);

        Assert.AreEqual("{\"message\":\"rejected Password=" + SecretRedactor.Mask + "\",\"file\":\"a.sql\",\"line\":3}\n{\"next\":1}", redacted);
    }

    [TestMethod]
    public void A_short_password_is_masked_in_its_pair_but_not_as_bare_text()
    {
        var redacted = SecretRedactor.For("Host=h;Password=1").Redact("MIG0001 at line 1: Password=1");

        Assert.AreEqual("MIG0001 at line 1: Password=***", redacted);
    }

    [TestMethod]
    [DataRow("Host=a;Password=b", "check", "--connection", "Host=a;Password=b")]
    [DataRow("Host=a;Password=b", "check", "--connection=Host=a;Password=b")]
    [DataRow("Host=a;Password=b", "check", "--connection:Host=a;Password=b")]
    public void The_crash_path_finds_the_connection_string_in_the_raw_arguments(string expected, params string[] arguments) =>
        Assert.AreEqual(expected, Program.ConnectionString(arguments));

    private static void AssertRedacted(string text, string what)
    {
        Assert.DoesNotContain("pl4nted", text, what);
        Assert.Contains(SecretRedactor.Mask, text, what);
    }

    /// <summary>The sample result with the password planted in each of its texts and in both schemas.</summary>
    private static ValidationResult PlantedResult()
    {
        var sample = SampleResult.Result();
        var users = SampleResult.Users();
        var plantedUsers = users with
        {
            Columns = users.Columns.Select(c => c.Name == "email" ? c with { Default = $"'{Password}'" } : c).ToValueList(),
        };
        var schema = SampleResult.Schema() with { Tables = ValueList.Of(SampleResult.Leads(), plantedUsers) };
        return sample with
        {
            Request = sample.Request with { ConnectionString = ConnectionString },
            MigratedSchema = schema,
            ModelSchema = schema,
            Diagnostics = sample.Diagnostics
                .Append(new Diagnostic(DiagnosticCodes.ServerUnreachable, $"Cannot connect to db.example as ci: password {Password} rejected"))
                .Append(new Diagnostic(DiagnosticCodes.NotInModel, $"planted in a located message: {Password}", new SourceLocation(Path.Combine(SampleResult.BaseDirectory, "schema.sql"), 3, 1)))
                .ToValueList(),
            Checks = sample.Checks.Select(c => c with { Summary = $"{c.Summary} ({Password})" }).ToValueList(),
            NotVerifiable = ValueList.Of($"defaults spelled {Password}"),
        };
    }
}
