using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace DoanKhoi.Web.Infrastructure;

/// <summary>The tokens of each signed-in person, kept on the portal's server and never sent to the
/// browser: the cookie holds who the person is and the key of their session (<see cref="SessionClaim"/>).
/// An access token about to expire is refreshed once, whoever asks for it first (a page, a grid, a
/// download), so a refresh token is never spent twice. A session whose refresh is refused (the account
/// was locked, the person signed out elsewhere) ends: the next page asks them to sign in again.
/// Sessions live in memory: after a restart a person goes through the identity service again, which
/// still knows them, so they only see a redirect.</summary>
public sealed class SessionTokens(IOptionsMonitor<OpenIdConnectOptions> oidc, TimeProvider clock, ILogger<SessionTokens> logger)
{
    /// <summary>The claim of the portal's cookie that names the session.</summary>
    public const string SessionClaim = "doankhoi:session";

    /// <summary>How long before it expires an access token is replaced.</summary>
    public static readonly TimeSpan RefreshBefore = TimeSpan.FromSeconds(60);

    /// <summary>A session nobody used for this long is forgotten (the cookie lasts as long).</summary>
    public static readonly TimeSpan IdleLifetime = TimeSpan.FromHours(8);

    private readonly ConcurrentDictionary<string, Session> _sessions = new(StringComparer.Ordinal);
    private DateTimeOffset _nextSweep;

    public sealed record Tokens(string AccessToken, string? RefreshToken, string? IdToken, DateTimeOffset ExpiresAt);

    private sealed class Session(string accountId, Tokens tokens, DateTimeOffset now)
    {
        public string AccountId { get; } = accountId;
        public Tokens Tokens { get; set; } = tokens;
        public DateTimeOffset LastUsed { get; set; } = now;
        public SemaphoreSlim Gate { get; } = new(1, 1);
    }

    /// <summary>Keeps the tokens of a person who just signed in; returns the key of their session.</summary>
    public string Start(string accountId, Tokens tokens)
    {
        Sweep();
        var key = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        _sessions[key] = new Session(accountId, tokens, clock.GetUtcNow());
        return key;
    }

    public bool IsActive(string? key) => key is not null && _sessions.ContainsKey(key);

    public string? IdToken(string? key) => key is not null && _sessions.TryGetValue(key, out var s) ? s.Tokens.IdToken : null;

    /// <summary>A valid access token of the session, refreshed if it is about to expire; null when the
    /// session has ended. Throws <see cref="HttpRequestException"/> when the identity service cannot be reached.</summary>
    public async Task<string?> AccessTokenAsync(string? key, CancellationToken ct)
    {
        if (key is null || !_sessions.TryGetValue(key, out var session)) return null;
        session.LastUsed = clock.GetUtcNow();
        if (Fresh(session.Tokens)) return session.Tokens.AccessToken;
        await session.Gate.WaitAsync(ct);
        try
        {
            if (Fresh(session.Tokens)) return session.Tokens.AccessToken;
            var refreshed = session.Tokens.RefreshToken is { } refreshToken ? await RefreshAsync(session.AccountId, refreshToken, session.Tokens.IdToken, ct) : null;
            if (refreshed is null)
            {
                _sessions.TryRemove(key, out _);
                return null;
            }
            session.Tokens = refreshed;
            return refreshed.AccessToken;
        }
        finally
        {
            session.Gate.Release();
        }
    }

    /// <summary>Ends a session: forgets its tokens and asks the identity service to revoke its refresh token.</summary>
    public async Task EndAsync(string? key, CancellationToken ct)
    {
        if (key is null || !_sessions.TryRemove(key, out var session) || session.Tokens.RefreshToken is not { } refreshToken) return;
        try
        {
            var (options, configuration) = await ConfigurationAsync(ct);
            if (configuration.AdditionalData.TryGetValue("revocation_endpoint", out var endpoint) && endpoint?.ToString() is { Length: > 0 } revocation)
                using (await options.Backchannel.SendAsync(Post(revocation, session.AccountId, new()
                {
                    ["token"] = refreshToken, ["token_type_hint"] = "refresh_token", ["client_id"] = options.ClientId!,
                }), ct)) { }
        }
        catch (HttpRequestException e)
        {
            // The session is over here all the same; its refresh token expires on its own.
            logger.LogWarning(e, "The refresh token of a session that ended could not be revoked");
        }
    }

    /// <summary>Forgets every session of <paramref name="accountId"/> in this portal at once (after identity
    /// revoked all their tokens: signing out everywhere).</summary>
    public int EndAll(string accountId)
    {
        var ended = 0;
        foreach (var (key, session) in _sessions)
            if (session.AccountId == accountId && _sessions.TryRemove(key, out _)) ended++;
        return ended;
    }

    private bool Fresh(Tokens tokens) => tokens.ExpiresAt - clock.GetUtcNow() > RefreshBefore;

    private async Task<Tokens?> RefreshAsync(string accountId, string refreshToken, string? idToken, CancellationToken ct)
    {
        var (options, configuration) = await ConfigurationAsync(ct);
        using var response = await options.Backchannel.SendAsync(Post(configuration.TokenEndpoint, accountId, new()
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken, ["client_id"] = options.ClientId!,
        }), ct);
        if ((int)response.StatusCode is >= 400 and < 500)
        {
            logger.LogInformation("A session ended: its refresh was refused ({Status})", (int)response.StatusCode);
            return null;
        }
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenResponse>(ct) ?? throw new HttpRequestException("The token endpoint answered nothing.");
        return new Tokens(body.AccessToken, body.RefreshToken ?? refreshToken, body.IdToken ?? idToken, clock.GetUtcNow().AddSeconds(body.ExpiresIn));
    }

    /// <summary>A form post to the identity service on behalf of the session's person.</summary>
    private static HttpRequestMessage Post(string url, string accountId, Dictionary<string, string> form)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Options.Set(FrontEndCallerHandler.Caller, accountId);
        return request;
    }

    private async Task<(OpenIdConnectOptions, Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectConfiguration)> ConfigurationAsync(CancellationToken ct)
    {
        var options = oidc.Get(OpenIdConnectDefaults.AuthenticationScheme);
        return (options, await options.ConfigurationManager!.GetConfigurationAsync(ct));
    }

    private void Sweep()
    {
        var now = clock.GetUtcNow();
        if (now < _nextSweep) return;
        _nextSweep = now + TimeSpan.FromMinutes(10);
        foreach (var (key, session) in _sessions)
            if (now - session.LastUsed > IdleLifetime) _sessions.TryRemove(key, out _);
    }

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("refresh_token")] string? RefreshToken,
        [property: JsonPropertyName("id_token")] string? IdToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
