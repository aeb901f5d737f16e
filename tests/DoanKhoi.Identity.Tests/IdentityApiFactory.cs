using DoanKhoi.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DoanKhoi.Identity.Tests;

/// <summary>The identity service over a database of its own, with the first bloc-office account, the demo
/// accounts and one system client (read-only, bloc-wide).</summary>
public sealed class IdentityApiFactory : ServiceFactory<Program>
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

    /// <summary>A browser: keeps cookies, does not follow redirects (the tests follow them).</summary>
    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }).Anonymous();

    /// <summary>A client carrying a real access token of the identity service.</summary>
    public async Task<HttpClient> SignedInAsync(string userName, string password = Password) =>
        CreateClient().As((await Flow().SignInAsync(userName, password)).AccessToken!);

    public SignInFlow Flow() => new(Browser());
}
