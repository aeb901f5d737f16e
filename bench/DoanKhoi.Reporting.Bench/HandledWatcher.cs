using System.Collections.Concurrent;
using Npgsql;

namespace DoanKhoi.Reporting.Bench;

/// <summary>Tells when reporting's consumer has committed a message: its inbox record commits in the same
/// transaction as the board's tallies it changed, so from then on the board shows it. One query every 25 ms
/// for every message waited on, instead of each timed event asking the gateway again and again: the
/// benchmark's own requests would slow the consumer it measures.</summary>
public sealed class HandledWatcher(string connectionString, string consumer) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _waiting = new();
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public void Start() => _loop = Task.Run(() => LoopAsync(_stop.Token));

    /// <summary>Completes once the message's inbox record is committed.</summary>
    public Task HandledAsync(Guid messageId) =>
        _waiting.GetOrAdd(messageId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    private async Task LoopAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        while (!ct.IsCancellationRequested)
        {
            var ids = _waiting.Keys.ToArray();
            if (ids.Length > 0)
            {
                await using var command = new NpgsqlCommand("SELECT message_id FROM inbox_messages WHERE message_id = ANY(@ids) AND consumer = @consumer", connection);
                command.Parameters.AddWithValue("ids", ids);
                command.Parameters.AddWithValue("consumer", consumer);
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                    if (_waiting.TryRemove(reader.GetGuid(0), out var handled)) handled.SetResult();
            }
            await Task.Delay(25, ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { if (_loop is not null) await _loop; }
        catch (OperationCanceledException) { }
        _stop.Dispose();
    }
}
