using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Migrations.Build.SqlServer.Models;

/// <summary>The <c>.sql</c> files a SQL project (<c>.sqlproj</c>, SDK-style or classic) builds, read from its XML
/// without the SQL project SDK: its <c>Build</c> items (<c>Include</c> with <c>*</c>/<c>**</c> wildcards, minus
/// <c>Remove</c>), plus, unless <c>EnableDefaultSqlItems</c> is false or the project is classic, every <c>.sql</c>
/// file under its folder (bin/ and obj/ excepted), as Microsoft.Build.Sql does. <c>PreDeploy</c>/<c>PostDeploy</c>
/// scripts and <c>None</c> items are not part of the model.</summary>
public static partial class SqlProjectItems
{
    /// <summary>The model's files, in a stable order.</summary>
    /// <exception cref="InvalidDataException">The project file is not readable XML.</exception>
    public static IReadOnlyList<string> Read(string projectFile)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(projectFile, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            throw new InvalidDataException($"The SQL project '{projectFile}' is not valid XML: {e.Message}", e);
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(projectFile))!;
        var elements = document.Descendants().ToList();
        var isSdkStyle = document.Root?.Attribute("Sdk") is not null || elements.Any(e => e.Name.LocalName == "Sdk");
        var defaults = elements.LastOrDefault(e => e.Name.LocalName == "EnableDefaultSqlItems")?.Value.Trim();
        var files = new SortedSet<string>(StringComparer.Ordinal);
        if (isSdkStyle && !string.Equals(defaults, "false", StringComparison.OrdinalIgnoreCase))
        {
            files.UnionWith(Expand(folder, "**/*.sql"));
        }

        // Items in document order: an Include adds, a Remove takes away (also from the default glob).
        var excluded = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var item in elements.Where(e => e.Name.LocalName is "Build" or "PreDeploy" or "PostDeploy" or "None"))
        {
            var isBuild = item.Name.LocalName == "Build";
            if (item.Attribute("Include")?.Value is { } include)
            {
                var matched = Patterns(include).SelectMany(p => Expand(folder, p));
                if (isBuild)
                {
                    files.UnionWith(matched);
                }
                else
                {
                    excluded.UnionWith(matched);
                }
            }

            if (item.Attribute("Remove")?.Value is { } remove)
            {
                files.ExceptWith(Patterns(remove).SelectMany(p => Expand(folder, p)));
            }
        }

        files.ExceptWith(excluded);
        return [.. files];
    }

    private static IEnumerable<string> Patterns(string list) =>
        list.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => p.Replace('\\', '/'));

    private static IEnumerable<string> Expand(string folder, string pattern)
    {
        if (!pattern.Contains('*', StringComparison.Ordinal) && !pattern.Contains('?', StringComparison.Ordinal))
        {
            var single = Path.GetFullPath(Path.Combine(folder, pattern));
            return File.Exists(single) ? [single] : [];
        }

        var matcher = Glob(pattern);
        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => (Full: f, Relative: Path.GetRelativePath(folder, f).Replace('\\', '/')))
            .Where(f => !f.Relative.StartsWith("bin/", StringComparison.OrdinalIgnoreCase) && !f.Relative.StartsWith("obj/", StringComparison.OrdinalIgnoreCase))
            .Where(f => matcher.IsMatch(f.Relative))
            .Select(f => f.Full);
    }

    /// <summary>An MSBuild wildcard as a regular expression: <c>**/</c> any folders, <c>*</c> within a name, <c>?</c> one character.</summary>
    private static Regex Glob(string pattern)
    {
        var text = Regex.Escape(pattern)
            .Replace(@"\*\*/", "(.*/)?", StringComparison.Ordinal)
            .Replace(@"\*\*", ".*", StringComparison.Ordinal)
            .Replace(@"\*", "[^/]*", StringComparison.Ordinal)
            .Replace(@"\?", "[^/]", StringComparison.Ordinal);
        return new Regex($"^{text}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }
}
