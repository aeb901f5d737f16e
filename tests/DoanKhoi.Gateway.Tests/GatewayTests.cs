using System.Net;
using DoanKhoi.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DoanKhoi.Gateway.Tests;

/// <summary>The gateway on its own: every service it routes to is unreachable.</summary>
public sealed class GatewayFactory : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (_, api, _) in ResourceNames.Services)
            builder.UseSetting($"services:{api}:http:0", $"http://127.0.0.1:{FreePorts.One()}");
        builder.UseSetting("Gateway:RateLimit:PermitsPerCaller", "5");
        builder.UseSetting("Gateway:RateLimit:Window", "00:10:00");
        builder.UseSetting("Gateway:HealthProbeInterval", "00:10:00");
    }
}

public class GatewayTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    [Fact]
    public async Task A_service_that_cannot_be_reached_gets_a_problem_naming_it()
    {
        var response = await factory.CreateClient().GetAsync("/api/activities/movements");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadGateway);
        Assert.Equal("activities", problem.GetProperty("service").GetString());
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task A_path_no_service_serves_is_a_404_problem() =>
        await (await factory.CreateClient().GetAsync("/api/nowhere/units")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

    [Fact]
    public async Task Health_checks_are_not_counted_against_the_limit()
    {
        var client = factory.CreateClient();
        for (var i = 0; i < 12; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.GetAsync("/api/inspection/alive")).StatusCode);
    }
}

/// <summary>A gateway of its own, so that no other test spends its caller's allowance.</summary>
public class RateLimitTests : IDisposable
{
    private readonly GatewayFactory _factory = new();

    [Fact]
    public async Task Over_the_limit_a_caller_gets_429_with_Retry_After()
    {
        var client = _factory.CreateClient();
        for (var i = 0; i < 5; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.GetAsync("/api/membership/units")).StatusCode);

        var response = await client.GetAsync("/api/membership/units");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.InRange(response.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 600);
        Assert.Contains("Try again in", problem.GetProperty("detail").GetString());
    }

    public void Dispose() => _factory.Dispose();
}
