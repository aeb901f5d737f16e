using System.Net;
using System.Net.Http.Json;
using DoanKhoi.Security;
using DoanKhoi.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace DoanKhoi.Gateway.Tests;

/// <summary>A gateway whose membership service is a stand-in that answers with the headers it was sent.</summary>
public sealed class EchoingGatewayFactory : GatewayFactory, IAsyncLifetime
{
    private readonly int _port = FreePorts.One();
    private WebApplication? _echo;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{_port}");
        _echo = builder.Build();
        _echo.Run(http => http.Response.WriteAsJsonAsync(http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
        await _echo.StartAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting($"services:{ResourceNames.MembershipApi}:http:0", $"http://127.0.0.1:{_port}");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_echo is not null) await _echo.DisposeAsync();
    }
}

public class ForwardingTests(EchoingGatewayFactory factory) : IClassFixture<EchoingGatewayFactory>
{
    [Fact]
    public async Task The_portals_key_and_caller_stay_at_the_gateway_while_the_token_and_the_language_reach_the_service()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/membership/units");
        request.Headers.Add(GatewayHeaders.FrontEndKey, GatewayFactory.FrontEndKey);
        request.Headers.Add(GatewayHeaders.FrontEndCaller, "an-account-id");
        request.Headers.AcceptLanguage.ParseAdd("vi");

        var response = await factory.CreateClient().As(Post.OnUnit(Guid.NewGuid())).SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = (await response.Content.ReadFromJsonAsync<Dictionary<string, string>>())!;
        var headers = new Dictionary<string, string>(received, StringComparer.OrdinalIgnoreCase);
        Assert.False(headers.ContainsKey(GatewayHeaders.FrontEndKey));
        Assert.False(headers.ContainsKey(GatewayHeaders.FrontEndCaller));
        Assert.StartsWith("Bearer ", headers["Authorization"]);
        Assert.Equal("vi", headers["Accept-Language"]);
        Assert.Equal("/api/membership", headers["X-Forwarded-Prefix"]);
    }
}
