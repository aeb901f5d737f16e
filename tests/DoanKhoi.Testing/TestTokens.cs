using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using DoanKhoi.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace DoanKhoi.Testing;

/// <summary>Access tokens for a service's functional tests, shaped like the identity service's (same
/// claims, audience and algorithm) but signed by a test key the service under test is told to trust.
/// The identity service's own tests and the end-to-end tests use real tokens.</summary>
public static class TestTokens
{
    public const string Issuer = "http://identity.test/";

    public static readonly RsaSecurityKey Key = new(RSA.Create(2048)) { KeyId = "test-key" };

    /// <summary>Makes the host validate tokens against <see cref="Key"/> and <see cref="Issuer"/> instead of
    /// reading the identity service's keys. Set <c>Identity:Issuer</c> to <see cref="Issuer"/> too.</summary>
    public static IServiceCollection TrustTestTokens(this IServiceCollection services) =>
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt =>
        {
            var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
            configuration.SigningKeys.Add(Key);
            jwt.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
        });

    /// <summary>A token of a signed-in person holding <paramref name="posts"/>.</summary>
    public static string For(params Post[] posts) => Create(posts, [Scopes.Read, Scopes.Write]);

    public static string Create(IEnumerable<Post> posts, IEnumerable<string> scopes, string? name = null, string? clientId = null,
        SecurityKey? key = null, string issuer = Issuer, string audience = Scopes.Audience, DateTime? expires = null)
    {
        var postList = posts.ToList();
        var claims = new List<Claim>
        {
            new("sub", clientId ?? Guid.NewGuid().ToString()),
            new("name", name ?? "Người thử"),
            new("preferred_username", UserNameFor(postList)),
            new("client_id", clientId ?? "doankhoi-web"),
            new("scope", string.Join(' ', scopes)),
        };
        claims.AddRange(postList.Select(p => new Claim(Post.ClaimType, p.ToString())));
        var now = DateTime.UtcNow;
        var until = expires ?? now.AddMinutes(10);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = until.AddMinutes(-11),
            NotBefore = until.AddMinutes(-11),
            Expires = until,
            TokenType = Microsoft.Extensions.Hosting.SecurityExtensions.TokenType,
            SigningCredentials = new SigningCredentials(key ?? Key, Microsoft.Extensions.Hosting.SecurityExtensions.TokenAlgorithm),
        });
    }

    /// <summary>"test.bloc-office", "test.unit-secretary": what the audit trail names the test account.</summary>
    public static string UserNameFor(IReadOnlyList<Post> posts) => "test." + (posts.Count > 0 ? posts[0].ToString().Split('@')[0] : "nobody");

    public static HttpClient As(this HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static HttpClient As(this HttpClient client, params Post[] posts) => client.As(For(posts));

    public static HttpClient Anonymous(this HttpClient client)
    {
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }
}
