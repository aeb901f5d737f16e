using OpenIddict.Abstractions;

namespace DoanKhoi.Identity.Infrastructure;

/// <summary>Deletes what OpenIddict no longer needs (redeemed codes, expired or revoked tokens and the
/// authorizations left without tokens) once they are two weeks old, every hour.</summary>
public sealed class TokenPruner(IServiceScopeFactory scopes, TimeProvider clock, ILogger<TokenPruner> logger) : BackgroundService
{
    public static readonly TimeSpan Age = TimeSpan.FromDays(14);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var threshold = clock.GetUtcNow() - Age;
                var tokens = await scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>().PruneAsync(threshold, stoppingToken);
                var authorizations = await scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>().PruneAsync(threshold, stoppingToken);
                if (tokens + authorizations > 0) logger.LogInformation("Pruned {Tokens} tokens and {Authorizations} authorizations", tokens, authorizations);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Pruning spent tokens failed; trying again in an hour");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
