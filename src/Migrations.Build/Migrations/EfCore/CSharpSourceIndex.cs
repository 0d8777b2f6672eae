using System.Text.RegularExpressions;
using Migrations.Build.Diagnostics;

namespace Migrations.Build.Migrations.EfCore;

/// <summary>Where an EF Core project's classes live in its C# files: each migration's file (through its
/// <c>[Migration("id")]</c> attribute) with its <c>Up</c> and <c>Down</c> methods, and each entity or DbContext class
/// with its properties. Read as text (no compiler): a miss returns null, never a guess.</summary>
public sealed partial class CSharpSourceIndex
{
    private readonly List<(string Path, string[] Lines)> _files;

    private CSharpSourceIndex(List<(string Path, string[] Lines)> files) => _files = files;

    /// <summary>Reads the given files; with none, every <c>.cs</c> file under the project folder outside bin/ and obj/.</summary>
    public static CSharpSourceIndex Read(IReadOnlyCollection<string> files, string projectDirectory)
    {
        var paths = files.Count > 0
            ? files.Where(f => f.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
            : Directory.Exists(projectDirectory)
                ? Directory.EnumerateFiles(projectDirectory, "*.cs", SearchOption.AllDirectories).Where(f => !InBuildOutput(projectDirectory, f))
                : [];
        var read = new List<(string, string[])>();
        foreach (var path in paths.Order(StringComparer.Ordinal))
        {
            try
            {
                read.Add((path, File.ReadAllLines(path)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // An unreadable file places nothing; the finding falls back to another location.
            }
        }

        return new CSharpSourceIndex(read);
    }

    /// <summary>The migration with this id: the file that declares its class with an <c>Up</c> method, and where its
    /// <c>Up</c> and <c>Down</c> methods start.</summary>
    public MigrationSource? FindMigration(string id)
    {
        var attribute = $"[Migration(\"{id}\")]";
        foreach (var (path, lines) in _files)
        {
            var at = Array.FindIndex(lines, l => l.Contains(attribute, StringComparison.Ordinal));
            if (at < 0)
            {
                continue;
            }

            // The class declared after the attribute (in the designer file), then its part with Up and Down.
            var declaration = lines.Skip(at).Select(l => ClassDeclaration().Match(l)).FirstOrDefault(m => m.Success);
            if (declaration is null)
            {
                continue;
            }

            var className = declaration.Groups["name"].Value;
            foreach (var (file, text) in _files)
            {
                if (FindClass(text, className) is not { } classLine)
                {
                    continue;
                }

                var up = FindMethod(text, classLine, "Up");
                if (up is not null)
                {
                    var down = FindMethod(text, classLine, "Down");
                    return new MigrationSource(
                        file,
                        new SourceLocation(file, up.Value.Line, up.Value.Column),
                        down is { } d ? new SourceLocation(file, d.Line, d.Column) : null,
                        File.ReadAllBytes(file))
                    {
                        DownOperations = down is { } m ? MigrationOperations.Read(file, text, m.Line) : [],
                    };
                }
            }
        }

        return null;
    }

    /// <summary>Where the class of this (full or short) name is declared.</summary>
    public SourceLocation? FindClass(string typeName)
    {
        var name = typeName[(typeName.LastIndexOf('.') + 1)..];
        foreach (var (path, lines) in _files)
        {
            if (FindClass(lines, name) is { } line)
            {
                var column = lines[line - 1].IndexOf(name, StringComparison.Ordinal) + 1;
                return new SourceLocation(path, line, column);
            }
        }

        return null;
    }

    /// <summary>Where the property is declared in its class's file, else the class.</summary>
    public SourceLocation? FindProperty(string typeName, string property)
    {
        if (FindClass(typeName) is not { } type)
        {
            return null;
        }

        var lines = _files.First(f => f.Path == type.Path).Lines;
        var pattern = new Regex($@"\b{Regex.Escape(property)}\s*(\{{|=>)");
        for (var i = type.Line - 1; i < lines.Length; i++)
        {
            var match = pattern.Match(lines[i]);
            if (match.Success)
            {
                return new SourceLocation(type.Path, i + 1, match.Index + 1);
            }
        }

        return type;
    }

    private static int? FindClass(string[] lines, string name)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            var match = ClassDeclaration().Match(lines[i]);
            if (match.Success && match.Groups["name"].Value == name)
            {
                return i + 1;
            }
        }

        return null;
    }

    private static (int Line, int Column)? FindMethod(string[] lines, int classLine, string method)
    {
        var pattern = new Regex($@"\bvoid\s+{method}\s*\(\s*MigrationBuilder\b");
        for (var i = classLine; i < lines.Length; i++)
        {
            var match = pattern.Match(lines[i]);
            if (match.Success)
            {
                return (i + 1, lines[i].IndexOf(method, match.Index, StringComparison.Ordinal) + 1);
            }
        }

        return null;
    }

    private static bool InBuildOutput(string projectDirectory, string file)
    {
        var relative = Path.GetRelativePath(projectDirectory, file).Replace('\\', '/');
        return relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\bclass\s+(?<name>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex ClassDeclaration();
}

/// <summary>A migration's C# file, where its Up and Down methods start, and the file's bytes (its lock checksum).</summary>
public sealed record MigrationSource(string Path, SourceLocation Up, SourceLocation? Down, byte[] Bytes)
{
    /// <summary>The operations of the Down method, where each down statement is placed when it names one's object.</summary>
    public IReadOnlyList<MigrationOperation> DownOperations { get; init; } = [];
}
