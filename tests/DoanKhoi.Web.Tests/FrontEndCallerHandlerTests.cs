using System.Net;
using DoanKhoi.Web.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace DoanKhoi.Web.Tests;

/// <summary>The portal's calls to the identity service name whom they are for, with the key the gateway
/// believes; without a key configured they name nobody.</summary>
public class FrontEndCallerHandlerTests
{
    private static async Task<HttpRequestMessage> SendAsync(string? key, string? caller, string? remoteAddress)
    {
        var http = new DefaultHttpContext();
        if (remoteAddress is not null) http.Connection.RemoteIpAddress = IPAddress.Parse(remoteAddress);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Portal:FrontEndKey"] = key }).Build();
        var seen = new Seen();
        using var client = new HttpClient(new FrontEndCallerHandler(new HttpContextAccessor { HttpContext = http }, configuration) { InnerHandler = seen });
        var request = new HttpRequestMessage(HttpMethod.Post, "http://gateway.test/api/identity/connect/token");
        if (caller is not null) request.Options.Set(FrontEndCallerHandler.Caller, caller);
        await client.SendAsync(request);
        return seen.Request!;
    }

    [Fact]
    public async Task A_call_for_a_session_names_its_account_and_shows_the_key()
    {
        var request = await SendAsync("key-1", caller: "account-7", remoteAddress: "203.0.113.5");

        Assert.Equal(["key-1"], request.Headers.GetValues(GatewayHeaders.FrontEndKey));
        Assert.Equal(["account-7"], request.Headers.GetValues(GatewayHeaders.FrontEndCaller));
    }

    [Fact]
    public async Task A_sign_in_names_the_address_the_person_comes_from()
    {
        var request = await SendAsync("key-1", caller: null, remoteAddress: "203.0.113.5");

        Assert.Equal(["203.0.113.5"], request.Headers.GetValues(GatewayHeaders.FrontEndCaller));
    }

    [Fact]
    public async Task Without_a_key_nobody_is_named()
    {
        var request = await SendAsync(key: null, caller: "account-7", remoteAddress: "203.0.113.5");

        Assert.False(request.Headers.Contains(GatewayHeaders.FrontEndKey));
        Assert.False(request.Headers.Contains(GatewayHeaders.FrontEndCaller));
    }

    private sealed class Seen : HttpMessageHandler
    {
        public HttpRequestMessage? Request { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Request = request;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }
    }
}
