namespace DoanKhoi;

/// <summary>The headers the gateway adds to the answers of the APIs behind it, one spelling for the
/// gateway that writes them and the OpenAPI documents that describe them.</summary>
public static class GatewayHeaders
{
    // Where the caller stands against the rate limit, on every answer to a limited request: the field
    // names of the IETF draft (draft-ietf-httpapi-ratelimit-headers) that most clients read.

    /// <summary>Requests allowed in the current window.</summary>
    public const string RateLimitLimit = "RateLimit-Limit";

    /// <summary>Requests left in the current window.</summary>
    public const string RateLimitRemaining = "RateLimit-Remaining";

    /// <summary>Seconds until the window ends and the allowance is whole again.</summary>
    public const string RateLimitReset = "RateLimit-Reset";

    /// <summary>Sent by the portal on the calls it makes for a person who holds no token yet (signing in)
    /// or whose token it is renewing: the key the AppHost gave the portal and the gateway, so that the
    /// gateway believes <see cref="FrontEndCaller"/>. The gateway removes both before it forwards a request.</summary>
    public const string FrontEndKey = "X-DoanKhoi-Front-End";

    /// <summary>Whom the portal calls for (the person's account, else their address): the rate limits count them, not the portal.</summary>
    public const string FrontEndCaller = "X-DoanKhoi-Caller";

    /// <summary>The longest <see cref="FrontEndCaller"/> the gateway takes.</summary>
    public const int FrontEndCallerMaxLength = 100;

    /// <summary>The longest web origin the gateway may be configured to let read its answers (CORS).</summary>
    public const int AllowedOriginMaxLength = 200;
}
