using Migrations.Build.Diagnostics;
using Migrations.Build.Migrations;

namespace Migrations.Build.Providers.PostgreSql;

/// <summary>Keeps migrations and model scripts inside their PostgreSQL scratch database: reads each statement with the
/// one statement scanner (<see cref="SqlLexer"/>, <see cref="PostgreSqlSyntax"/>) and refuses, before anything runs,
/// what would act on the server or another database (MIG2004), use the server's files or run programs or native code
/// on it (MIG2005), or change its roles or act as another role (MIG2006).</summary>
/// <remarks>A scan of the text: PostgreSQL has no authorizer a client can install, as SQLite has. It reads top-level
/// statements, the bodies of DO blocks and functions (dollar- or single-quoted) and, inside a body, the string literals
/// after EXECUTE; SQL put together at run time from pieces it cannot see. What it misses, the unprivileged role the
/// scratch databases are used with on the engine's own clusters refuses (permission denied, reported as MIG2001).
/// A legitimate migration needs none of these forms; an extension only a superuser may create belongs in the setup
/// script (<c>MigrationsSetupScript</c>), which is not scanned.</remarks>
internal static class PostgreSqlConfinement
{
    private static readonly HashSet<string> StatementStarters = new(StringComparer.Ordinal) { "BEGIN", "ATOMIC", "THEN", "ELSE", "LOOP" };

    private static readonly HashSet<string> FileFunctions = new(StringComparer.Ordinal)
    {
        "PG_READ_FILE", "PG_READ_BINARY_FILE", "PG_LS_DIR", "PG_STAT_FILE", "PG_LS_LOGDIR", "PG_LS_WALDIR", "PG_LS_TMPDIR",
        "PG_LS_ARCHIVE_STATUSDIR", "PG_LS_LOGICALSNAPDIR", "PG_LS_LOGICALMAPDIR", "PG_LS_REPLSLOTDIR", "LO_IMPORT", "LO_EXPORT",
        "PG_FILE_WRITE", "PG_FILE_RENAME", "PG_FILE_UNLINK", "PG_FILE_SYNC", "PG_LOGDIR_LS",
    };

    private static readonly HashSet<string> ServerFunctions = new(StringComparer.Ordinal)
    {
        "PG_TERMINATE_BACKEND", "PG_CANCEL_BACKEND", "PG_RELOAD_CONF", "PG_ROTATE_LOGFILE", "PG_PROMOTE", "PG_SWITCH_WAL",
        "PG_CREATE_RESTORE_POINT", "PG_BACKUP_START", "PG_BACKUP_STOP", "PG_START_BACKUP", "PG_STOP_BACKUP",
        "PG_CREATE_PHYSICAL_REPLICATION_SLOT", "PG_CREATE_LOGICAL_REPLICATION_SLOT", "PG_DROP_REPLICATION_SLOT",
        "PG_COPY_PHYSICAL_REPLICATION_SLOT", "PG_COPY_LOGICAL_REPLICATION_SLOT", "PG_LOG_BACKEND_MEMORY_CONTEXTS",
        "PG_WAL_REPLAY_PAUSE", "PG_WAL_REPLAY_RESUME", "PG_STAT_RESET_SHARED", "PG_REPLICATION_ORIGIN_CREATE", "PG_REPLICATION_ORIGIN_DROP",
    };

    /// <summary>Extensions that connect to other databases or servers.</summary>
    private static readonly HashSet<string> ConnectingExtensions = new(StringComparer.Ordinal) { "DBLINK", "POSTGRES_FDW" };

    /// <summary>Extensions that read or write the server's files, and the untrusted languages (code run as the server's
    /// operating-system account).</summary>
    private static readonly HashSet<string> FileExtensions = new(StringComparer.Ordinal)
    {
        "FILE_FDW", "ADMINPACK", "PLPYTHONU", "PLPYTHON2U", "PLPYTHON3U", "PLPERLU", "PLTCLU",
    };

    /// <summary>Languages whose functions are native code or run unconfined on the server.</summary>
    private static readonly HashSet<string> UnconfinedLanguages = new(StringComparer.Ordinal)
    {
        "C", "INTERNAL", "PLPYTHONU", "PLPYTHON2U", "PLPYTHON3U", "PLPERLU", "PLTCLU",
    };

    /// <summary>The first refused form of the statement, or null when it stays inside its database.</summary>
    public static StatementRefusal? Judge(string statementText) => new Scan(statementText, 0, statementText.Length, body: false).Run();

    /// <summary>True for <c>COPY … FROM STDIN</c> and <c>COPY … TO STDOUT</c>: allowed, but their data would come
    /// from or go to the client, and a migration file sent statement by statement has no data stream.</summary>
    public static bool CopiesWithClient(string statementText) => new Scan(statementText, 0, statementText.Length, body: false).CopiesWithClient();

    /// <summary>One piece of text read as SQL: a statement, or a body or EXECUTE string inside one.</summary>
    private sealed class Scan
    {
        private readonly string _text;
        private readonly List<SqlToken> _tokens;
        private readonly bool _body;

        public Scan(string text, int start, int end, bool body)
        {
            _text = text;
            _body = body;
            _tokens = SqlLexer.Tokenize(text[start..end], PostgreSqlSyntax.Dialect)
                .Where(t => !t.IsTrivia)
                .Select(t => t with { Start = t.Start + start })
                .ToList();
        }

        public StatementRefusal? Run()
        {
            // The whole statement is a DO block or a function: its strings are code (AS $$…$$, AS '…').
            var code = !_body && (Name(0) == "DO" || IsRoutine(0));
            var executing = false;
            for (var i = 0; i < _tokens.Count; i++)
            {
                var refusal = (IsStatementStart(i) ? StatementForm(i) : null) ?? Call(i);
                if (refusal is not null)
                {
                    return refusal;
                }

                var token = _tokens[i];
                if ((token.Kind == SqlTokenKind.DollarString && (code || _body)) || (token.Kind == SqlTokenKind.String && (code || (_body && executing))))
                {
                    if (Inside(token) is { } inside && new Scan(_text, inside.Start, inside.End, body: true).Run() is { } nested)
                    {
                        return nested;
                    }
                }

                executing = Name(i) == "EXECUTE" || (executing && !IsPunctuation(i, ';'));
            }

            return null;
        }

        public bool CopiesWithClient() => Name(0) == "COPY" && CopyTarget(0) is { } target && Name(target) is "STDIN" or "STDOUT";

        private StatementRefusal? StatementForm(int s)
        {
            var first = Name(s);
            switch (first)
            {
                case "CREATE" or "ALTER" or "DROP":
                    return DefinitionForm(s, first);
                case "DO":
                    return Language(s);
                case "COPY":
                    return Copy(s);
                case "LOAD":
                    return Files(s, "LOAD loads a native library into the server");
                case "CHECKPOINT":
                    return Server(s, "CHECKPOINT acts on the whole server");
                case "SET":
                    return SetRole(s);
                case "GRANT" or "REVOKE":
                    return Grant(s, first == "GRANT" ? "TO" : "FROM");
                case "COMMENT" when Name(s + 1) == "ON":
                    return Name(s + 2) switch
                    {
                        "DATABASE" => Server(s, "COMMENT ON DATABASE writes to a database of the server, not to the scratch database"),
                        "TABLESPACE" => Server(s, "COMMENT ON TABLESPACE writes to the server's tablespaces"),
                        "ROLE" => Role(s, "COMMENT ON ROLE writes to the server's roles, which every database shares"),
                        _ => null,
                    };
                case "REASSIGN" when Name(s + 1) == "OWNED":
                    return Role(s, "REASSIGN OWNED hands over objects of the server (databases, tablespaces) as well");
                case "PREPARE" when Name(s + 1) == "TRANSACTION":
                case "COMMIT" or "ROLLBACK" when Name(s + 1) == "PREPARED":
                    return Server(s, "a prepared transaction outlives the session on the server");
                default:
                    return null;
            }
        }

        private StatementRefusal? DefinitionForm(int s, string verb)
        {
            var k = s + 1;
            if (verb == "CREATE" && Name(k) == "OR" && Name(k + 1) == "REPLACE")
            {
                k += 2;
            }

            return Name(k) switch
            {
                "DATABASE" => Server(s, $"{verb} DATABASE acts on a database of the server, not on the scratch database"),
                "SYSTEM" when verb == "ALTER" => Server(s, "ALTER SYSTEM writes the server's configuration (postgresql.auto.conf)"),
                "TABLESPACE" => Server(s, $"{verb} TABLESPACE acts on the server's tablespaces (folders of the server)"),
                "SUBSCRIPTION" => Server(s, $"{verb} SUBSCRIPTION connects to another server"),
                "SERVER" => Server(s, $"{verb} SERVER defines a connection to another database or server (postgres_fdw, dblink)"),
                "USER" when Name(k + 1) == "MAPPING" => Server(s, $"{verb} USER MAPPING holds the credentials of a connection to another database or server"),
                "FOREIGN" when verb != "DROP" && Name(k + 1) == "DATA" => Server(s, $"{verb} FOREIGN DATA WRAPPER defines how the server connects elsewhere"),
                "ROLE" or "USER" or "GROUP" => Role(s, $"{verb} {Name(k)} changes the server's roles, which every database shares"),
                "OWNED" when verb == "DROP" => Role(s, "DROP OWNED also revokes privileges on objects of the server (databases, tablespaces)"),
                "EXTENSION" when verb == "CREATE" => Extension(s, Name(k + 1) == "IF" ? k + 4 : k + 1),
                "LANGUAGE" or "TRUSTED" or "PROCEDURAL" when verb == "CREATE" => Files(s, $"{verb} LANGUAGE installs a language handler, native code of the server"),
                "FUNCTION" or "PROCEDURE" when verb != "DROP" => Language(s),
                _ => null,
            };
        }

        private StatementRefusal? Extension(int s, int name)
        {
            var extension = Name(name);
            if (extension is null)
            {
                return null;
            }

            if (ConnectingExtensions.Contains(extension))
            {
                return Server(s, $"the extension {extension.ToLowerInvariant()} connects to other databases or servers");
            }

            return FileExtensions.Contains(extension)
                ? Files(s, $"the extension {extension.ToLowerInvariant()} reads or writes the server's files or runs unconfined code on it")
                : null;
        }

        /// <summary>A DO block or routine in a language whose code is native or unconfined (C, internal, plpython3u…).</summary>
        private StatementRefusal? Language(int s)
        {
            for (var j = s + 1; j < _tokens.Count - 1 && !IsPunctuation(j, ';'); j++)
            {
                if (Name(j) == "LANGUAGE" && (Name(j + 1) ?? StringContent(j + 1)?.ToUpperInvariant()) is { } language && UnconfinedLanguages.Contains(language))
                {
                    return Files(j, $"LANGUAGE {language.ToLowerInvariant()} runs native or unconfined code on the server");
                }
            }

            return null;
        }

        /// <summary>COPY … TO/FROM PROGRAM or a server file; STDIN and STDOUT stay with the client.</summary>
        private StatementRefusal? Copy(int s)
        {
            if (CopyTarget(s) is not { } target)
            {
                return null;
            }

            var direction = Name(target - 1);
            if (Name(target) == "PROGRAM")
            {
                return Files(s, $"COPY … {direction} PROGRAM runs a program on the server, as its operating-system account");
            }

            return _tokens[target].Kind is SqlTokenKind.String or SqlTokenKind.DollarString
                ? Files(s, $"COPY … {direction} {_tokens[target].TextIn(_text)} reads or writes a file of the server (COPY FROM STDIN and TO STDOUT stay allowed)")
                : null;
        }

        /// <summary>The token after a COPY's top-level TO or FROM (PROGRAM, a file name, STDIN, STDOUT), or null.</summary>
        private int? CopyTarget(int s)
        {
            var depth = 0;
            for (var j = s + 1; j < _tokens.Count - 1 && !IsPunctuation(j, ';'); j++)
            {
                depth += IsPunctuation(j, '(') ? 1 : IsPunctuation(j, ')') ? -1 : 0;
                if (depth == 0 && _tokens[j].Kind == SqlTokenKind.Word && Name(j) is "TO" or "FROM")
                {
                    return j + 1;
                }
            }

            return null;
        }

        /// <summary>SET ROLE and SET SESSION AUTHORIZATION to another role (NONE and DEFAULT go back to the session's own).</summary>
        private StatementRefusal? SetRole(int s)
        {
            var k = s + 1;
            if (Name(k) is "SESSION" or "LOCAL" && Name(k + 1) is "ROLE" or "SESSION")
            {
                k++;
            }

            int target;
            if (Name(k) == "ROLE")
            {
                target = k + 1;
            }
            else if (Name(k) == "SESSION" && Name(k + 1) == "AUTHORIZATION")
            {
                target = k + 2;
            }
            else if (Name(k) == "SESSION_AUTHORIZATION")
            {
                target = k + 1;
            }
            else
            {
                return null;
            }

            if (Name(target) == "TO" || IsPunctuation(target, '='))
            {
                target++;
            }

            return (Name(target) is "NONE" or "DEFAULT") || target >= _tokens.Count
                ? null
                : Role(s, "SET ROLE and SET SESSION AUTHORIZATION act as another role of the server");
        }

        /// <summary>GRANT/REVOKE of a role (no ON before TO/FROM: membership of a server role), or of privileges on the
        /// server's databases, tablespaces or parameters.</summary>
        private StatementRefusal? Grant(int s, string recipient)
        {
            var depth = 0;
            for (var j = s + 1; j < _tokens.Count && !IsPunctuation(j, ';'); j++)
            {
                depth += IsPunctuation(j, '(') ? 1 : IsPunctuation(j, ')') ? -1 : 0;
                if (depth != 0 || _tokens[j].Kind != SqlTokenKind.Word)
                {
                    continue;
                }

                if (Name(j) == "ON")
                {
                    return Name(j + 1) switch
                    {
                        "DATABASE" => Server(s, "privileges ON DATABASE act on a database of the server, not on the scratch database"),
                        "TABLESPACE" => Server(s, "privileges ON TABLESPACE act on the server's tablespaces"),
                        "PARAMETER" => Role(s, "privileges ON PARAMETER act on the server's configuration"),
                        _ => null,
                    };
                }

                if (Name(j) == recipient)
                {
                    return Role(s, "granting or revoking a role changes who is a member of a server role, which every database shares");
                }
            }

            return null;
        }

        private StatementRefusal? Call(int i)
        {
            if (Name(i) is not { } name || !IsPunctuation(i + 1, '(') || _tokens[i].Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier))
            {
                return null;
            }

            if (FileFunctions.Contains(name))
            {
                return Files(i, $"{name.ToLowerInvariant()}() reads or writes the server's files");
            }

            if (ServerFunctions.Contains(name) || name == "DBLINK" || name.StartsWith("DBLINK_", StringComparison.Ordinal))
            {
                return Server(i, $"{name.ToLowerInvariant()}() acts on the server or on another database");
            }

            return name == "SET_CONFIG" && StringContent(i + 2)?.Trim().ToUpperInvariant() is "ROLE" or "SESSION_AUTHORIZATION"
                ? Role(i, "set_config() of the role acts as another role of the server")
                : null;
        }

        private bool IsStatementStart(int i) =>
            i == 0 || IsPunctuation(i - 1, ';') || (_tokens[i - 1].Kind == SqlTokenKind.Word && Name(i - 1) is { } previous && StatementStarters.Contains(previous));

        private bool IsRoutine(int s)
        {
            var k = s + 1;
            if (Name(k) == "OR" && Name(k + 1) == "REPLACE")
            {
                k += 2;
            }

            return Name(s) == "CREATE" && Name(k) is "FUNCTION" or "PROCEDURE";
        }

        /// <summary>The token's text as a name, upper case: a word, or a quoted identifier without its quotes.</summary>
        private string? Name(int i)
        {
            if (i < 0 || i >= _tokens.Count)
            {
                return null;
            }

            var token = _tokens[i];
            return token.Kind switch
            {
                SqlTokenKind.Word => token.TextIn(_text).ToUpperInvariant(),
                SqlTokenKind.QuotedIdentifier when token.Length >= 2 && !token.Unterminated => _text.Substring(token.Start + 1, token.Length - 2).ToUpperInvariant(),
                _ => null,
            };
        }

        private string? StringContent(int i) =>
            i < _tokens.Count && _tokens[i].Kind == SqlTokenKind.String && Inside(_tokens[i]) is { } inside ? _text[inside.Start..inside.End] : null;

        /// <summary>The span of a string's or dollar string's content, without its quotes.</summary>
        private (int Start, int End)? Inside(SqlToken token)
        {
            if (token.Unterminated)
            {
                return null;
            }

            var open = token.Kind == SqlTokenKind.DollarString
                ? (SqlLexer.DollarTag(_text, token.Start)?.Length ?? 1)
                : _text[token.Start] is 'E' or 'e' ? 2 : 1;
            var start = token.Start + open;
            var end = token.End - (token.Kind == SqlTokenKind.DollarString ? open : 1);
            return end >= start ? (start, end) : null;
        }

        private bool IsPunctuation(int i, char c) => i >= 0 && i < _tokens.Count && _tokens[i].IsPunctuation(_text, c);

        private StatementRefusal Server(int i, string reason) => new(DiagnosticCodes.ServerStatementRefused, reason, _tokens[i].Start);

        private StatementRefusal Files(int i, string reason) => new(DiagnosticCodes.ServerFileStatementRefused, reason, _tokens[i].Start);

        private StatementRefusal Role(int i, string reason) => new(DiagnosticCodes.RoleStatementRefused, reason, _tokens[i].Start);
    }
}
