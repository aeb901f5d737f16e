using System.Net;
using System.Text;
using DoanKhoi.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace DoanKhoi.Web.Tests;

/// <summary>The tokens a person's session keeps on the portal's server: renewed once before they expire,
/// however many parts of a page ask at once; a refused renewal ends the session; signing out revokes.</summary>
public class SessionTokensTests
{
    private const string TokenEndpoint = "http://gateway.test/api/identity/connect/token";
    private const string RevocationEndpoint = "http://gateway.test/api/identity/connect/revoke";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 3, 0, 0, TimeSpan.Zero));
    private readonly IdentityService _identity = new();
    private readonly SessionTokens _tokens;

    public SessionTokensTests()
    {
        var configuration = new OpenIdConnectConfiguration { TokenEndpoint = TokenEndpoint };
        configuration.AdditionalData["revocation_endpoint"] = RevocationEndpoint;
        var options = new OpenIdConnectOptions
        {
            ClientId = "doankhoi-web",
            ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration),
            Backchannel = new HttpClient(_identity),
        };
        _tokens = new SessionTokens(new FixedOptions(options), _clock, NullLogger<SessionTokens>.Instance);
    }

    private string Start(TimeSpan expiresIn) =>
        _tokens.Start("account-1", new SessionTokens.Tokens("access-1", "refresh-1", "id-1", _clock.GetUtcNow() + expiresIn));

    [Fact]
    public void Signing_out_everywhere_forgets_every_session_of_the_person_and_no_one_else_s()
    {
        var phone = Start(TimeSpan.FromMinutes(10));
        var laptop = Start(TimeSpan.FromMinutes(10));
        var colleague = _tokens.Start("account-2", new SessionTokens.Tokens("access-2", "refresh-2", "id-2", _clock.GetUtcNow().AddMinutes(10)));

        Assert.Equal(2, _tokens.EndAll("account-1"));

        Assert.False(_tokens.IsActive(phone));
        Assert.False(_tokens.IsActive(laptop));
        Assert.True(_tokens.IsActive(colleague));
    }

    [Fact]
    public async Task A_fresh_access_token_is_given_without_asking_the_identity_service()
    {
        var key = Start(TimeSpan.FromMinutes(10));

        Assert.Equal("access-1", await _tokens.AccessTokenAsync(key, default));
        Assert.Empty(_identity.Requests);
    }

    [Fact]
    public async Task A_token_about_to_expire_is_renewed_once_however_many_ask_at_the_same_time()
    {
        var key = Start(TimeSpan.FromMinutes(10));
        _clock.Advance(TimeSpan.FromMinutes(9.5));
        _identity.Answer = _ => Json("""{"access_token":"access-2","refresh_token":"refresh-2","expires_in":600,"token_type":"Bearer"}""");

        var tokens = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => _tokens.AccessTokenAsync(key, default)));

        Assert.All(tokens, t => Assert.Equal("access-2", t));
        var refresh = Assert.Single(_identity.Requests);
        Assert.Equal(TokenEndpoint, refresh.Url);
        Assert.Contains("grant_type=refresh_token", refresh.Form);
        Assert.Contains("refresh_token=refresh-1", refresh.Form);
        Assert.Equal("account-1", refresh.Caller);

        // The renewed refresh token is the one used next time.
        _clock.Advance(TimeSpan.FromMinutes(9.5));
        _identity.Answer = _ => Json("""{"access_token":"access-3","expires_in":600,"token_type":"Bearer"}""");
        Assert.Equal("access-3", await _tokens.AccessTokenAsync(key, default));
        Assert.Contains("refresh_token=refresh-2", _identity.Requests[^1].Form);
    }

    [Fact]
    public async Task A_refused_renewal_ends_the_session()
    {
        var key = Start(TimeSpan.FromSeconds(30));
        _identity.Answer = _ => new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent("""{"error":"invalid_grant"}""", Encoding.UTF8, "application/json") };

        Assert.Null(await _tokens.AccessTokenAsync(key, default));
        Assert.False(_tokens.IsActive(key));
    }

    [Fact]
    public async Task While_the_identity_service_is_down_the_session_lives_on()
    {
        var key = Start(TimeSpan.FromSeconds(30));
        _identity.Answer = _ => throw new HttpRequestException("connection refused");

        await Assert.ThrowsAsync<HttpRequestException>(() => _tokens.AccessTokenAsync(key, default));
        Assert.True(_tokens.IsActive(key));
    }

    [Fact]
    public async Task Ending_a_session_revokes_its_refresh_token_and_forgets_it()
    {
        var key = Start(TimeSpan.FromMinutes(10));
        _identity.Answer = _ => new HttpResponseMessage(HttpStatusCode.OK);

        await _tokens.EndAsync(key, default);

        var revoke = Assert.Single(_identity.Requests);
        Assert.Equal(RevocationEndpoint, revoke.Url);
        Assert.Contains("token=refresh-1", revoke.Form);
        Assert.False(_tokens.IsActive(key));
        Assert.Null(await _tokens.AccessTokenAsync(key, default));
    }

    [Fact]
    public void A_session_nobody_used_for_a_working_day_is_forgotten()
    {
        var idle = Start(TimeSpan.FromMinutes(10));
        _clock.Advance(SessionTokens.IdleLifetime + TimeSpan.FromMinutes(11));

        Start(TimeSpan.FromMinutes(10));

        Assert.False(_tokens.IsActive(idle));
    }

    private static HttpResponseMessage Json(string body) =>
        new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    public sealed record Seen(string Url, string Form, string? Caller);

    /// <summary>The identity service's token endpoint as the portal's backchannel reaches it.</summary>
    private sealed class IdentityService : HttpMessageHandler
    {
        public List<Seen> Requests { get; } = [];
        public Func<HttpRequestMessage, HttpResponseMessage> Answer { get; set; } = _ => new HttpResponseMessage(HttpStatusCode.InternalServerError);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var form = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            lock (Requests) Requests.Add(new Seen(request.RequestUri!.ToString(), form, request.Options.TryGetValue(FrontEndCallerHandler.Caller, out var c) ? c : null));
            await Task.Delay(20, cancellationToken);
            return Answer(request);
        }
    }

    private sealed class FixedOptions(OpenIdConnectOptions options) : IOptionsMonitor<OpenIdConnectOptions>
    {
        public OpenIdConnectOptions CurrentValue => options;
        public OpenIdConnectOptions Get(string? name) => options;
        public IDisposable? OnChange(Action<OpenIdConnectOptions, string?> listener) => null;
    }
}
