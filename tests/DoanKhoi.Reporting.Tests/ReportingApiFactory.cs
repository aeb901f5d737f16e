using DoanKhoi.Testing;
using MassTransit;

namespace DoanKhoi.Reporting.Tests;

public sealed class ReportingApiFactory() : ServiceFactory<Program>(ResourceNames.ReportingDb)
{
    /// <summary>Publishes as the outbox does (the message id set) and waits until the consumer is done
    /// with this delivery; fails if the consumer failed.</summary>
    public async Task DeliverAsync<T>(T message, Guid? messageId = null) where T : class
    {
        var id = messageId ?? Guid.NewGuid();
        var before = Deliveries.Count(id);
        await Harness.Bus.Publish(message, context => context.MessageId = id);
        await Eventually.Until(() => Task.FromResult(Deliveries.Count(id) > before), what: $"{typeof(T).Name} {id} consumed");
        Assert.Null(Deliveries.LastFault(id));
    }
}
