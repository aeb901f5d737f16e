using DoanKhoi.Web.Infrastructure;

namespace DoanKhoi.Web.Clients;

/// <summary>The identity service through the gateway: the person's own account, and the accounts the bloc office keeps.</summary>
public sealed class IdentityClient(HttpClient http, PortalSession session) : GatewayClient(http, session, "identity")
{
    public Task<Account> MeAsync(CancellationToken ct = default) => GetAsync<Account>("me", ct);

    public Task<List<Account>> AccountsAsync(string? q = null, CancellationToken ct = default) => GetAsync<List<Account>>("accounts" + Query(("q", q)), ct);

    public Task<Account> CreateAccountAsync(string? userName, string? displayName, string? email, string? password, IReadOnlyList<string> posts, CancellationToken ct = default) =>
        SendAsync<Account>(HttpMethod.Post, "accounts", new { userName, displayName, email, password, posts }, ct);

    public Task<Account> SetPostsAsync(Guid id, IReadOnlyList<string> posts, CancellationToken ct = default) =>
        SendAsync<Account>(HttpMethod.Put, $"accounts/{id}/posts", new { posts }, ct);

    public Task<Account> LockAsync(Guid id, CancellationToken ct = default) => SendAsync<Account>(HttpMethod.Post, $"accounts/{id}/lock", null, ct);

    public Task<Account> UnlockAsync(Guid id, CancellationToken ct = default) => SendAsync<Account>(HttpMethod.Post, $"accounts/{id}/unlock", null, ct);
}

public sealed record Account(Guid Id, string UserName, string DisplayName, string? Email, IReadOnlyList<string> Posts, bool Locked);
