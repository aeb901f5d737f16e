using Microsoft.AspNetCore.Components.Authorization;

namespace DoanKhoi.Web.Infrastructure;

/// <summary>The signed-in person of this request or this interactive page (a circuit), and their access
/// token. One per scope: the gateway clients take it to call with the person's own token.</summary>
public sealed class PortalSession(AuthenticationStateProvider authentication, IHttpContextAccessor http, SessionTokens tokens)
{
    public async Task<PortalUser> UserAsync()
    {
        try
        {
            return PortalUser.From((await authentication.GetAuthenticationStateAsync()).User);
        }
        catch (InvalidOperationException)
        {
            // Outside a component (an endpoint of the portal, e.g. a download), the request's own user.
            return PortalUser.From(http.HttpContext?.User);
        }
    }

    /// <summary>The person's access token, refreshed when needed; throws <see cref="SessionEndedException"/>
    /// when their session has ended and they must sign in again.</summary>
    public async Task<string> AccessTokenAsync(CancellationToken ct)
    {
        var user = await UserAsync();
        return await tokens.AccessTokenAsync(user.SessionKey, ct) ?? throw new SessionEndedException();
    }
}

/// <summary>The person's session is over (signed out elsewhere, locked, or the portal restarted).</summary>
public sealed class SessionEndedException() : Exception("The session has ended: sign in again.");
