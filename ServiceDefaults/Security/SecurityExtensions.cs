using DoanKhoi.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Microsoft.Extensions.Hosting;

/// <summary>Section "Identity": the issuer DoanKhoi's tokens carry and where its signing keys are read.</summary>
public sealed class TokenValidationOptions
{
    public const string Section = "Identity";

    /// <summary>The public address of the identity service, as its tokens name it (required).</summary>
    public string? Issuer { get; set; }

    /// <summary>The JWKS document, read inside the system (service discovery resolves the name).</summary>
    public string KeysAddress { get; set; } = $"http://{DoanKhoi.ResourceNames.IdentityApi}/.well-known/jwks";

    /// <summary>How soon keys are read again after a token signed by an unknown key (a new key, or identity was not up yet).</summary>
    public TimeSpan KeysRefreshInterval { get; set; } = TimeSpan.FromSeconds(10);
}

public static class SecurityExtensions
{
    /// <summary>The only signing algorithm accepted (RFC 8725, 3.1): the identity service signs with its RSA key.</summary>
    public const string TokenAlgorithm = Microsoft.IdentityModel.Tokens.SecurityAlgorithms.RsaSha256;

    /// <summary>The only token type accepted (RFC 8725, 3.11; RFC 9068): an access token, never an identity token.</summary>
    public const string TokenType = "at+jwt";

    /// <summary>Validates DoanKhoi's access tokens (JWTs signed by the identity service) and registers
    /// the authorization policies. Every endpoint needs a token unless it is deliberately public.</summary>
    public static TBuilder AddTokenValidation<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var options = builder.Configuration.GetSection(TokenValidationOptions.Section).Get<TokenValidationOptions>() ?? new TokenValidationOptions();
        var issuer = options.Issuer ?? throw new InvalidOperationException(
            "The issuer of DoanKhoi's tokens is not set (Identity:Issuer): the AppHost sets it to the identity service's public address.");

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IHttpClientFactory>((jwt, http) =>
            {
                jwt.MapInboundClaims = false;
                jwt.RequireHttpsMetadata = false;
                jwt.TokenValidationParameters.ValidIssuer = issuer;
                jwt.TokenValidationParameters.ValidAudience = Scopes.Audience;
                jwt.TokenValidationParameters.ValidAlgorithms = [TokenAlgorithm];
                jwt.TokenValidationParameters.ValidTypes = [TokenType];
                jwt.TokenValidationParameters.NameClaimType = "name";
                jwt.TokenValidationParameters.RoleClaimType = Post.ClaimType;
                jwt.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(30);
                jwt.ConfigurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(
                    options.KeysAddress, new IdentitySigningKeys(issuer),
                    new HttpDocumentRetriever(http.CreateClient("identity-keys")) { RequireHttps = false })
                {
                    RefreshInterval = options.KeysRefreshInterval,
                };
            });
        return builder.AddAccessPolicies();
    }

    /// <summary>The policies (read, write, bloc office), a fallback that asks for a token, problem
    /// details for 401 and 403, and <see cref="Caller"/> for the handlers.</summary>
    public static TBuilder AddAccessPolicies<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.TryAddScoped(s => s.GetRequiredService<IHttpContextAccessor>().HttpContext?.User is { } user ? new Caller(user) : Caller.Anonymous);
        builder.Services.TryAddSingleton<ISecurityEvents, LoggedSecurityEvents>();
        builder.Services.AddSingleton<IAuthorizationHandler, AccessRequirementHandler>();
        builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Read, p => p.RequireAuthenticatedUser().AddRequirements(AccessRequirement.Read))
            .AddPolicy(Policies.Write, p => p.RequireAuthenticatedUser().AddRequirements(AccessRequirement.Write))
            .AddPolicy(Policies.BlocOffice, p => p.RequireAuthenticatedUser().AddRequirements(AccessRequirement.Read, AccessRequirement.BlocOffice))
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(AccessRequirement.Read).Build());
        return builder;
    }
}
