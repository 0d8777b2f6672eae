using Migrations.Build.Diagnostics;
using Migrations.Build.Reports;
using Migrations.Build.Schema;

namespace Migrations.Build.Tests.Unit.Reports;

[TestClass]
public sealed class MarkdownReportWriterTests
{
    [TestMethod]
    public void Summary_of_the_sample_result_matches_the_golden_file() =>
        GoldenFile.AssertMatches("summary.md", MarkdownReportWriter.Render(SampleResult.Result(), SampleResult.BaseDirectory));

    [TestMethod]
    public void Diagnostic_row_links_the_code_to_its_documentation_and_shows_a_relative_location()
    {
        var markdown = MarkdownReportWriter.Render(SampleResult.Result(), SampleResult.BaseDirectory);

        Assert.Contains(
            "| ❌ error | [MIG3003](https://github.com/migrations-build/migrations-build/blob/main/docs/diagnostics.md#mig3003) | `Migrations/0002_add_leads.up.sql:8` |",
            markdown);
    }

    [TestMethod]
    public void Errors_come_before_warnings_and_a_long_list_is_cut_with_a_count()
    {
        var place = new SourceLocation(Path.Combine(SampleResult.BaseDirectory, "Migrations", "0001_create_users.up.sql"));
        var warnings = Enumerable.Range(1, MarkdownReportWriter.MaxDiagnosticRows + 5).Select(i => new Diagnostic(DiagnosticCodes.EmptyScript, $"warning {i}", place));
        var result = SampleResult.Result() with { Diagnostics = warnings.Append(new Diagnostic(DiagnosticCodes.DownLeavesObject, "the error", place)).ToValueList() };

        var markdown = MarkdownReportWriter.Render(result, SampleResult.BaseDirectory);

        Assert.IsLessThan(markdown.IndexOf("warning 1 |", StringComparison.Ordinal), markdown.IndexOf("the error", StringComparison.Ordinal));
        Assert.Contains($"| warning {MarkdownReportWriter.MaxDiagnosticRows - 1} |", markdown);
        Assert.DoesNotContain($"| warning {MarkdownReportWriter.MaxDiagnosticRows} |", markdown);
        Assert.Contains("6 more diagnostics in `migrations.sarif`, `junit.xml` and `codequality.json`.", markdown);
    }

    [TestMethod]
    public void A_pipe_in_a_message_does_not_split_the_table_cell()
    {
        var markdown = MarkdownReportWriter.Render(SampleResult.Result(), SampleResult.BaseDirectory);

        Assert.Contains("on SQLite \\| it is not reflected |", markdown);
    }

    [TestMethod]
    public void Foreign_keys_become_relationships_from_the_referenced_table()
    {
        var markdown = MarkdownReportWriter.Render(SampleResult.Result(), SampleResult.BaseDirectory);

        Assert.Contains("```mermaid\nerDiagram\n", markdown);
        Assert.Contains("    users ||--o{ leads : \"owner_id\"\n", markdown);
        Assert.Contains("        INTEGER owner_id FK\n", markdown);
        Assert.Contains("        INTEGER id PK\n", markdown);
    }

    [TestMethod]
    [DataRow("VARCHAR(100)", "VARCHAR_100_")]
    [DataRow("NUMERIC(10, 2)", "NUMERIC_10_2_")]
    [DataRow("double precision", "double_precision")]
    [DataRow("timestamp with time zone", "timestamp_with_time_zone")]
    [DataRow("int[]", "int_array")]
    [DataRow("", "untyped")]
    [DataRow("2d_point", "_2d_point")]
    [DataRow("INTEGER", "INTEGER")]
    public void Mermaid_attribute_types_are_one_word(string type, string expected) =>
        Assert.AreEqual(expected, MermaidErDiagram.TypeToken(type));

    [TestMethod]
    public void Sanitized_types_keep_the_engine_type_as_a_comment()
    {
        var markdown = MarkdownReportWriter.Render(SampleResult.Result(), SampleResult.BaseDirectory);

        Assert.Contains("        VARCHAR_100_ email UK \"VARCHAR(100)\"\n", markdown);
        Assert.DoesNotContain("VARCHAR(100) email", markdown);
    }

    [TestMethod]
    public void Every_attribute_line_of_the_diagram_has_one_word_type_and_name()
    {
        var markdown = MarkdownReportWriter.Render(SampleResult.Result(), SampleResult.BaseDirectory);
        var diagram = markdown[markdown.IndexOf("```mermaid", StringComparison.Ordinal)..];
        var attributes = diagram.Split('\n').Where(line => line.StartsWith("        ", StringComparison.Ordinal)).ToList();

        Assert.HasCount(7, attributes);
        foreach (var line in attributes)
        {
            var words = line.Trim().Split(' ', 3);
            Assert.IsTrue(words.Take(2).All(w => System.Text.RegularExpressions.Regex.IsMatch(w, "^[A-Za-z_][A-Za-z0-9_]*$")), line);
        }
    }

    [TestMethod]
    public void Tables_whose_names_sanitize_alike_get_distinct_entities()
    {
        var schema = new DatabaseSchema
        {
            Tables = ValueList.Of(
                new Table(new ObjectName("sales", "orders")) { Columns = ValueList.Of(new Column("id", "INTEGER")) },
                new Table(new ObjectName("sales_orders")) { Columns = ValueList.Of(new Column("id", "INTEGER")) }),
        };

        var diagram = MermaidErDiagram.Render(schema)!;

        Assert.Contains("    sales_orders {\n", diagram);
        Assert.Contains("    sales_orders_2 {\n", diagram);
    }

    [TestMethod]
    public void Tables_and_columns_named_like_Mermaid_keywords_are_renamed()
    {
        var schema = new DatabaseSchema
        {
            Tables = ValueList.Of(
                new Table(new ObjectName("end")) { Columns = ValueList.Of(new Column("pk", "INTEGER"), new Column("Fk", "INTEGER")) },
                new Table(new ObjectName("Many")) { Columns = ValueList.Of(new Column("id", "INTEGER")) }),
        };

        var diagram = MermaidErDiagram.Render(schema)!;

        Assert.Contains("    end_ {\n        INTEGER pk_ \"pk\"\n        INTEGER Fk_ \"Fk\"\n    }\n", diagram);
        Assert.Contains("    Many_ {\n", diagram);
    }

    [TestMethod]
    public void Without_tables_the_diagram_is_left_out_with_a_note()
    {
        var result = SampleResult.Result() with { MigratedSchema = DatabaseSchema.Empty };

        var markdown = MarkdownReportWriter.Render(result, SampleResult.BaseDirectory);

        Assert.DoesNotContain("```mermaid", markdown);
        Assert.Contains("No diagram: the migrated schema has no tables.", markdown);
    }

    [TestMethod]
    public void Without_a_migrated_schema_the_model_is_drawn()
    {
        var model = new DatabaseSchema { Tables = ValueList.Of(new Table(new ObjectName("only_in_model")) { Columns = ValueList.Of(new Column("id", "INTEGER")) }) };
        var result = SampleResult.Result() with { MigratedSchema = null, ModelSchema = model };

        var markdown = MarkdownReportWriter.Render(result, SampleResult.BaseDirectory);

        Assert.Contains("Tables and foreign keys of the model schema (1 table).", markdown);
        Assert.Contains("    only_in_model {\n", markdown);
    }

    [TestMethod]
    public void A_nullable_unique_foreign_key_is_drawn_as_zero_or_one_on_both_sides()
    {
        var profiles = new Table(new ObjectName("profiles"))
        {
            Columns = ValueList.Of(new Column("user_id", "INTEGER")),
            UniqueConstraints = ValueList.Of(new UniqueConstraint(null, ValueList.Of("user_id"))),
            ForeignKeys = ValueList.Of(new ForeignKey(null, ValueList.Of("user_id"), new ObjectName("users"), ValueList.Of("id"))),
        };
        var schema = new DatabaseSchema { Tables = ValueList.Of(profiles, SampleResult.Users()) };

        Assert.Contains("    users |o--o| profiles : \"user_id\"\n", MermaidErDiagram.Render(schema)!);
    }
}
