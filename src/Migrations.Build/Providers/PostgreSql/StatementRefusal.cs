using Migrations.Build.Diagnostics;

namespace Migrations.Build.Providers.PostgreSql;

/// <summary>Why <see cref="PostgreSqlConfinement"/> refused a statement: its code (MIG2004–MIG2006), the reason for
/// the message, and where in the statement's text the refused form starts (for its line and column).</summary>
internal sealed record StatementRefusal(DiagnosticDescriptor Code, string Reason, int Offset);
