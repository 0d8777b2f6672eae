using System.Text.RegularExpressions;
using Migrations.Build.Diagnostics;
using Migrations.Build.Schema;

namespace Migrations.Build.Migrations;

/// <summary>A single-file migration with an up and an optional down section: dbmate's <c>-- migrate:up</c> /
/// <c>-- migrate:down</c>, goose's <c>-- +goose Up</c> / <c>-- +goose Down</c> or sql-migrate's <c>-- +migrate Up</c> /
/// <c>-- +migrate Down</c>.</summary>
/// <remarks>Statement locations are the real lines of the file. Honoured options: dbmate's
/// <c>transaction:false</c>, goose's <c>NO TRANSACTION</c>, sql-migrate's <c>notransaction</c>, and goose's and
/// sql-migrate's <c>StatementBegin</c>/<c>StatementEnd</c> (the lines between them are one statement).</remarks>
internal sealed partial record SectionedScript(SqlScript? Up, SqlScript? Down, ValueList<Diagnostic> Diagnostics)
{
    /// <summary><see cref="MigrationLayouts.Dbmate"/>, <see cref="MigrationLayouts.Goose"/> or
    /// <see cref="MigrationLayouts.SqlMigrate"/> when the text has that
    /// layout's up marker, else null.</summary>
    public static string? DetectLayout(string text)
    {
        foreach (var line in TextLine.Read(text))
        {
            var trimmed = line.Text(text).Trim();
            if (DbmateMarker().Match(trimmed) is { Success: true } dbmate && dbmate.Groups["section"].Value.Equals("up", StringComparison.OrdinalIgnoreCase))
            {
                return MigrationLayouts.Dbmate;
            }

            if (GooseMarker().Match(trimmed) is { Success: true } goose && goose.Groups["annotation"].Value.Equals("up", StringComparison.OrdinalIgnoreCase))
            {
                return MigrationLayouts.Goose;
            }

            if (SqlMigrateMarker().Match(trimmed) is { Success: true } sqlMigrate && sqlMigrate.Groups["annotation"].Value.Equals("up", StringComparison.OrdinalIgnoreCase))
            {
                return MigrationLayouts.SqlMigrate;
            }
        }

        return null;
    }

    public static SectionedScript Parse(string path, string displayName, string text, SqlDialect dialect, string layout)
    {
        var directives = ScriptDirectives.Read(path, text);
        var diagnostics = new List<Diagnostic>(directives.Diagnostics);
        var parser = new Parser(path, displayName, text, dialect, layout, diagnostics) { NoTransaction = directives.NoTransaction };
        return parser.Run();
    }

    [GeneratedRegex(@"^--\s*migrate:(?<section>\w+)(?<options>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DbmateMarker();

    [GeneratedRegex(@"^--\s*\+goose\s+(?<annotation>.+?)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GooseMarker();

    [GeneratedRegex(@"^--\s*\+migrate\s+(?<annotation>\w+)(?<options>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SqlMigrateMarker();

    private enum MarkerKind
    {
        Up,
        Down,
        StatementBegin,
        StatementEnd,
        NoTransaction,
        Ignored,
        Unknown,
    }

    /// <summary>The statements of one section collected so far.</summary>
    private sealed class Section(int markerLine)
    {
        public int MarkerLine { get; } = markerLine;

        public List<SqlStatement> Statements { get; } = [];

        public int ErrorCount { get; set; }

        /// <summary>The section's marker asks for no transaction (dbmate's <c>transaction:false</c>, sql-migrate's
        /// <c>notransaction</c>): those runners read it per section, so the other section keeps its transaction.</summary>
        public bool NoTransaction { get; set; }
    }

    private sealed class Parser(string path, string displayName, string text, SqlDialect dialect, string layout, List<Diagnostic> diagnostics)
    {
        private Section? _up;
        private Section? _down;
        private Section? _current;
        private int _segmentStart;
        private int _segmentLine = 1;
        private int? _blockLine;

        /// <summary>The whole file runs without a transaction (goose's <c>NO TRANSACTION</c>, the directive comment).</summary>
        public bool NoTransaction { get; set; }

        private string UpMarker => layout == MigrationLayouts.Dbmate ? "-- migrate:up" : $"{BlockPrefix} Up";

        private string DownMarker => layout == MigrationLayouts.Dbmate ? "-- migrate:down" : $"{BlockPrefix} Down";

        private string BlockPrefix => layout == MigrationLayouts.SqlMigrate ? "-- +migrate" : "-- +goose";

        public SectionedScript Run()
        {
            foreach (var line in TextLine.Read(text))
            {
                var content = line.Text(text).Trim();
                var kind = ReadMarker(content, out var options);
                if (kind is null)
                {
                    continue;
                }

                CloseSegment(line.Start);
                Apply(kind.Value, content, options, line.Number);
                _segmentStart = line.NextStart;
                _segmentLine = line.Number + 1;
            }

            CloseSegment(text.Length);
            if (_blockLine is { } open)
            {
                Warn($"'{BlockPrefix} StatementBegin' in {displayName} has no matching '{BlockPrefix} StatementEnd'; the block runs to the end of its section", open);
            }

            return new SectionedScript(Build(_up, "up"), Build(_down, "down"), diagnostics);
        }

        private MarkerKind? ReadMarker(string line, out string options)
        {
            options = string.Empty;
            if (layout == MigrationLayouts.Dbmate && DbmateMarker().Match(line) is { Success: true } dbmate)
            {
                options = dbmate.Groups["options"].Value;
                return dbmate.Groups["section"].Value.ToUpperInvariant() switch
                {
                    "UP" => MarkerKind.Up,
                    "DOWN" => MarkerKind.Down,
                    _ => MarkerKind.Unknown,
                };
            }

            if (layout == MigrationLayouts.Goose && GooseMarker().Match(line) is { Success: true } goose)
            {
                return Regex.Replace(goose.Groups["annotation"].Value, @"\s+", " ").ToUpperInvariant() switch
                {
                    "UP" => MarkerKind.Up,
                    "DOWN" => MarkerKind.Down,
                    "STATEMENTBEGIN" => MarkerKind.StatementBegin,
                    "STATEMENTEND" => MarkerKind.StatementEnd,
                    "NO TRANSACTION" => MarkerKind.NoTransaction,
                    "ENVSUB ON" or "ENVSUB OFF" => MarkerKind.Ignored,
                    _ => MarkerKind.Unknown,
                };
            }

            if (layout == MigrationLayouts.SqlMigrate && SqlMigrateMarker().Match(line) is { Success: true } sqlMigrate)
            {
                options = sqlMigrate.Groups["options"].Value;
                return sqlMigrate.Groups["annotation"].Value.ToUpperInvariant() switch
                {
                    "UP" => MarkerKind.Up,
                    "DOWN" => MarkerKind.Down,
                    "STATEMENTBEGIN" => MarkerKind.StatementBegin,
                    "STATEMENTEND" => MarkerKind.StatementEnd,
                    _ => MarkerKind.Unknown,
                };
            }

            return null;
        }

        private void Apply(MarkerKind kind, string content, string options, int lineNumber)
        {
            switch (kind)
            {
                case MarkerKind.Up or MarkerKind.Down:
                    var isUp = kind == MarkerKind.Up;
                    if ((isUp ? _up : _down) is not null)
                    {
                        Warn($"{displayName} has a second '{(isUp ? UpMarker : DownMarker)}' section; its statements are added to the first", lineNumber);
                    }

                    _current = (isUp ? _up : _down) ?? new Section(lineNumber);
                    if (isUp)
                    {
                        _up = _current;
                    }
                    else
                    {
                        _down = _current;
                    }

                    _blockLine = null;
                    foreach (var option in options.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
                    {
                        // sql-migrate's notransaction runs the migration outside a transaction, as dbmate's transaction:false does.
                        var noTransactionOption = layout == MigrationLayouts.SqlMigrate ? "notransaction" : "transaction:false";
                        if (option.Equals(noTransactionOption, StringComparison.OrdinalIgnoreCase))
                        {
                            _current.NoTransaction = true;
                        }
                        else if (layout == MigrationLayouts.SqlMigrate || !option.Equals("transaction:true", StringComparison.OrdinalIgnoreCase))
                        {
                            Warn($"Unknown {layout} option '{option}' in {displayName} (known: {noTransactionOption}); it is ignored", lineNumber);
                        }
                    }

                    break;
                case MarkerKind.StatementBegin:
                    _blockLine = lineNumber;
                    break;
                case MarkerKind.StatementEnd:
                    if (_blockLine is null)
                    {
                        Warn($"'{BlockPrefix} StatementEnd' in {displayName} has no '{BlockPrefix} StatementBegin' before it", lineNumber);
                    }

                    _blockLine = null;
                    break;
                case MarkerKind.NoTransaction:
                    NoTransaction = true;
                    break;
                case MarkerKind.Unknown:
                    Warn($"Unknown annotation '{content}' in {displayName}; it is ignored", lineNumber);
                    break;
                default:
                    break;
            }
        }

        private void CloseSegment(int end)
        {
            // Text before the first section marker (a header comment) belongs to no script.
            if (_current is null || end <= _segmentStart)
            {
                return;
            }

            var segment = text[_segmentStart..end];
            var split = _blockLine is null
                ? SqlStatementSplitter.Split(path, segment, dialect, _segmentLine)
                : SqlStatementSplitter.SplitAsOneStatement(path, segment, dialect, _segmentLine);
            _current.Statements.AddRange(split.Statements);
            _current.ErrorCount += split.Diagnostics.Count;
            diagnostics.AddRange(split.Diagnostics);
        }

        private SqlScript? Build(Section? section, string role)
        {
            if (section is null)
            {
                return null;
            }

            var start = new SourceLocation(path, section.MarkerLine + 1);
            return SqlScriptAssembler.Create(
                path, start, section.Statements, section.ErrorCount > 0, NoTransaction || section.NoTransaction, dialect, $"The {role} section of {displayName}", diagnostics);
        }

        private void Warn(string message, int lineNumber) =>
            diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidDirective, message, new SourceLocation(path, lineNumber)));
    }
}
