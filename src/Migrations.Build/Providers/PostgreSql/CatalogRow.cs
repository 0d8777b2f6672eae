using Npgsql;

namespace Migrations.Build.Providers.PostgreSql;

/// <summary>One row of a catalog query, read by column name so the .sql files can stay readable.</summary>
internal sealed class CatalogRow
{
    private readonly Dictionary<string, object?> _values;

    private CatalogRow(Dictionary<string, object?> values) => _values = values;

    public string String(string column) => (string)(_values[column] ?? throw new InvalidOperationException($"Catalog column {column} is null."));

    public string? NullableString(string column) => _values[column] as string;

    public bool Boolean(string column) => _values[column] is true;

    public long Int64(string column) => Convert.ToInt64(_values[column], System.Globalization.CultureInfo.InvariantCulture);

    public string[] StringArray(string column) => _values[column] as string[] ?? [];

    /// <summary>Reads the current result set to its end.</summary>
    public static async Task<List<CatalogRow>> ReadAllAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var rows = new List<CatalogRow>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var values = new Dictionary<string, object?>(reader.FieldCount, StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                values[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(new CatalogRow(values));
        }

        return rows;
    }
}
