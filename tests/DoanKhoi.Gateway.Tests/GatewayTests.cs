using System.Net;
using System.Security.Cryptography;
using DoanKhoi.Contracts.Gateway;
using DoanKhoi.Security;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using DoanKhoi.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.IdentityModel.Tokens;

namespace DoanKhoi.Gateway.Tests;

/// <summary>The gateway on its own: every service it routes to is unreachable, and it trusts the test tokens.</summary>
public class GatewayFactory : WebApplicationFactory<Program>
{
    protected virtual int PermitsPerCaller => 1000;
    protected virtual int PermitsPerClient => 1200;

    /// <summary>The key the portal shows the gateway.</summary>
    public const string FrontEndKey = "portal-key-for-the-tests";

    /// <summary>False: the real RabbitMQ transport, towards a broker that is not there.</summary>
    protected virtual bool BrokerHarness => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (_, api, _) in ResourceNames.Services)
            builder.UseSetting($"services:{api}:http:0", $"http://127.0.0.1:{FreePorts.One()}");
        builder.UseSetting("Identity:Issuer", TestTokens.Issuer);
        builder.UseSetting("ConnectionStrings:messaging", "amqp://unused:unused@127.0.0.1:1");
        builder.UseSetting("Gateway:RateLimit:PermitsPerCaller", PermitsPerCaller.ToString());
        builder.UseSetting("Gateway:RateLimit:PermitsPerClient", PermitsPerClient.ToString());
        builder.UseSetting("Gateway:RateLimit:FrontEndKey", FrontEndKey);
        builder.UseSetting("Gateway:RateLimit:Window", "00:10:00");
        builder.UseSetting("Gateway:HealthProbeInterval", "00:10:00");
        builder.ConfigureTestServices(services =>
        {
            services.TrustTestTokens();
            if (BrokerHarness) services.AddMassTransitTestHarness();
        });
    }
}

public class GatewayTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    private static readonly Post Secretary = Post.OnUnit(Guid.NewGuid());

    [Fact]
    public async Task A_service_that_cannot_be_reached_gets_a_problem_naming_it()
    {
        var response = await factory.CreateClient().As(Secretary).GetAsync("/api/activities/movements");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadGateway);
        Assert.Equal("activities", problem.GetProperty("service").GetString());
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task A_path_no_service_serves_is_a_404_problem() =>
        await (await factory.CreateClient().As(Secretary).GetAsync("/api/nowhere/units")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

    public static TheoryData<string, string> BadTokens => new()
    {
        { "none", "needs an access token" },
        { "expired", "has expired" },
        { "signed by another key", "not valid" },
        { "from another issuer", "not valid" },
        { "for another audience", "not valid" },
        { "garbage", "not valid" },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_request_without_a_valid_token_is_refused_with_401_before_it_reaches_a_service(string token, string reason)
    {
        var client = factory.CreateClient();
        var otherKey = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "other" };
        if (token != "none")
            client.As(token switch
            {
                "expired" => TestTokens.Create([Secretary], [Scopes.Read], expires: DateTime.UtcNow.AddMinutes(-5)),
                "signed by another key" => TestTokens.Create([Secretary], [Scopes.Read], key: otherKey),
                "from another issuer" => TestTokens.Create([Secretary], [Scopes.Read], issuer: "http://elsewhere/"),
                "for another audience" => TestTokens.Create([Secretary], [Scopes.Read], audience: "another-api"),
                _ => "not.a.token",
            });

        var response = await client.GetAsync("/api/membership/units");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains(reason, problem.GetProperty("detail").GetString());
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task A_refused_request_is_sent_to_the_audit_trail_without_holding_up_the_answer()
    {
        var path = $"/api/membership/units/{Guid.NewGuid()}";

        await (await factory.CreateClient().GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

        var harness = factory.Services.GetRequiredService<ITestHarness>();
        Assert.True(await harness.Published.Any<RequestRefused>(m => m.Context.Message.Path == path));
        var refused = harness.Published.Select<RequestRefused>(m => m.Context.Message.Path == path).Single().Context.Message;
        Assert.Equal(("GET", 401, "anonymous"), (refused.Method, refused.Status, refused.Caller));
        Assert.Contains("needs an access token", refused.Reason);
    }

    [Theory]
    [InlineData("/api/membership/health")]
    [InlineData("/api/reporting/alive")]
    [InlineData("/api/activities/openapi/v1.json")]
    [InlineData("/api/inspection/scalar/")]
    [InlineData("/api/identity/connect/token")]
    [InlineData("/api/identity/account/signin")]
    public async Task Public_paths_pass_without_a_token(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);

        // The service is unreachable here: 502 shows the gateway let the request through.
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
    }

    [Fact]
    public void Every_route_needs_a_token_except_the_public_paths()
    {
        _ = factory.Server;

        Assert.Empty(EndpointPolicies.Unguarded(factory.Services));
        var services = ResourceNames.Services.Where(s => s.Segment != ResourceNames.IdentitySegment).Select(s => s.Segment).ToList();
        var expected = services.SelectMany(s => GatewayRoutes.PublicPaths.Select(p => $"* /api/{s}{p}"))
            .Append("* /api/identity/{**rest}")
            .Concat(EndpointPolicies.ServiceDefaults).Append("GET /")
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, EndpointPolicies.Public(factory.Services));
        Assert.All(EndpointPolicies.Of(factory.Services).Where(g => !g.Public), g => Assert.Equal([Policies.Read], g.Policies));
    }

    [Fact]
    public async Task The_gateway_s_own_pages_need_no_token()
    {
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/alive")).StatusCode);
    }

    [Fact]
    public async Task Every_answer_to_an_API_request_says_where_the_caller_stands_against_the_rate_limit()
    {
        var caller = factory.CreateClient().As(Post.OnUnit(Guid.NewGuid()));

        var first = await caller.GetAsync("/api/activities/movements");
        var second = await caller.GetAsync("/api/activities/movements");
        var refused = await factory.CreateClient().GetAsync("/api/membership/units");

        Assert.Equal(("1000", "999"), (first.Header(GatewayHeaders.RateLimitLimit), first.Header(GatewayHeaders.RateLimitRemaining)));
        Assert.Equal("998", second.Header(GatewayHeaders.RateLimitRemaining));
        Assert.InRange(int.Parse(first.Header(GatewayHeaders.RateLimitReset)!), 1, 600);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.NotNull(refused.Header(GatewayHeaders.RateLimitRemaining));
        Assert.Null((await factory.CreateClient().GetAsync("/api/inspection/alive")).Header(GatewayHeaders.RateLimitLimit));
    }

    [Fact]
    public async Task Without_configured_origins_no_web_page_elsewhere_may_read_the_answers()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/activities/movements");
        request.Headers.Add("Origin", "https://elsewhere.example");

        var response = await factory.CreateClient().As(Secretary).SendAsync(request);

        Assert.Null(response.Header("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Health_checks_are_not_counted_against_the_limit()
    {
        var client = factory.CreateClient();
        for (var i = 0; i < 12; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.GetAsync("/api/inspection/alive")).StatusCode);
    }
}

/// <summary>The broker is away: the gateway cannot send its refusals anywhere.</summary>
public sealed class GatewayWithoutBroker : GatewayFactory
{
    protected override bool BrokerHarness => false;
}

public class BrokerAwayTests(GatewayWithoutBroker factory) : IClassFixture<GatewayWithoutBroker>
{
    [Fact]
    public async Task Refusals_are_answered_while_the_broker_is_away()
    {
        var client = factory.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(20);

        for (var i = 0; i < 3; i++)
            await (await client.GetAsync($"/api/membership/units/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }
}

/// <summary>Five requests per caller in ten minutes.</summary>
public sealed class LimitedGatewayFactory : GatewayFactory
{
    protected override int PermitsPerCaller => 5;
}

/// <summary>A gateway of its own, so that no other test spends its caller's allowance.</summary>
public class RateLimitTests : IDisposable
{
    private readonly LimitedGatewayFactory _factory = new();

    [Fact]
    public async Task Over_the_limit_a_caller_gets_429_with_Retry_After_and_another_caller_does_not()
    {
        var client = _factory.CreateClient().As(Post.OnUnit(Guid.NewGuid()));
        for (var i = 0; i < 5; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.GetAsync("/api/membership/units")).StatusCode);

        var response = await client.GetAsync("/api/membership/units");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.InRange(response.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 600);
        Assert.Equal(("5", "0"), (response.Header(GatewayHeaders.RateLimitLimit), response.Header(GatewayHeaders.RateLimitRemaining)));
        Assert.Equal(response.Headers.RetryAfter.Delta.Value.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Header(GatewayHeaders.RateLimitReset));
        Assert.Contains("Try again in", problem.GetProperty("detail").GetString());
        var another = _factory.CreateClient().As(Post.OnUnit(Guid.NewGuid()));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await another.GetAsync("/api/membership/units")).StatusCode);
    }

    public void Dispose() => _factory.Dispose();
}

/// <summary>Five requests per person and eight per system in ten minutes.</summary>
public sealed class ClientLimitedGatewayFactory : GatewayFactory
{
    protected override int PermitsPerCaller => 5;
    protected override int PermitsPerClient => 8;
}

/// <summary>People are limited one by one, whichever application they sign in through; a system by its
/// client; the portal's calls for someone without a token count for that someone, if it shows its key.</summary>
public class PerPersonLimitTests : IDisposable
{
    private readonly ClientLimitedGatewayFactory _factory = new();

    [Fact]
    public async Task People_signed_in_through_the_same_portal_do_not_share_one_allowance_and_a_system_has_its_own()
    {
        var people = Enumerable.Range(0, 3).Select(_ => _factory.CreateClient().As(Post.OnUnit(Guid.NewGuid()))).ToList();
        foreach (var person in people)
            for (var i = 0; i < 5; i++)
                Assert.NotEqual(HttpStatusCode.TooManyRequests, (await person.GetAsync("/api/membership/units")).StatusCode);
        await (await people[0].GetAsync("/api/membership/units")).ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);

        var system = _factory.CreateClient().As(TestTokens.Create([Post.Bloc(Role.BlocOffice)], [Scopes.Read], clientId: "province-statistics"));
        for (var i = 0; i < 8; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await system.GetAsync("/api/membership/units")).StatusCode);
        var refused = await system.GetAsync("/api/membership/units");
        await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("8", refused.Header(GatewayHeaders.RateLimitLimit));
    }

    [Fact]
    public async Task The_portals_calls_for_people_without_a_token_count_for_each_person_only_with_its_key()
    {
        var client = _factory.CreateClient();
        Task<HttpResponseMessage> DiscoverAsync(string key, string caller)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/identity/.well-known/openid-configuration");
            request.Headers.Add(GatewayHeaders.FrontEndKey, key);
            request.Headers.Add(GatewayHeaders.FrontEndCaller, caller);
            return client.SendAsync(request);
        }

        foreach (var caller in new[] { "203.0.113.7", "203.0.113.8" })
            for (var i = 0; i < 5; i++)
                Assert.NotEqual(HttpStatusCode.TooManyRequests, (await DiscoverAsync(GatewayFactory.FrontEndKey, caller)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await DiscoverAsync(GatewayFactory.FrontEndKey, "203.0.113.7")).StatusCode);

        // Without the key the header is not believed: every such call counts for the one address they come from.
        for (var i = 0; i < 5; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await DiscoverAsync("a guess", $"198.51.100.{i}")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await DiscoverAsync("a guess", "198.51.100.99")).StatusCode);
    }

    public void Dispose() => _factory.Dispose();
}

/// <summary>A gateway that lets one web origin read its answers.</summary>
public sealed class CorsGatewayFactory : GatewayFactory
{
    public const string Origin = "https://doankhoi.example.vn";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting($"{Cors.Section}:0", Origin);
    }
}

public class CorsTests(CorsGatewayFactory factory) : IClassFixture<CorsGatewayFactory>
{
    private static HttpRequestMessage From(string origin, HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Origin", origin);
        return request;
    }

    [Fact]
    public async Task A_configured_origin_may_read_the_answers_and_the_rate_limit_headers_and_no_other_may()
    {
        var client = factory.CreateClient().As(Post.OnUnit(Guid.NewGuid()));

        var allowed = await client.SendAsync(From(CorsGatewayFactory.Origin, HttpMethod.Get, "/api/activities/movements"));
        var other = await client.SendAsync(From("https://elsewhere.example", HttpMethod.Get, "/api/activities/movements"));

        Assert.Equal(CorsGatewayFactory.Origin, allowed.Header("Access-Control-Allow-Origin"));
        Assert.Contains(GatewayHeaders.RateLimitRemaining, allowed.Header("Access-Control-Expose-Headers"));
        Assert.Null(other.Header("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_configured_origin_s_preflight_is_answered_without_a_token()
    {
        var preflight = From(CorsGatewayFactory.Origin, HttpMethod.Options, "/api/membership/clusters");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");

        var response = await factory.CreateClient().SendAsync(preflight);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(CorsGatewayFactory.Origin, response.Header("Access-Control-Allow-Origin"));
        Assert.Contains("POST", response.Header("Access-Control-Allow-Methods"));
    }

    [Fact]
    public void An_origin_that_is_not_one_is_refused_at_start()
    {
        using var gateway = new GatewayWithBadOrigin();

        var error = Assert.ThrowsAny<Exception>(() => gateway.CreateClient());

        Assert.Contains("not a web origin", error.ToString());
    }

    private sealed class GatewayWithBadOrigin : GatewayFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting($"{Cors.Section}:0", "https://doankhoi.example.vn/portal");
        }
    }
}

internal static class Headers
{
    /// <summary>The header's value, from the response or its content; null when it is not there.</summary>
    public static string? Header(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : null;
}
