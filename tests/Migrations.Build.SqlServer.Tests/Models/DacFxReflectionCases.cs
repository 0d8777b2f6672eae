using Migrations.Build.Schema;
using Migrations.Build.Schema.Comparison;

namespace Migrations.Build.SqlServer.Tests.Models;

/// <summary>The reflection cases of the other engines for DacFx models: two spellings of one schema reflect equal, and
/// each single change reflects as exactly one difference of the expected kind (batches separated by GO lines).</summary>
[TestClass]
public sealed class DacFxReflectionCases
{
    [TestMethod]
    [DataRow("keyword case and whitespace",
        "CREATE TABLE dbo.users (id int NOT NULL PRIMARY KEY, name nvarchar(20) NOT NULL DEFAULT 'x', age int CHECK (age > 0))",
        "create   table dbo.users (\n  id INT not null primary key,\n  name NVARCHAR ( 20 ) not null default 'x',\n  age INT check ( age > 0 )\n)")]
    [DataRow("identifier quoting",
        "CREATE TABLE dbo.users (id int NOT NULL, name nvarchar(10))",
        "CREATE TABLE [dbo].[users] ([id] int NOT NULL, \"name\" nvarchar(10))")]
    [DataRow("default schema",
        "CREATE TABLE users (id int NOT NULL)",
        "CREATE TABLE dbo.users (id int NOT NULL)")]
    [DataRow("column-level and table-level foreign key",
        "CREATE TABLE dbo.p (id int NOT NULL PRIMARY KEY)\nGO\nCREATE TABLE dbo.c (pid int CONSTRAINT fk_p REFERENCES dbo.p (id) ON DELETE CASCADE)",
        "CREATE TABLE dbo.p (id int NOT NULL PRIMARY KEY)\nGO\nCREATE TABLE dbo.c (pid int, CONSTRAINT fk_p FOREIGN KEY (pid) REFERENCES dbo.p (id) ON DELETE CASCADE)")]
    [DataRow("constraints written inline and separately",
        "CREATE TABLE dbo.t (id int NOT NULL CONSTRAINT pk_t PRIMARY KEY, a int CONSTRAINT uq_a UNIQUE, b int CONSTRAINT ck_b CHECK (b > 0))",
        "CREATE TABLE dbo.t (id int NOT NULL, a int, b int, CONSTRAINT pk_t PRIMARY KEY (id), CONSTRAINT uq_a UNIQUE (a), CONSTRAINT ck_b CHECK (b > 0))")]
    [DataRow("type defaults written out",
        "CREATE TABLE dbo.t (a varchar, b decimal, c datetime2, d nvarchar(max))",
        "CREATE TABLE dbo.t (a varchar(1), b decimal(18, 0), c datetime2(7), d nvarchar(MAX))")]
    [DataRow("order of indexes and checks",
        "CREATE TABLE dbo.t (x int, y int, CHECK (x > 0), CHECK (y > 0))\nGO\nCREATE INDEX ix_x ON dbo.t (x)\nGO\nCREATE UNIQUE INDEX ix_y ON dbo.t (y DESC)",
        "CREATE TABLE dbo.t (x int, y int, CHECK (y > 0), CHECK (x > 0))\nGO\nCREATE UNIQUE INDEX ix_y ON dbo.t (y desc)\nGO\nCREATE INDEX ix_x ON dbo.t (x ASC)")]
    [DataRow("parenthesized default",
        "CREATE TABLE dbo.t (a int CONSTRAINT df_a DEFAULT 0)",
        "CREATE TABLE dbo.t (a int CONSTRAINT df_a DEFAULT ((0)))")]
    [DataRow("a sequence's default type and statement terminators",
        "CREATE SCHEMA sales\nGO\nCREATE TABLE sales.t (a int)\nGO\nCREATE SEQUENCE sales.s START WITH 1 INCREMENT BY 1",
        "CREATE SCHEMA [sales];\nGO\nCREATE SEQUENCE sales.s AS bigint START WITH 1 INCREMENT BY 1;\nGO\nCREATE TABLE sales.t (a int);")]
    public void Two_spellings_of_one_schema_reflect_equal(string why, string first, string second)
    {
        var a = DacFxModels.Reflect(first);
        var b = DacFxModels.Reflect(second);

        var differences = SchemaComparer.Compare(a, b, ComparisonOptions.Exact);
        Assert.AreEqual(0, differences.Count, $"{why}:\n{string.Join("\n", differences)}");
        Assert.AreEqual(a, b, why);
    }

    [TestMethod]
    [DataRow("type", "CREATE TABLE dbo.t (a int)", "CREATE TABLE dbo.t (a bigint)", ObjectKind.Column, ObjectAttribute.Type)]
    [DataRow("length", "CREATE TABLE dbo.t (a nvarchar(20))", "CREATE TABLE dbo.t (a nvarchar(30))", ObjectKind.Column, ObjectAttribute.Type)]
    [DataRow("not null", "CREATE TABLE dbo.t (a int)", "CREATE TABLE dbo.t (a int NOT NULL)", ObjectKind.Column, ObjectAttribute.Nullability)]
    [DataRow("default", "CREATE TABLE dbo.t (a int DEFAULT 1)", "CREATE TABLE dbo.t (a int DEFAULT 2)", ObjectKind.Column, ObjectAttribute.Default)]
    [DataRow("identity", "CREATE TABLE dbo.t (a int NOT NULL)", "CREATE TABLE dbo.t (a int IDENTITY(1, 1) NOT NULL)", ObjectKind.Column, ObjectAttribute.Identity)]
    [DataRow("identity seed", "CREATE TABLE dbo.t (a int IDENTITY(1, 1) NOT NULL)", "CREATE TABLE dbo.t (a int IDENTITY(100, 1) NOT NULL)", ObjectKind.Column, ObjectAttribute.Identity)]
    [DataRow("computed expression", "CREATE TABLE dbo.t (a int, b AS a + 1)", "CREATE TABLE dbo.t (a int, b AS a + 2)", ObjectKind.Column, ObjectAttribute.Generated)]
    [DataRow("computed persisted", "CREATE TABLE dbo.t (a int, b AS a + 1)", "CREATE TABLE dbo.t (a int, b AS a + 1 PERSISTED)", ObjectKind.Column, ObjectAttribute.Generated)]
    [DataRow("foreign key action",
        "CREATE TABLE dbo.p (id int NOT NULL PRIMARY KEY)\nGO\nCREATE TABLE dbo.c (pid int CONSTRAINT fk REFERENCES dbo.p (id) ON DELETE CASCADE)",
        "CREATE TABLE dbo.p (id int NOT NULL PRIMARY KEY)\nGO\nCREATE TABLE dbo.c (pid int CONSTRAINT fk REFERENCES dbo.p (id) ON DELETE SET NULL)",
        ObjectKind.ForeignKey, ObjectAttribute.OnDelete)]
    [DataRow("foreign key update action",
        "CREATE TABLE dbo.p (id int NOT NULL PRIMARY KEY)\nGO\nCREATE TABLE dbo.c (pid int CONSTRAINT fk REFERENCES dbo.p (id))",
        "CREATE TABLE dbo.p (id int NOT NULL PRIMARY KEY)\nGO\nCREATE TABLE dbo.c (pid int CONSTRAINT fk REFERENCES dbo.p (id) ON UPDATE CASCADE)",
        ObjectKind.ForeignKey, ObjectAttribute.OnUpdate)]
    [DataRow("index unique", "CREATE TABLE dbo.t (a int)\nGO\nCREATE INDEX ix ON dbo.t (a)", "CREATE TABLE dbo.t (a int)\nGO\nCREATE UNIQUE INDEX ix ON dbo.t (a)", ObjectKind.Index, ObjectAttribute.Uniqueness)]
    [DataRow("index sort order", "CREATE TABLE dbo.t (a int)\nGO\nCREATE INDEX ix ON dbo.t (a)", "CREATE TABLE dbo.t (a int)\nGO\nCREATE INDEX ix ON dbo.t (a DESC)", ObjectKind.Index, ObjectAttribute.Keys)]
    [DataRow("index column order", "CREATE TABLE dbo.t (a int, b int)\nGO\nCREATE INDEX ix ON dbo.t (a, b)", "CREATE TABLE dbo.t (a int, b int)\nGO\nCREATE INDEX ix ON dbo.t (b, a)", ObjectKind.Index, ObjectAttribute.Keys)]
    [DataRow("filtered index", "CREATE TABLE dbo.t (a int)\nGO\nCREATE INDEX ix ON dbo.t (a) WHERE a > 0", "CREATE TABLE dbo.t (a int)\nGO\nCREATE INDEX ix ON dbo.t (a) WHERE a > 1", ObjectKind.Index, ObjectAttribute.Where)]
    [DataRow("included columns", "CREATE TABLE dbo.t (a int, b int)\nGO\nCREATE INDEX ix ON dbo.t (a)", "CREATE TABLE dbo.t (a int, b int)\nGO\nCREATE INDEX ix ON dbo.t (a) INCLUDE (b)", ObjectKind.Index, ObjectAttribute.Include)]
    [DataRow("check expression", "CREATE TABLE dbo.t (a int, CONSTRAINT ck_a CHECK (a > 0))", "CREATE TABLE dbo.t (a int, CONSTRAINT ck_a CHECK (a >= 0))", ObjectKind.CheckConstraint, ObjectAttribute.Check)]
    [DataRow("primary key column order", "CREATE TABLE dbo.t (a int NOT NULL, b int NOT NULL, CONSTRAINT pk PRIMARY KEY (a, b))", "CREATE TABLE dbo.t (a int NOT NULL, b int NOT NULL, CONSTRAINT pk PRIMARY KEY (b, a))", ObjectKind.PrimaryKey, ObjectAttribute.Columns)]
    [DataRow("unique constraint columns", "CREATE TABLE dbo.t (a int, b int, CONSTRAINT uq UNIQUE (a))", "CREATE TABLE dbo.t (a int, b int, CONSTRAINT uq UNIQUE (a, b))", ObjectKind.UniqueConstraint, ObjectAttribute.Columns)]
    [DataRow("view body", "CREATE TABLE dbo.t (a int)\nGO\nCREATE VIEW dbo.v AS SELECT a FROM dbo.t", "CREATE TABLE dbo.t (a int)\nGO\nCREATE VIEW dbo.v AS SELECT a FROM dbo.t WHERE a > 0", ObjectKind.View, ObjectAttribute.Definition)]
    [DataRow("trigger body",
        "CREATE TABLE dbo.t (a int)\nGO\nCREATE TRIGGER dbo.tr ON dbo.t AFTER INSERT AS SELECT 1",
        "CREATE TABLE dbo.t (a int)\nGO\nCREATE TRIGGER dbo.tr ON dbo.t AFTER INSERT AS SELECT 2",
        ObjectKind.Trigger, ObjectAttribute.Definition)]
    [DataRow("sequence increment", "CREATE SEQUENCE dbo.s START WITH 1 INCREMENT BY 1", "CREATE SEQUENCE dbo.s START WITH 1 INCREMENT BY 5", ObjectKind.Sequence, ObjectAttribute.Increment)]
    public void A_single_changed_attribute_reflects_as_one_difference(string what, string first, string second, ObjectKind kind, ObjectAttribute attribute)
    {
        var differences = SchemaComparer.Compare(DacFxModels.Reflect(first), DacFxModels.Reflect(second), ComparisonOptions.Exact);

        Assert.AreEqual(1, differences.Count, $"{what}:\n{string.Join("\n", differences)}");
        var changed = differences[0] as ChangedAttribute;
        Assert.IsNotNull(changed, $"{what}: {differences[0]}");
        Assert.AreEqual(kind, changed.Object.Kind, what);
        Assert.AreEqual(attribute, changed.Attribute, what);
    }

    [TestMethod]
    [DataRow("procedure", "CREATE PROCEDURE dbo.p AS SELECT 1", "procedure", "dbo.p")]
    [DataRow("scalar function", "CREATE FUNCTION dbo.f (@a int) RETURNS int AS BEGIN RETURN @a + 1 END", "function", "dbo.f")]
    [DataRow("table-valued function", "CREATE FUNCTION dbo.tf () RETURNS TABLE AS RETURN SELECT 1 AS one", "function", "dbo.tf")]
    [DataRow("schema", "CREATE SCHEMA sales", "schema", "sales")]
    [DataRow("alias type", "CREATE TYPE dbo.email FROM nvarchar(320) NOT NULL", "type", "dbo.email")]
    [DataRow("table type", "CREATE TYPE dbo.ids AS TABLE (id int NOT NULL)", "table type", "dbo.ids")]
    public void Procedures_functions_schemas_and_types_are_reflected(string what, string sql, string kind, string name)
    {
        var schema = DacFxModels.Reflect(sql);

        Assert.IsTrue(schema.OtherObjects.Any(o => o.Kind == kind && o.Name.ToString() == name), $"{what}: {string.Join(", ", schema.OtherObjects)}");
    }

    [TestMethod]
    public void A_table_reflects_every_attribute()
    {
        var schema = DacFxModels.Reflect("""
            CREATE TABLE dbo.customers (id int NOT NULL PRIMARY KEY)
            GO
            CREATE TABLE dbo.orders
            (
                id int IDENTITY (10, 5) NOT NULL CONSTRAINT pk_orders PRIMARY KEY NONCLUSTERED,
                customer_id int NOT NULL CONSTRAINT fk_orders_customer REFERENCES dbo.customers (id) ON DELETE CASCADE,
                code varchar(12) COLLATE Latin1_General_BIN2 NOT NULL CONSTRAINT uq_orders_code UNIQUE,
                total decimal(12, 2) NOT NULL CONSTRAINT df_orders_total DEFAULT 0 CONSTRAINT ck_orders_total CHECK (total >= 0),
                doubled AS total * 2 PERSISTED
            )
            GO
            CREATE INDEX ix_orders_customer ON dbo.orders (customer_id, total DESC) INCLUDE (code) WHERE total > 0
            """);

        var orders = schema.FindTable(new ObjectName("dbo", "orders"))!;
        Assert.AreEqual("id int NOT NULL identity (10,5)|customer_id int NOT NULL|code varchar(12) NOT NULL Latin1_General_BIN2|total decimal(12,2) NOT NULL default 0|doubled computed total*2 STORED",
            string.Join("|", orders.Columns.Select(c => $"{c.Name} {c.Type}{(c.NotNull ? " NOT NULL" : "")}{(c.Identity is null ? "" : " identity " + c.Identity)}{(c.Collation is null ? "" : " " + c.Collation)}{(c.Default is null ? "" : " default " + c.Default)}{(c.GeneratedExpression is null ? "" : $" {c.GeneratedExpression} {c.GeneratedKind}")}")));
        Assert.AreEqual(new PrimaryKey("pk_orders", ["id"]), orders.PrimaryKey);
        CollectionAssert.AreEqual(new[] { "PRIMARY KEY NONCLUSTERED" }, orders.Options.ToArray());
        var key = orders.ForeignKeys.Single();
        Assert.AreEqual(("fk_orders_customer", "dbo.customers", "CASCADE", "NO ACTION"), (key.Name, key.ReferencedTable.ToString(), key.OnDelete, key.OnUpdate));
        Assert.AreEqual("uq_orders_code(code)", string.Join(",", orders.UniqueConstraints.Select(u => $"{u.Name}({string.Join(",", u.Columns)})")));
        Assert.AreEqual("ck_orders_total: total>=0", string.Join(",", orders.CheckConstraints.Select(c => $"{c.Name}: {c.Expression}")));
        var index = orders.Indexes.Single();
        Assert.AreEqual("ix_orders_customer(customer_id, total DESC) include code where total>0", $"{index.Name}({index.DescribeKeys()}) include {string.Join(",", index.Include)} where {index.Predicate}");
        Assert.IsTrue(schema.FindTable(new ObjectName("dbo", "customers"))!.PrimaryKey!.NameIsGenerated, "an unnamed key is named by the server");
    }
}
