using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace DoanKhoi.Reporting.Bench;

/// <summary>What bulk loading into the reporting database needs: connections for COPY, the secondary
/// indexes dropped for the copy and made again from their own definitions, VACUUM ANALYZE, and a file of SQL
/// to try (--compare-sql).</summary>
public static class BulkLoad
{
    /// <summary>A connection for bulk loading: the rows are made consistent by construction, so triggers
    /// (foreign keys, were there any) are off for it (session_replication_role, the server's superuser).</summary>
    public static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, "SET session_replication_role = replica");
        return connection;
    }

    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = await OpenAsync(connectionString);
        await ExecuteAsync(connection, sql);
    }

    /// <summary>Drops the secondary indexes of <paramref name="tables"/> (not the primary keys, which the
    /// generator fills in key order) and returns their definitions, to make them again after the copy.</summary>
    public static async Task<List<(string Name, string Definition)>> DropIndexesAsync(string connectionString, string[] tables)
    {
        await using var connection = await OpenAsync(connectionString);
        var indexes = new List<(string, string)>();
        await using (var command = new NpgsqlCommand(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = 'public' AND i.tablename = ANY(@tables) " +
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname) ORDER BY i.tablename, i.indexname", connection))
        {
            command.Parameters.AddWithValue("tables", tables);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) indexes.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (name, _) in indexes) await ExecuteAsync(connection, $"DROP INDEX \"{name}\"");
        return indexes;
    }

    /// <summary>Makes the indexes again, one after the other, each timed.</summary>
    public static async Task RebuildAsync(string connectionString, IEnumerable<(string Name, string Definition)> indexes)
    {
        await using var connection = await OpenAsync(connectionString);
        await ExecuteAsync(connection, "SET maintenance_work_mem = '1GB'");
        foreach (var (name, definition) in indexes)
        {
            var one = Stopwatch.StartNew();
            await ExecuteAsync(connection, definition);
            Console.WriteLine($"    {name} made again in {one.Elapsed.TotalSeconds:0.0} s");
        }
    }

    /// <summary>Runs a file of SQL (an index to try), then VACUUM ANALYZE of <paramref name="tables"/>.</summary>
    public static async Task ExecuteFileAsync(string connectionString, string path, string[] tables)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var watch = Stopwatch.StartNew();
        await ExecuteAsync(connection, "SET maintenance_work_mem = '1GB'");
        await ExecuteAsync(connection, await File.ReadAllTextAsync(path));
        await ExecuteAsync(connection, $"VACUUM (ANALYZE) {string.Join(", ", tables)}");
        Console.WriteLine($"    done in {watch.Elapsed.TotalSeconds:0} s");
    }

    public static void WriteOrNull(this NpgsqlBinaryImporter writer, DateOnly? value)
    {
        if (value is { } v) writer.Write(v, NpgsqlDbType.Date);
        else writer.WriteNull();
    }

    public static void WriteOrNull(this NpgsqlBinaryImporter writer, string? value)
    {
        if (value is not null) writer.Write(value, NpgsqlDbType.Varchar);
        else writer.WriteNull();
    }
}
