using DoanKhoi.Testing;
using MassTransit;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace DoanKhoi.Identity.Tests;

/// <summary>The identity service over a database of its own, with the first bloc-office account, the demo
/// accounts and one system client (read-only, bloc-wide).</summary>
public class IdentityApiFactory : ServiceFactory<Program>
{
    public const string Issuer = "http://localhost/";
    public const string BlocOffice = "vanphong";
    public const string Password = "vanphong2026";
    public const string SystemClient = "province-bi";
    public const string SystemSecret = "bi-secret-for-tests-2026";

    public IdentityApiFactory() : base(ResourceNames.IdentityDb)
    {
        Settings = new()
        {
            ["Identity:Issuer"] = Issuer,
            ["Identity:BlocOffice:Password"] = Password,
            ["Demo:Load"] = "true",
            [$"Identity:Clients:{SystemClient}:Secret"] = SystemSecret,
            [$"Identity:Clients:{SystemClient}:Scopes:0"] = "doankhoi.read",
            [$"Identity:Clients:{SystemClient}:Posts:0"] = "bloc-office@bloc",
        };
    }

    /// <summary>Another start of the identity service over <paramref name="connectionString"/>, with only
    /// the settings every start needs (no password, no clients).</summary>
    public static WebApplicationFactory<Program> Start(string connectionString) => new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
    {
        b.UseSetting($"ConnectionStrings:{ResourceNames.IdentityDb}", connectionString);
        b.UseSetting("ConnectionStrings:messaging", "amqp://unused:unused@127.0.0.1:1");
        b.UseSetting("Identity:Issuer", Issuer);
        b.ConfigureTestServices(services => services.AddMassTransitTestHarness());
    });

    /// <summary>A browser: keeps cookies, does not follow redirects (the tests follow them).</summary>
    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }).Anonymous();

    /// <summary>A client carrying a real access token of the identity service.</summary>
    public async Task<HttpClient> SignedInAsync(string userName, string password = Password) =>
        CreateClient().As((await Flow().SignInAsync(userName, password)).AccessToken!);

    public SignInFlow Flow() => new(Browser());
}
