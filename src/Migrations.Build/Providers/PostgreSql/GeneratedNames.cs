using System.Text;

namespace Migrations.Build.Providers.PostgreSql;

/// <summary>The names PostgreSQL gives unnamed constraints and indexes (<c>makeObjectName</c> and
/// <c>ChooseRelationName</c> in its source), to tell a generated name from one the author wrote.</summary>
/// <remarks>The pattern is <c>table_columns_label</c> (<c>users_pkey</c>, <c>leads_owner_id_fkey</c>,
/// <c>users_email_key</c>, <c>users_age_check</c>, <c>users_lower_idx</c>), truncated to 63 bytes by shortening the
/// longer of the table and column parts, with a number after the label when the name was taken (<c>users_email_key1</c>).</remarks>
internal static class GeneratedNames
{
    private const int MaxIdentifierBytes = 63;
    private const int MaxCollisionNumber = 20;

    /// <summary>True when <paramref name="name"/> is what PostgreSQL would have chosen for these parts.</summary>
    public static bool Matches(string name, string table, string? columnPart, string label)
    {
        for (var number = 0; number <= MaxCollisionNumber; number++)
        {
            var numberedLabel = number == 0 ? label : label + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (string.Equals(name, Make(table, columnPart, numberedLabel), StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Column names joined with underscores, the way PostgreSQL builds the middle part of a name.</summary>
    public static string ColumnPart(IEnumerable<string> columns) => string.Join("_", columns);

    /// <summary>Index key names: expressions are called <c>expr</c>, repeated names get a number (<c>expr1</c>).</summary>
    public static string IndexColumnPart(IEnumerable<(string Name, bool IsExpression)> keys)
    {
        var used = new List<string>();
        foreach (var (name, isExpression) in keys)
        {
            var original = isExpression ? "expr" : name;
            var candidate = original;
            for (var i = 1; used.Contains(candidate, StringComparer.Ordinal); i++)
            {
                candidate = original + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            used.Add(candidate);
        }

        return ColumnPart(used);
    }

    private static string Make(string name1, string? name2, string label)
    {
        var overhead = (name2 is null ? 0 : 1) + label.Length + 1;
        var available = MaxIdentifierBytes - overhead;
        var name1Bytes = Encoding.UTF8.GetByteCount(name1);
        var name2Bytes = name2 is null ? 0 : Encoding.UTF8.GetByteCount(name2);
        while (name1Bytes + name2Bytes > available)
        {
            if (name1Bytes > name2Bytes)
            {
                name1Bytes--;
            }
            else
            {
                name2Bytes--;
            }
        }

        var result = Clip(name1, name1Bytes);
        if (name2 is not null)
        {
            result += "_" + Clip(name2, name2Bytes);
        }

        return result + "_" + label;
    }

    /// <summary>The longest prefix of whole characters that fits in <paramref name="bytes"/> UTF-8 bytes.</summary>
    private static string Clip(string text, int bytes)
    {
        var length = 0;
        var used = 0;
        while (length < text.Length)
        {
            var step = char.IsSurrogatePair(text, length) ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(text.AsSpan(length, step));
            if (used + size > bytes)
            {
                break;
            }

            used += size;
            length += step;
        }

        return text[..length];
    }
}
