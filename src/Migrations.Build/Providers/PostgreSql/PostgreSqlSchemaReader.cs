using Migrations.Build.Schema;
using Npgsql;

namespace Migrations.Build.Providers.PostgreSql;

/// <summary>Reflects a PostgreSQL database from its catalogs into the provider-neutral schema model.</summary>
/// <remarks>
/// All catalog queries (<c>Catalog/*.sql</c>) go to the server in one batch: one round trip, one snapshot.
/// Every schema except pg_catalog, information_schema, pg_toast and temporary schemas is read; objects that belong
/// to an extension are left out (the extension itself is reported). What is not compared is listed in
/// <see cref="PostgreSqlCapabilities"/>.
/// </remarks>
internal static class PostgreSqlSchemaReader
{
    public static async Task<DatabaseSchema> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        var results = new Dictionary<string, List<CatalogRow>>(StringComparer.Ordinal);
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            foreach (var (_, sql) in CatalogQueries.All)
            {
                batch.BatchCommands.Add(new NpgsqlBatchCommand(sql));
            }

            await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var first = true;
            foreach (var (name, _) in CatalogQueries.All)
            {
                if (!first)
                {
                    await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                }

                first = false;
                results[name] = await CatalogRow.ReadAllAsync(reader, cancellationToken).ConfigureAwait(false);
            }
        }

        return PostgreSqlNormalizer.Normalize(CatalogAssembler.Assemble(results));
    }
}
