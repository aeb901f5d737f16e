namespace DoanKhoi.Web.Infrastructure;

/// <summary>On the portal's own calls to the identity service (signing a person in, renewing or revoking
/// their tokens), tells the gateway whom the call is for, with the key the AppHost gave the portal and
/// the gateway: the gateway's rate limits then count that person, not the portal as one caller.</summary>
public sealed class FrontEndCallerHandler(IHttpContextAccessor http, IConfiguration configuration) : DelegatingHandler
{
    /// <summary>Whom a request is for, when the caller knows better than the current request's address (a session's account).</summary>
    public static readonly HttpRequestOptionsKey<string> Caller = new("doankhoi.caller");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (configuration["Portal:FrontEndKey"] is { Length: > 0 } key
            && (request.Options.TryGetValue(Caller, out var caller) ? caller : http.HttpContext?.Connection.RemoteIpAddress?.ToString()) is { Length: > 0 } whom)
        {
            request.Headers.Remove(GatewayHeaders.FrontEndKey);
            request.Headers.Remove(GatewayHeaders.FrontEndCaller);
            request.Headers.Add(GatewayHeaders.FrontEndKey, key);
            request.Headers.Add(GatewayHeaders.FrontEndCaller, whom);
        }
        return base.SendAsync(request, cancellationToken);
    }
}
