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

    /// <summary>The longest web origin the gateway may be configured to let read its answers (CORS).</summary>
    public const int AllowedOriginMaxLength = 200;
}
