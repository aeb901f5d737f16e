using System.Threading.Channels;
using DoanKhoi.Contracts.Gateway;
using DoanKhoi.Security;
using MassTransit;

namespace DoanKhoi.Gateway;

/// <summary>The requests the gateway refuses (401, 403) are logged and sent to the identity service's
/// audit trail. The response never waits for the broker: events queue in memory (at most 1,000; beyond
/// that, or while the broker is away, they are only logged) and a background task publishes them.</summary>
public static class RefusedRequests
{
    public static IHostApplicationBuilder AddRefusedRequestEvents(this IHostApplicationBuilder builder)
    {
        var broker = builder.Configuration.GetConnectionString(ResourceNames.Messaging)
            ?? throw new InvalidOperationException($"The connection string '{ResourceNames.Messaging}' is not set (ConnectionStrings:{ResourceNames.Messaging}).");
        builder.Services.AddMassTransit(bus => bus.UsingRabbitMq((_, rabbit) =>
            rabbit.Host(new Uri(broker), host => host.PublisherConfirmation = true)));
        builder.Services.AddSingleton(Channel.CreateBounded<RequestRefused>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropWrite }));
        builder.Services.AddSingleton<LoggedSecurityEvents>();
        builder.Services.AddSingleton<ISecurityEvents, QueuedSecurityEvents>();
        builder.Services.AddHostedService<RefusalPublisher>();
        return builder;
    }
}

internal sealed class QueuedSecurityEvents(LoggedSecurityEvents log, Channel<RequestRefused> queue, TimeProvider clock) : ISecurityEvents
{
    public async Task RefusedAsync(HttpContext http, int status, string reason)
    {
        await log.RefusedAsync(http, status, reason);
        var caller = new Caller(http.User);
        queue.Writer.TryWrite(new RequestRefused
        {
            Method = http.Request.Method,
            Path = http.Request.Path,
            Status = status,
            Reason = reason,
            Caller = caller.IsAuthenticated ? caller.AuditName : "anonymous",
            ClientAddress = http.Connection.RemoteIpAddress?.ToString(),
            OccurredAt = clock.GetUtcNow(),
        });
    }
}

internal sealed class RefusalPublisher(Channel<RequestRefused> queue, IServiceScopeFactory scopes, ILogger<RefusalPublisher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var refused in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(10));
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IPublishEndpoint>().Publish(refused, timeout.Token);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("A refused request ({Method} {Path}) could not be sent to the audit trail: {Error}", refused.Method, refused.Path, e.Message);
            }
        }
    }
}
