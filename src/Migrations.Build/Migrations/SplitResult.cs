using Migrations.Build.Diagnostics;
using Migrations.Build.Schema;

namespace Migrations.Build.Migrations;

/// <summary>The located statements of a script and what was wrong with its text (e.g. an unterminated quote).</summary>
public sealed record SplitResult(ValueList<SqlStatement> Statements, ValueList<Diagnostic> Diagnostics);
