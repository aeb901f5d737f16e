using System.Security.Claims;
using DoanKhoi.Security;
using DoanKhoi.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace DoanKhoi.Web.Extensions;

/// <summary>People sign in through the identity service (authorization code with PKCE, the public
/// client <c>doankhoi-web</c>); the portal keeps them in a cookie of its own and their tokens on its
/// server (<see cref="SessionTokens"/>).</summary>
public static class PortalAuthentication
{
    public const string ClientId = "doankhoi-web";
    public const string CookieName = "doankhoi.portal";
    public const string CallbackPath = "/signin-oidc";
    public const string SignedOutCallbackPath = "/signout-callback-oidc";

    public static IHostApplicationBuilder AddPortalAuthentication(this IHostApplicationBuilder builder)
    {
        var issuer = builder.Configuration["Identity:Issuer"] ?? throw new InvalidOperationException(
            "The public address of the identity service is not set (Identity:Issuer): the AppHost sets it to the gateway's /api/identity/.");

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SessionTokens>();
        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.ExpireTimeSpan = SessionTokens.IdleLifetime;
                o.SlidingExpiration = true;
                // A cookie whose tokens are gone (signed out elsewhere, the portal restarted) signs in again.
                o.Events.OnValidatePrincipal = context =>
                {
                    var tokens = context.HttpContext.RequestServices.GetRequiredService<SessionTokens>();
                    if (!tokens.IsActive(context.Principal?.FindFirstValue(SessionTokens.SessionClaim)))
                    {
                        context.RejectPrincipal();
                        return context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                    }
                    return Task.CompletedTask;
                };
            })
            .AddOpenIdConnect(o =>
            {
                o.Authority = issuer;
                o.ClientId = ClientId;
                o.ResponseType = OpenIdConnectResponseType.Code;
                o.UsePkce = true;
                // TLS ends before the gateway in a deployment; inside, plain HTTP.
                o.RequireHttpsMetadata = false;
                o.Scope.Clear();
                foreach (var scope in new[] { "openid", "profile", "offline_access", Scopes.Read, Scopes.Write }) o.Scope.Add(scope);
                o.CallbackPath = CallbackPath;
                o.SignedOutCallbackPath = SignedOutCallbackPath;
                o.SignedOutRedirectUri = "/signed-out";
                o.SaveTokens = false;
                o.GetClaimsFromUserInfoEndpoint = false;
                // The token's own claim names: sub, name, preferred_username, post.
                o.MapInboundClaims = false;
                o.TokenValidationParameters.NameClaimType = "name";
                o.TokenValidationParameters.RoleClaimType = Post.ClaimType;
                // The code comes back in the query of a top-level redirect, so the sign-in's cookies can be
                // Lax and work over plain HTTP on a LAN as well as behind TLS.
                o.ResponseMode = OpenIdConnectResponseMode.Query;
                foreach (var cookie in new[] { o.CorrelationCookie, o.NonceCookie })
                {
                    cookie.SameSite = SameSiteMode.Lax;
                    cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                }
                o.CorrelationCookie.Name = "doankhoi.portal.correlation.";
                o.NonceCookie.Name = "doankhoi.portal.nonce.";
                o.Events.OnTokenValidated = context =>
                {
                    var response = context.TokenEndpointResponse!;
                    var services = context.HttpContext.RequestServices;
                    var expiresIn = int.TryParse(response.ExpiresIn, out var seconds) ? seconds : 300;
                    var key = services.GetRequiredService<SessionTokens>().Start(context.Principal!.FindFirstValue("sub") ?? "", new SessionTokens.Tokens(
                        response.AccessToken, response.RefreshToken, response.IdToken, services.GetRequiredService<TimeProvider>().GetUtcNow().AddSeconds(expiresIn)));
                    ((ClaimsIdentity)context.Principal!.Identity!).AddClaim(new Claim(SessionTokens.SessionClaim, key));
                    return Task.CompletedTask;
                };
                o.Events.OnRedirectToIdentityProviderForSignOut = context =>
                {
                    // The identity service ends its own sign-in too, and sends the person back here.
                    if (context.Properties.Items.TryGetValue(IdTokenItem, out var idToken) && idToken is not null)
                        context.ProtocolMessage.IdTokenHint = idToken;
                    context.ProtocolMessage.ClientId = ClientId;
                    return Task.CompletedTask;
                };
                o.Events.OnRemoteFailure = context =>
                {
                    // A refused or stale sign-in (the back button, an old tab): start again rather than a blank error.
                    context.Response.Redirect("/signin-failed");
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
            });
        // The identity service's discovery, keys and token endpoint, through the gateway, for the person
        // being signed in; a token is asked for once (no retry of a code or a refresh token).
        builder.Services.AddTransient<FrontEndCallerHandler>();
        // RemoveAllResilienceHandlers, to give this client other retries than the default, is still marked experimental.
#pragma warning disable EXTEXP0001
        builder.Services.AddHttpClient(BackchannelClient)
            .AddHttpMessageHandler<FrontEndCallerHandler>()
            .RemoveAllResilienceHandlers()
            .AddStandardResilienceHandler(o => o.Retry.DisableForUnsafeHttpMethods());
#pragma warning restore EXTEXP0001
        builder.Services.AddOptions<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme)
            .Configure<IHttpClientFactory>((o, clients) => o.Backchannel = clients.CreateClient(BackchannelClient));
        builder.Services.AddAuthorization();
        builder.Services.AddCascadingAuthenticationState();
        return builder;
    }

    private const string BackchannelClient = "identity-backchannel";

    /// <summary>Where <c>/signout</c> puts the identity token, for the identity service to know whom it signs out.</summary>
    public const string IdTokenItem = "doankhoi.id_token";
}
