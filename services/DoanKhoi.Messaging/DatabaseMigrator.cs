using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DoanKhoi.Messaging;

/// <summary>Applies the service's EF Core migrations before anything else starts (the bus, the
/// dispatcher, the web server), creating the database on first start.</summary>
public sealed class DatabaseMigrator<TContext>(IServiceScopeFactory scopes, ILogger<DatabaseMigrator<TContext>> logger) : IHostedService
    where TContext : DbContext
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The server may still be starting when the service does (outside the AppHost nothing waits for it).
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TContext>();
                var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
                await db.Database.MigrateAsync(cancellationToken);
                if (pending.Count > 0) logger.LogInformation("Applied migrations {Migrations} to {Context}", pending, typeof(TContext).Name);
                return;
            }
            catch (Exception e) when (attempt < 30 && IsTransient(e) && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("The database of {Context} is not reachable yet (attempt {Attempt}): {Error}", typeof(TContext).Name, attempt, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static bool IsTransient(Exception e) =>
        e is Npgsql.NpgsqlException { IsTransient: true } or System.Net.Sockets.SocketException or TimeoutException
        || e.InnerException is { } inner && IsTransient(inner)
        || e is Npgsql.PostgresException { SqlState: "57P03" }; // the database system is starting up
}
