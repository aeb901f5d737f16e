using Microsoft.Extensions.DependencyInjection;

namespace DoanKhoi.Messaging.Bench;

/// <summary>A dispatcher the benchmark measures: the outbox's own, or another put in its place.</summary>
/// <param name="Replace">Swaps the registered dispatcher for another; null keeps the outbox's own.</param>
public sealed record Dispatcher(string Name, int BatchSize, Action<IServiceCollection>? Replace = null)
{
    public static IEnumerable<Dispatcher> All(BenchSettings settings) => [new("outbox", settings.BatchSize)];
}
