using Migrations.Build.Schema;
using Migrations.Build.Schema.Comparison;

namespace Migrations.Build.Tests.Unit.Schema;

/// <summary>A sample of every kind of object the comparer knows, on a schema of two tables: <c>t</c> (the owner of
/// every child) and <c>u</c> (what foreign keys reference).</summary>
internal static class KindSamples
{
    private static readonly ObjectName T = new("t");
    private static readonly ObjectName U = new("u");

    private static readonly Table TableT = new(T) { Columns = [new Column("id", "INTEGER"), new Column("a", "INTEGER"), new Column("b", "TEXT")] };
    private static readonly Table TableU = new(U) { Columns = [new Column("id", "INTEGER"), new Column("k", "INTEGER")] };

    public static IEnumerable<IKindSample> All() =>
    [
        Tables(), Columns(), PrimaryKeys(), ForeignKeys(), UniqueConstraints(), CheckConstraints(), ExclusionConstraints(),
        Indexes(), Views(), Triggers(), Sequences(), EnumTypes(), OtherObjects(),
    ];

    private static DatabaseSchema OnT(Func<Table, Table> place) => new() { Tables = [place(TableT), TableU] };

    private static DatabaseSchema Beside(Func<DatabaseSchema, DatabaseSchema> place) => place(new DatabaseSchema { Tables = [TableT, TableU] });

    private static KindSample<Table> Tables() => new(
        "table",
        TableT,
        tables => new DatabaseSchema { Tables = tables.ToValueList() },
        table => new ComparedObject(ObjectKind.Table, table.Name),
        table => table with { Name = new ObjectName("t2") },
        "t",
        [
            new(ObjectAttribute.Options, t => t with { Options = ["STRICT"] }, null, "STRICT"),
            new(ObjectAttribute.Comment, t => t with { Comment = "leads" }, null, "leads"),
        ]);

    private static KindSample<Column> Columns() => new(
        "column",
        new Column("c", "INTEGER"),
        columns => OnT(t => t with { Columns = t.Columns.Concat(columns).ToValueList() }),
        column => new ComparedObject(ObjectKind.Column, T, column.Name),
        column => column with { Name = "c2" },
        "t.c",
        [
            new(ObjectAttribute.Type, c => c with { Type = "BIGINT" }, "INTEGER", "BIGINT"),
            new(ObjectAttribute.Nullability, c => c with { NotNull = true }, "NULL", "NOT NULL"),
            new(ObjectAttribute.Default, c => c with { Default = "0" }, null, "0"),
            new(ObjectAttribute.Collation, c => c with { Collation = "NOCASE" }, null, "NOCASE"),
            new(ObjectAttribute.Generated, c => c with { GeneratedExpression = "a * 2", GeneratedKind = "STORED" }, null, "(a * 2) STORED"),
            new(ObjectAttribute.Identity, c => c with { Identity = "ALWAYS" }, null, "GENERATED ALWAYS AS IDENTITY"),
            new(ObjectAttribute.AutoIncrement, c => c with { AutoIncrement = true }, null, "AUTOINCREMENT"),
            new(ObjectAttribute.RowidAlias, c => c with { RowidAlias = true }, null, ColumnKind.RowidAliasValue),
            new(ObjectAttribute.Comment, c => c with { Comment = "note" }, null, "note"),
        ]);

    private static ComparedObject Key(ObjectKind kind, string? name, bool generated, ValueList<string> columns) =>
        new(kind, T, name) { ChildNameIsGenerated = generated, Columns = columns };

    private static KindSample<PrimaryKey> PrimaryKeys() => new("primary key",
        new PrimaryKey("pk_t", ["id"]),
        keys => OnT(t => t with { PrimaryKey = keys.SingleOrDefault() }),
        key => Key(ObjectKind.PrimaryKey, key.Name, key.NameIsGenerated, key.Columns),
        key => key with { Name = "pk_t2" },
        "t.pk_t",
        [new(ObjectAttribute.Columns, k => k with { Columns = ["id", "a"] }, "(id)", "(id, a)")])
    {
        PairsByDefinition = true,
        EngineNamed = (new PrimaryKey("t_pkey", ["id"]) { NameIsGenerated = true }, new PrimaryKey("t_pkey1", ["id"]) { NameIsGenerated = true }),
    };

    private static KindSample<ForeignKey> ForeignKeys()
    {
        var key = new ForeignKey("fk_t_u", ["a"], U, ["id"]);
        return new("foreign key",
            key,
            keys => OnT(t => t with { ForeignKeys = keys.ToValueList() }),
            fk => Key(ObjectKind.ForeignKey, fk.Name, fk.NameIsGenerated, fk.Columns) with { Target = fk.ReferencedTable, TargetColumns = fk.ReferencedColumns },
            fk => fk with { Name = "fk_t_u2" },
            "t.fk_t_u",
            [
                new(ObjectAttribute.Columns, fk => fk with { Columns = ["b"] }, "(a)", "(b)"),
                new(ObjectAttribute.References, fk => fk with { ReferencedColumns = ["k"] }, "u(id)", "u(k)"),
                new(ObjectAttribute.OnDelete, fk => fk with { OnDelete = "CASCADE" }, "NO ACTION", "CASCADE"),
                new(ObjectAttribute.OnUpdate, fk => fk with { OnUpdate = "SET NULL" }, "NO ACTION", "SET NULL"),
                new(ObjectAttribute.Match, fk => fk with { Match = "FULL" }, "SIMPLE", "FULL"),
                new(ObjectAttribute.Deferrability, fk => fk with { Deferrable = true, InitiallyDeferred = true }, "NOT DEFERRABLE", "DEFERRABLE INITIALLY DEFERRED"),
                new(ObjectAttribute.Validation, fk => fk with { NotValid = true }, "VALID", "NOT VALID"),
            ])
        {
            PairsByDefinition = true,
            EngineNamed = (key with { Name = "t_a_fkey", NameIsGenerated = true }, key with { Name = "t_a_fkey1", NameIsGenerated = true }),
        };
    }

    private static KindSample<UniqueConstraint> UniqueConstraints()
    {
        var unique = new UniqueConstraint("uq_t_a", ["a"]);
        return new("unique constraint",
            unique,
            constraints => OnT(t => t with { UniqueConstraints = constraints.ToValueList() }),
            uq => Key(ObjectKind.UniqueConstraint, uq.Name, uq.NameIsGenerated, uq.Columns),
            uq => uq with { Name = "uq_t_a2" },
            "t.uq_t_a",
            [
                new(ObjectAttribute.Columns, uq => uq with { Columns = ["a", "b"] }, "(a)", "(a, b)"),
                new(ObjectAttribute.NullsNotDistinct, uq => uq with { NullsNotDistinct = true }, null, "NULLS NOT DISTINCT"),
                new(ObjectAttribute.Deferrability, uq => uq with { Deferrable = true }, "NOT DEFERRABLE", "DEFERRABLE INITIALLY IMMEDIATE"),
            ])
        {
            PairsByDefinition = true,
            EngineNamed = (unique with { Name = "t_a_key", NameIsGenerated = true }, unique with { Name = "t_a_key1", NameIsGenerated = true }),
        };
    }

    private static KindSample<CheckConstraint> CheckConstraints()
    {
        var check = new CheckConstraint("ck_t_a", "a > 0");
        return new("check constraint",
            check,
            checks => OnT(t => t with { CheckConstraints = checks.ToValueList() }),
            ck => new ComparedObject(ObjectKind.CheckConstraint, T, ck.Name) { ChildNameIsGenerated = ck.NameIsGenerated, Expression = ck.Expression },
            ck => ck with { Name = "ck_t_a2" },
            "t.ck_t_a",
            [
                new(ObjectAttribute.Check, ck => ck with { Expression = "a >= 0" }, "a > 0", "a >= 0"),
                new(ObjectAttribute.Validation, ck => ck with { NotValid = true }, "VALID", "NOT VALID"),
            ])
        {
            PairsByDefinition = true,
            EngineNamed = (check with { Name = "t_a_check", NameIsGenerated = true }, check with { Name = "t_a_check1", NameIsGenerated = true }),
        };
    }

    private static KindSample<ExclusionConstraint> ExclusionConstraints() => new("exclusion constraint",
        new ExclusionConstraint("ex_t_a", "EXCLUDE USING gist (a WITH =)"),
        constraints => OnT(t => t with { ExclusionConstraints = constraints.ToValueList() }),
        ex => new ComparedObject(ObjectKind.ExclusionConstraint, T, ex.Name),
        ex => ex with { Name = "ex_t_a2" },
        "t.ex_t_a",
        [
            new(ObjectAttribute.Definition, ex => ex with { Definition = "EXCLUDE USING gist (b WITH =)" }, "EXCLUDE USING gist (a WITH =)", "EXCLUDE USING gist (b WITH =)"),
            new(ObjectAttribute.Deferrability, ex => ex with { Deferrable = true, InitiallyDeferred = true }, "NOT DEFERRABLE", "DEFERRABLE INITIALLY DEFERRED"),
        ])
    {
        PairsByDefinition = true,
    };

    private static KindSample<TableIndex> Indexes()
    {
        var index = new TableIndex("ix_t_a", [new IndexKey("a")]);
        return new("index",
            index,
            indexes => OnT(t => t with { Indexes = indexes.ToValueList() }),
            ix => new ComparedObject(ObjectKind.Index, T, ix.Name) { ChildNameIsGenerated = ix.NameIsGenerated },
            ix => ix with { Name = "ix_t_a2" },
            "t.ix_t_a",
            [
                new(ObjectAttribute.Uniqueness, ix => ix with { IsUnique = true }, "not unique", "UNIQUE"),
                new(ObjectAttribute.Keys, ix => ix with { Keys = [new IndexKey("a") { Descending = true }] }, "(a)", "(a DESC)"),
                new(ObjectAttribute.Method, ix => ix with { Method = "hash" }, null, "hash"),
                new(ObjectAttribute.Include, ix => ix with { Include = ["b"] }, null, "(b)"),
                new(ObjectAttribute.Where, ix => ix with { Predicate = "a > 0" }, null, "a > 0"),
                new(ObjectAttribute.NullsNotDistinct, ix => ix with { NullsNotDistinct = true }, null, "NULLS NOT DISTINCT"),
                new(ObjectAttribute.Comment, ix => ix with { Comment = "lookup" }, null, "lookup"),
            ])
        {
            PairsByDefinition = true,
            EngineNamed = (index with { Name = "t_a_idx", NameIsGenerated = true }, index with { Name = "t_a_idx1", NameIsGenerated = true }),
        };
    }

    private static KindSample<View> Views() => new("view",
        new View(new ObjectName("v"), "SELECT id FROM t"),
        views => Beside(s => s with { Views = views.ToValueList() }),
        view => new ComparedObject(ObjectKind.View, view.Name),
        view => view with { Name = new ObjectName("v2") },
        "v",
        [
            new(ObjectAttribute.Materialized, v => v with { Materialized = true }, "VIEW", "MATERIALIZED VIEW"),
            new(ObjectAttribute.Definition, v => v with { Definition = "SELECT a FROM t" }, "SELECT id FROM t", "SELECT a FROM t"),
            new(ObjectAttribute.Comment, v => v with { Comment = "ids" }, null, "ids"),
        ]);

    private static KindSample<Trigger> Triggers() => new("trigger",
        new Trigger(new ObjectName("tr"), T, "AFTER INSERT ON t BEGIN SELECT 1; END"),
        triggers => Beside(s => s with { Triggers = triggers.ToValueList() }),
        trigger => new ComparedObject(ObjectKind.Trigger, trigger.Name) { Target = trigger.Table },
        trigger => trigger with { Name = new ObjectName("tr2") },
        "tr",
        [
            new(ObjectAttribute.Table, tr => tr with { Table = U }, "t", "u"),
            new(ObjectAttribute.Definition, tr => tr with { Definition = "AFTER INSERT ON t BEGIN SELECT 2; END" }, "AFTER INSERT ON t BEGIN SELECT 1; END", "AFTER INSERT ON t BEGIN SELECT 2; END"),
        ]);

    private static KindSample<Sequence> Sequences() => new("sequence",
        new Sequence(new ObjectName("s")) { MinValue = 1, MaxValue = long.MaxValue },
        sequences => Beside(s => s with { Sequences = sequences.ToValueList() }),
        sequence => new ComparedObject(ObjectKind.Sequence, sequence.Name),
        sequence => sequence with { Name = new ObjectName("s2") },
        "s",
        [
            new(ObjectAttribute.Type, s => s with { Type = "integer" }, "bigint", "integer"),
            new(ObjectAttribute.Start, s => s with { Start = 100 }, "1", "100"),
            new(ObjectAttribute.Increment, s => s with { Increment = 10 }, "1", "10"),
            new(ObjectAttribute.MinValue, s => s with { MinValue = 0 }, "1", "0"),
            new(ObjectAttribute.MaxValue, s => s with { MaxValue = 1000 }, "9223372036854775807", "1000"),
            new(ObjectAttribute.Cycle, s => s with { Cycle = true }, "NO CYCLE", "CYCLE"),
            new(ObjectAttribute.OwnedBy, s => s with { OwnedBy = "t.id" }, null, "t.id"),
        ]);

    private static KindSample<EnumType> EnumTypes() => new("enum type",
        new EnumType(new ObjectName("mood"), ["sad", "happy"]),
        types => Beside(s => s with { EnumTypes = types.ToValueList() }),
        type => new ComparedObject(ObjectKind.EnumType, type.Name),
        type => type with { Name = new ObjectName("mood2") },
        "mood",
        [new(ObjectAttribute.Labels, e => e with { Labels = ["sad", "happy", "ok"] }, "('sad', 'happy')", "('sad', 'happy', 'ok')")]);

    private static KindSample<SchemaObject> OtherObjects() => new("other object",
        new SchemaObject("function", new ObjectName("f(integer)"), "RETURN $1 + 1"),
        objects => Beside(s => s with { OtherObjects = objects.ToValueList() }),
        o => new ComparedObject(ObjectKind.Other, o.Name) { EngineKind = o.Kind },
        o => o with { Name = new ObjectName("g(integer)") },
        "function f(*",
        [new(ObjectAttribute.Definition, o => o with { Definition = "RETURN $1 + 2" }, "RETURN $1 + 1", "RETURN $1 + 2")]);
}
