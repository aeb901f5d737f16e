namespace DoanKhoi.Gateway;

/// <summary>Which web origins may read the APIs' answers from a browser (CORS): those listed in
/// "Gateway:Cors:Origins", each an http(s) origin such as <c>https://doankhoi.example.vn</c>; none by
/// default. Tokens go in the Authorization header, never in cookies, so no credentials are allowed;
/// scripts may read the rate-limit headers, Retry-After and Location.</summary>
public static class Cors
{
    public const string Section = "Gateway:Cors:Origins";

    public static IServiceCollection AddGatewayCors(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = configuration.GetSection(Section).Get<string[]>() ?? [];
        foreach (var origin in origins)
        {
            if (origin.Length > GatewayHeaders.AllowedOriginMaxLength || !Uri.TryCreate(origin, UriKind.Absolute, out var uri)
                || uri.Scheme is not ("http" or "https") || uri.GetLeftPart(UriPartial.Authority) != origin.TrimEnd('/'))
                throw new InvalidOperationException($"'{origin}' ({Section}) is not a web origin such as https://doankhoi.example.vn " +
                    $"of at most {GatewayHeaders.AllowedOriginMaxLength} characters.");
        }
        return services.AddCors(cors => cors.AddDefaultPolicy(policy => policy
            .WithOrigins(origins)
            .WithMethods(HttpMethods.Get, HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete)
            .WithHeaders("Authorization", "Content-Type")
            .WithExposedHeaders(GatewayHeaders.RateLimitLimit, GatewayHeaders.RateLimitRemaining, GatewayHeaders.RateLimitReset, "Retry-After", "Location")
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
    }
}
