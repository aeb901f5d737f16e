using DoanKhoi.Messaging.Tests;
using Microsoft.Extensions.DependencyInjection;

namespace DoanKhoi.Messaging.Bench;

/// <summary>A dispatcher the benchmark measures: the outbox's own, or another put in its place.</summary>
/// <param name="Replace">Swaps the registered dispatcher for another; null keeps the outbox's own.</param>
public sealed record Dispatcher(string Name, int BatchSize, Action<IServiceCollection>? Replace = null)
{
    /// <summary>The previous dispatcher with its batch size (100), then the outbox's own with each batch size asked for.</summary>
    public static IEnumerable<Dispatcher> All(BenchSettings settings) =>
    [
        new("sequential (previous)", 100, SequentialDispatcher<NotesDbContext>.Replace),
        .. settings.BatchSizes.Select(size => new Dispatcher("batched (outbox)", size)),
    ];
}
