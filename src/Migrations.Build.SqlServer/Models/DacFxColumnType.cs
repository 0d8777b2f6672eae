using System.Globalization;
using Microsoft.SqlServer.Dac.Model;

namespace Migrations.Build.SqlServer.Models;

/// <summary>A column's type as SQL Server prints it: <c>nvarchar(100)</c>, <c>varchar(max)</c>, <c>decimal(18,2)</c>,
/// <c>datetime2(7)</c>, or the name of an alias type (<c>dbo.email</c>).</summary>
internal static class DacFxColumnType
{
    private static readonly HashSet<string> WithLength = new(StringComparer.OrdinalIgnoreCase) { "char", "varchar", "nchar", "nvarchar", "binary", "varbinary" };
    private static readonly HashSet<string> WithPrecisionAndScale = new(StringComparer.OrdinalIgnoreCase) { "decimal", "numeric" };
    private static readonly HashSet<string> WithScaleOnly = new(StringComparer.OrdinalIgnoreCase) { "datetime2", "time", "datetimeoffset" };

    public static string Of(TSqlObject column, ModelPropertyClass length, ModelPropertyClass precision, ModelPropertyClass scale, ModelPropertyClass isMax, ModelRelationshipClass dataType)
    {
        var type = column.GetReferenced(dataType).FirstOrDefault();
        if (type is null)
        {
            return "?";
        }

        var isUserDefined = type.Name.Parts.Count > 1 && !type.Name.Parts[0].Equals("sys", StringComparison.OrdinalIgnoreCase);
        var name = isUserDefined ? DacFxNames.Of(type).ToString() : type.Name.Parts[^1].ToLowerInvariant();
        if (isUserDefined)
        {
            return name;
        }

        if (WithLength.Contains(name))
        {
            var max = column.GetProperty<bool>(isMax);
            var size = column.GetProperty<int>(length);
            return max ? $"{name}(max)" : $"{name}({(size == 0 ? 1 : size).ToString(CultureInfo.InvariantCulture)})";
        }

        if (WithPrecisionAndScale.Contains(name))
        {
            var p = column.GetProperty<int>(precision);
            var s = column.GetProperty<int>(scale);
            return $"{name}({(p == 0 ? 18 : p).ToString(CultureInfo.InvariantCulture)},{s.ToString(CultureInfo.InvariantCulture)})";
        }

        if (WithScaleOnly.Contains(name))
        {
            // An unwritten scale is 7 (DacFx reports 0 for it only when it was written as 0).
            var s = column.GetProperty<int>(scale);
            return $"{name}({s.ToString(CultureInfo.InvariantCulture)})";
        }

        return name;
    }
}
