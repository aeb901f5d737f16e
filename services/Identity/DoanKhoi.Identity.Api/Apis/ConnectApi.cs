using System.Security.Claims;
using System.Text.Json;
using DoanKhoi.Identity.Domain;
using DoanKhoi.Identity.Infrastructure;
using DoanKhoi.Security;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace DoanKhoi.Identity.Apis;

/// <summary>The OAuth 2.0 / OpenID Connect endpoints OpenIddict passes through to us: who the person
/// (or system) is and which claims their tokens carry. Discovery, keys and revocation OpenIddict answers itself.</summary>
public static class ConnectApi
{
    public static IEndpointRouteBuilder MapConnectApi(this IEndpointRouteBuilder app)
    {
        var connect = app.MapGroup("/connect").WithTags("Sign-in").AllowAnonymous().ExcludeFromDescription();
        connect.MapMethods("/authorize", [HttpMethods.Get, HttpMethods.Post], (Delegate)Authorize);
        connect.MapPost("/token", Token).DisableAntiforgery();
        connect.MapMethods("/signout", [HttpMethods.Get, HttpMethods.Post], (Delegate)SignOut).DisableAntiforgery();
        return app;
    }

    /// <summary>A person arrives from the front-end: signed in (the cookie of the sign-in page) they get
    /// an authorization code at once; otherwise they are sent to the sign-in page first.</summary>
    private static async Task<IResult> Authorize(HttpContext http, AccountsDbContext db, CancellationToken ct)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var cookie = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var account = cookie.Succeeded ? await LoadAsync(db, cookie.Principal.FindFirstValue(ClaimTypes.NameIdentifier), ct) : null;
        if (account is null || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
                return Forbid(Errors.LoginRequired, "The person is not signed in.");
            var parameters = http.Request.HasFormContentType ? http.Request.Form.Where(p => p.Key != Parameters.Prompt).ToList() : http.Request.Query.Where(p => p.Key != Parameters.Prompt).ToList();
            return Results.Challenge(
                new AuthenticationProperties { RedirectUri = http.Request.PathBase + http.Request.Path + QueryString.Create(parameters) },
                [IdentityConstants.ApplicationScheme]);
        }
        return SignIn(ForAccount(account, request.GetScopes()));
    }

    private static async Task<IResult> Token(HttpContext http, AccountsDbContext db, IOpenIddictApplicationManager apps, CancellationToken ct)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsClientCredentialsGrantType())
        {
            // OpenIddict has checked the secret and that the client may ask for these scopes.
            var app = await apps.FindByClientIdAsync(request.ClientId!, ct) ?? throw new InvalidOperationException("The client is gone.");
            var properties = await apps.GetPropertiesAsync(app, ct);
            var posts = properties.TryGetValue(Post.ClaimType, out var value) ? value.Deserialize<string[]>() ?? [] : [];
            var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Post.ClaimType);
            identity.SetClaim(Claims.Subject, request.ClientId).SetClaim(Claims.Name, await apps.GetDisplayNameAsync(app, ct) ?? request.ClientId);
            identity.SetClaims(Post.ClaimType, [.. posts]);
            return SignIn(Finish(identity, request.GetScopes()));
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            // The posts are read again: a post taken away ends with the next refresh, a locked account at once.
            var granted = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
            var account = await LoadAsync(db, granted?.GetClaim(Claims.Subject), ct);
            if (account is null || account.LockoutEnd > DateTimeOffset.UtcNow)
                return Forbid(Errors.InvalidGrant, "The account no longer exists or is locked.");
            return SignIn(ForAccount(account, granted!.GetScopes()));
        }

        return Forbid(Errors.UnsupportedGrantType, "This grant type is not supported.");
    }

    private static async Task<IResult> SignOut(HttpContext http)
    {
        await http.SignOutAsync(IdentityConstants.ApplicationScheme);
        return Results.SignOut(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static Task<Account?> LoadAsync(AccountsDbContext db, string? id, CancellationToken ct) =>
        Guid.TryParse(id, out var accountId)
            ? db.Users.Include(a => a.Posts).FirstOrDefaultAsync(a => a.Id == accountId, ct)
            : Task.FromResult<Account?>(null);

    private static ClaimsPrincipal ForAccount(Account account, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Post.ClaimType);
        identity.SetClaim(Claims.Subject, account.Id.ToString())
                .SetClaim(Claims.Name, account.DisplayName)
                .SetClaim(Claims.PreferredUsername, account.UserName);
        identity.SetClaims(Post.ClaimType, [.. account.CurrentPosts.Select(p => p.ToString())]);
        return Finish(identity, scopes);
    }

    private static ClaimsPrincipal Finish(ClaimsIdentity identity, IEnumerable<string> scopes)
    {
        identity.SetScopes(scopes);
        identity.SetResources(DoanKhoi.Security.Scopes.Audience);
        // Everything goes into the access token (the services decide from it); the identity token, for
        // the front-end, carries who the person is and their posts.
        identity.SetDestinations(claim => claim.Type is Claims.Name or Claims.PreferredUsername or Post.ClaimType
            ? [Destinations.AccessToken, Destinations.IdentityToken]
            : [Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }

    private static IResult SignIn(ClaimsPrincipal principal) =>
        Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);

    private static IResult Forbid(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
