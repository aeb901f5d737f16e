using DoanKhoi.Testing;
using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace DoanKhoi.Reporting.Tests;

/// <summary>The reporting service over a real PostgreSQL database of its own; the bus is MassTransit's
/// in-memory harness, so the tests hand its consumer messages directly.</summary>
public sealed class ReportingApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public PostgresDatabase Database { get; } = new();

    /// <summary>Settings on top of the test ones, e.g. Demo:Load.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    public ITestHarness Harness => Services.GetRequiredService<ITestHarness>();

    /// <summary>Every delivery the consumers finished, duplicates included.</summary>
    public DeliveryCounter Deliveries { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:reportingdb", Database.ConnectionString);
        builder.UseSetting("ConnectionStrings:messaging", "amqp://guest:guest@127.0.0.1:1");
        builder.UseSetting("Messaging:OutboxPollInterval", "00:00:00.200");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services => services.AddMassTransitTestHarness(bus => bus.AddConsumeObserver(_ => Deliveries)));
    }

    public Task InitializeAsync() => Database.InitializeAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }
}

public sealed class DeliveryCounter : IConsumeObserver
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, (int Count, Exception? Fault)> _deliveries = new();

    public int Count(Guid messageId) => _deliveries.TryGetValue(messageId, out var d) ? d.Count : 0;

    public Exception? LastFault(Guid messageId) => _deliveries.TryGetValue(messageId, out var d) ? d.Fault : null;

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class => Record(context, null);

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Record(context, exception);

    private Task Record(ConsumeContext context, Exception? fault)
    {
        if (context.MessageId is { } id) _deliveries.AddOrUpdate(id, (1, fault), (_, d) => (d.Count + 1, fault));
        return Task.CompletedTask;
    }
}
