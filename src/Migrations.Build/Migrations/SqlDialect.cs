namespace Migrations.Build.Migrations;

/// <summary>The SQL dialect a script is lexed in (quotes, comments and block syntax differ per engine).</summary>
public enum SqlDialect
{
    Sqlite,
    PostgreSql,
    SqlServer,
}
