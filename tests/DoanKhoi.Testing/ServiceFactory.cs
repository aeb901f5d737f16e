using DoanKhoi.Security;
using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DoanKhoi.Testing;

/// <summary>A service over a real PostgreSQL database of its own. The bus is MassTransit's in-memory
/// harness: the tests see what the outbox dispatcher publishes and can hand the consumers messages.
/// The service trusts <see cref="TestTokens"/>; <c>CreateClient()</c> carries a bloc-office token,
/// <c>CreateClient().As(post)</c> another one, <c>.Anonymous()</c> none.</summary>
public abstract class ServiceFactory<TEntryPoint>(string databaseName) : WebApplicationFactory<TEntryPoint>, IAsyncLifetime
    where TEntryPoint : class
{
    public PostgresDatabase Database { get; } = new();

    /// <summary>Settings on top of the test ones, e.g. Demo:Load.</summary>
    public Dictionary<string, string?> Settings { get; init; } = [];

    public ITestHarness Harness => Services.GetRequiredService<ITestHarness>();

    /// <summary>Every delivery the consumers finished, duplicates included.</summary>
    public DeliveryCounter Deliveries { get; } = new();

    private List<Type> _consumers = [];

    /// <summary>How many of the service's consumers take <paramref name="messageType"/> (alone or in batches): a
    /// message is delivered to each of their endpoints.</summary>
    public int EndpointsFor(Type messageType) => Math.Max(1, _consumers.Count(c => c.GetInterfaces().Any(i =>
        i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>)
        && (i.GenericTypeArguments[0] == messageType || i.GenericTypeArguments[0] == typeof(Batch<>).MakeGenericType(messageType)))));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting($"ConnectionStrings:{databaseName}", Database.ConnectionString);
        builder.UseSetting("ConnectionStrings:messaging", "amqp://unused:unused@127.0.0.1:1");
        builder.UseSetting("Messaging:OutboxPollInterval", "00:00:00.200");
        builder.UseSetting("Identity:Issuer", TestTokens.Issuer);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            // MassTransit registers each consumer in the container: each has an endpoint of its own here.
            _consumers = services.Select(d => d.ServiceType)
                .Where(t => typeof(IConsumer).IsAssignableFrom(t) && t is { IsInterface: false, IsAbstract: false, IsGenericTypeDefinition: false })
                .Distinct().ToList();
            services.AddMassTransitTestHarness(bus => bus.AddConsumeObserver(_ => Deliveries));
            services.TrustTestTokens();
        });
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.As(Post.Bloc(Role.BlocOffice));
    }

    /// <summary>Waits (up to 30 s, polling) until the outbox dispatcher has published a <typeparamref name="T"/>
    /// that matches; the harness's own Any gives up once the bus looks idle, which a busy machine's
    /// dispatcher can outlast.</summary>
    public async Task<bool> PublishedAsync<T>(Func<T, bool> match) where T : class
    {
        try
        {
            await Eventually.Until(() => Task.FromResult(Harness.Published.Select<T>().Any(m => match(m.Context.Message))),
                TimeSpan.FromSeconds(30), $"a {typeof(T).Name} published");
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Publishes as the outbox does (the message id set) and waits until the consumer is done
    /// with this delivery; fails if the consumer failed.</summary>
    public Task DeliverAsync<T>(T message, Guid? messageId = null) where T : class =>
        DeliverTogetherAsync((message, messageId ?? Guid.NewGuid()));

    /// <summary>Publishes <paramref name="messages"/> one after the other without waiting, as the outbox
    /// publishes a batch of events (a message id given twice is a redelivery), then waits until every
    /// consumer that takes it is done with every delivery; fails if one failed any.</summary>
    public async Task DeliverTogetherAsync(params (object Message, Guid Id)[] messages)
    {
        var expected = messages.GroupBy(m => m.Id)
            .ToDictionary(g => g.Key, g => Deliveries.Count(g.Key) + g.Count() * EndpointsFor(g.First().Message.GetType()));
        foreach (var (message, id) in messages)
            await Harness.Bus.Publish(message, message.GetType(), Pipe.Execute<PublishContext>(context => context.MessageId = id));
        await Eventually.Until(() => Task.FromResult(expected.All(e => Deliveries.Count(e.Key) >= e.Value)), what: $"{messages.Length} messages consumed");
        Assert.All(expected.Keys, id => Assert.Null(Deliveries.LastFault(id)));
    }

    public Task InitializeAsync() => Database.InitializeAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }
}

/// <summary>Counts each finished delivery by message id; MassTransit's harness lists a message id once.</summary>
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
