using System.Net;
using System.Net.Http.Json;
using DoanKhoi.Membership.Apis;
using DoanKhoi.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace DoanKhoi.Membership.Tests.Apis;

/// <summary>A service believes X-Forwarded-* only from the gateway (loopback), so nobody else can pass
/// for the gateway and steer the links the service writes.</summary>
public class ForwardedHeadersTests(MembershipApiFactory factory) : IClassFixture<MembershipApiFactory>
{
    private sealed class From(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, go) => { http.Connection.RemoteIpAddress = address; return go(http); });
            next(app);
        };
    }

    private async Task<Uri?> CreatedLocationFrom(string address)
    {
        var client = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter>(new From(IPAddress.Parse(address)))))
            .CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Post, "/clusters") { Content = JsonContent.Create(new { code = $"C{Guid.NewGuid():N}"[..10], name = "Cụm" }) };
        request.Headers.Add("X-Forwarded-Prefix", "/api/membership");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return response.Headers.Location;
    }

    [Fact]
    public async Task The_gateway_s_prefix_is_believed_from_loopback_only()
    {
        Assert.StartsWith("/api/membership/clusters/", (await CreatedLocationFrom("127.0.0.1"))!.AbsolutePath);
        Assert.StartsWith("/clusters/", (await CreatedLocationFrom("203.0.113.9"))!.AbsolutePath);
    }
}
