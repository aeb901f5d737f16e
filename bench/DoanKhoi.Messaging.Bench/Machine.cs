using System.Runtime.InteropServices;
using Npgsql;
using RabbitMQ.Client;

namespace DoanKhoi.Messaging.Bench;

/// <summary>What the figures were measured on.</summary>
public static class Machine
{
    public static async Task<string> DescribeAsync(Servers servers)
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return $"""
            DoanKhoi outbox benchmark, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC
            machine: {Environment.ProcessorCount} cores ({cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}), {memory:0.0} GiB, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; load average {LoadAverage()}
            servers: PostgreSQL {await PostgresAsync(servers.Postgres)}; RabbitMQ {await RabbitMqAsync(servers.RabbitMq)}; all on this machine (loopback)
            """;
    }

    /// <summary>The 1-, 5- and 15-minute load averages: the machine may be shared.</summary>
    public static string LoadAverage() => File.Exists("/proc/loadavg")
        ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3))
        : "unknown";

    private static async Task<string> PostgresAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_setting('server_version') || ', fsync ' || current_setting('fsync')", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<string> RabbitMqAsync(string uri)
    {
        var factory = new ConnectionFactory { Uri = new Uri(uri) };
        await using var connection = await factory.CreateConnectionAsync();
        return connection.ServerProperties?.TryGetValue("version", out var version) == true && version is byte[] bytes
            ? System.Text.Encoding.UTF8.GetString(bytes)
            : "(version unknown)";
    }
}
