using System.Security.Claims;
using DoanKhoi.Web.Clients;
using DoanKhoi.Web.Extensions;
using DoanKhoi.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;

namespace DoanKhoi.Web.Apis;

/// <summary>Signing in and out of the portal.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/signin", SignIn).AllowAnonymous();
        // A form post with the antiforgery token: another site cannot sign a person out.
        app.MapPost("/signout", SignOutAsync).RequireAuthorization().WithMetadata(new RequireAntiforgeryTokenAttribute());
        app.MapPost("/signout-everywhere", SignOutEverywhereAsync).RequireAuthorization().WithMetadata(new RequireAntiforgeryTokenAttribute());
        return app;
    }

    /// <summary>For a lost phone: identity revokes every token of the person and ends their sign-ins in every
    /// browser; this portal forgets all their sessions at once; then this browser signs out as usual.</summary>
    private static async Task<IResult> SignOutEverywhereAsync(HttpContext http, SessionTokens tokens, IdentityClient identity)
    {
        try
        {
            await identity.SignOutEverywhereAsync(http.RequestAborted);
        }
        catch (ApiProblem problem) when (problem.Status != StatusCodes.Status401Unauthorized)
        {
            return TypedResults.Redirect("/account?signout=failed");
        }
        var signOut = SignedOut(http.User.FindFirstValue(SessionTokens.SessionClaim), tokens);
        if (http.User.FindFirstValue("sub") is { Length: > 0 } accountId) tokens.EndAll(accountId);
        return signOut;
    }

    /// <summary>To the identity service's sign-in page, then back to <paramref name="returnUrl"/> (a page of the portal only).</summary>
    private static IResult SignIn([FromQuery] string? returnUrl) =>
        TypedResults.Challenge(new AuthenticationProperties { RedirectUri = IsLocal(returnUrl) ? returnUrl : "/" },
            [OpenIdConnectDefaults.AuthenticationScheme]);

    /// <summary>Ends the session everywhere it lives: the portal's tokens (the refresh token is revoked),
    /// the portal's cookie, and the identity service's own sign-in; then the "signed out" page.</summary>
    private static async Task<IResult> SignOutAsync(HttpContext http, SessionTokens tokens)
    {
        var key = http.User.FindFirstValue(SessionTokens.SessionClaim);
        var signOut = SignedOut(key, tokens);
        await tokens.EndAsync(key, http.RequestAborted);
        return signOut;
    }

    /// <summary>Ends the portal's cookie and the identity service's sign-in (with the session's identity token
    /// as the hint, read before the session is forgotten), then the "signed out" page.</summary>
    private static IResult SignedOut(string? sessionKey, SessionTokens tokens)
    {
        var properties = new AuthenticationProperties { RedirectUri = "/signed-out" };
        if (tokens.IdToken(sessionKey) is { } idToken) properties.Items[PortalAuthentication.IdTokenItem] = idToken;
        return TypedResults.SignOut(properties, [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]);
    }

    /// <summary>Only a path of this site: never an open redirect to somebody else's.</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
