using DoanKhoi.Messaging.Audit;
using DoanKhoi.Messaging.Outbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DoanKhoi.Messaging;

public static class MessagingExtensions
{
    /// <summary>The connection string name of the broker, shared with the AppHost.</summary>
    public const string BrokerConnectionName = ResourceNames.Messaging;

    /// <summary>Registers the service's DbContext on PostgreSQL (connection string
    /// <paramref name="connectionName"/>) with Aspire's retries, health check and telemetry, the outbox
    /// and audit interceptors, and the migrations applied at start. Call before <see cref="AddMessaging{TContext}"/>.</summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext>(this IHostApplicationBuilder builder, string connectionName)
        where TContext : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"The connection string '{connectionName}' is not set (ConnectionStrings:{connectionName}).");

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<OutboxSignal>();
        builder.Services.TryAddSingleton<OutboxCommitInterceptor>();
        builder.Services.TryAddSingleton<AggregateEventsInterceptor>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.TryAddSingleton<AuditActor>();
        builder.Services.TryAddSingleton<AuditInterceptor>();
        builder.Services.AddDbContext<TContext>((services, options) => ServiceDatabase.Configure(options, connectionString)
            .AddInterceptors(services.GetRequiredService<AggregateEventsInterceptor>(), services.GetRequiredService<AuditInterceptor>(),
                services.GetRequiredService<OutboxCommitInterceptor>()));
        builder.EnrichNpgsqlDbContext<TContext>();

        builder.Services.TryAddSingleton<DoanKhoi.Security.LoggedSecurityEvents>();
        builder.Services.AddSingleton<DoanKhoi.Security.ISecurityEvents, AuditedSecurityEvents<TContext>>();
        builder.Services.AddHostedService<DatabaseMigrator<TContext>>();
        builder.Services.AddExceptionHandler<DatabaseExceptionHandler>();
        return builder;
    }

    /// <summary>Registers MassTransit on RabbitMQ (connection string "messaging") with publisher
    /// confirms, retries with backoff then the _error queue, queues named "<paramref name="service"/>-…",
    /// and the dispatcher of <typeparamref name="TContext"/>'s outbox.</summary>
    public static IHostApplicationBuilder AddMessaging<TContext>(this IHostApplicationBuilder builder, string service, Action<IBusRegistrationConfigurator>? consumers = null)
        where TContext : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(BrokerConnectionName)
            ?? throw new InvalidOperationException($"The connection string '{BrokerConnectionName}' is not set (ConnectionStrings:{BrokerConnectionName}).");

        builder.Services.AddOptions<MessagingOptions>().BindConfiguration("Messaging");
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(service, false));
            consumers?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(connectionString), host => host.PublisherConfirmation = true);
                var settings = context.GetRequiredService<IOptions<MessagingOptions>>().Value;
                rabbit.UseMessageRetry(retry => retry.Exponential(settings.RetryLimit, settings.RetryMinInterval, settings.RetryMaxInterval, settings.RetryDelta));
                rabbit.ConfigureEndpoints(context);
            });
        });
        builder.Services.AddHostedService<OutboxDispatcher<TContext>>();
        return builder;
    }
}
