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

    /// <summary>Revokes every token of the signed-in person and ends their sign-ins on every device.</summary>
    public Task SignOutEverywhereAsync(CancellationToken ct = default) => SendAsync(HttpMethod.Post, "me/sign-out-everywhere", null, ct);

    /// <summary>A unit's members and where each stands with their account.</summary>
    public Task<List<MemberAccount>> MemberAccountsAsync(Guid unitId, CancellationToken ct = default) =>
        GetAsync<List<MemberAccount>>("member-accounts" + Query(("unitId", unitId)), ct);

    /// <summary>Gives the listed members (or, with none listed, every member of the unit without one) an account
    /// and a one-time code, answered only this once.</summary>
    public Task<MemberAccountsIssued> IssueMemberAccountsAsync(Guid unitId, IReadOnlyList<Guid>? memberIds, CancellationToken ct = default) =>
        SendAsync<MemberAccountsIssued>(HttpMethod.Post, "member-accounts",
            memberIds is { Count: > 0 } ? new { memberIds } : new { unitId }, ct);
}

public sealed record Account(Guid Id, string UserName, string DisplayName, string? Email, IReadOnlyList<string> Posts, bool Locked);

public sealed record MemberAccount(Guid MemberId, string FullName, Guid? BranchId, string MemberStatus, string Account, string? UserName, DateTimeOffset? CodeExpiresAt);

public sealed record IssuedMemberAccount(Guid MemberId, string FullName, string UserName, string Code, DateTimeOffset ExpiresAt, string ExpiresOn);

public sealed record MemberAccountsIssued(string SignInAddress, IReadOnlyList<IssuedMemberAccount> Accounts);
