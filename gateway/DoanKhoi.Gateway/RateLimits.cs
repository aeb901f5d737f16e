using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace DoanKhoi.Gateway;

/// <summary>Limits how fast each caller (a signed-in account, else an address) and each client (an
/// integrating system) may call the APIs; over the limit the answer is 429 with Retry-After. Health
/// and the gateway's own index are not limited. Section "Gateway:RateLimit".</summary>
public static class RateLimits
{
    public sealed class Options
    {
        public int PermitsPerCaller { get; set; } = 300;
        public int PermitsPerClient { get; set; } = 1200;
        public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
    }

    public static IServiceCollection AddGatewayRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Gateway:RateLimit").Get<Options>() ?? new Options();
        return services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http => IsApi(http)
                    ? RateLimitPartition.GetFixedWindowLimiter($"caller:{Caller(http)}", _ => Window(options.PermitsPerCaller, options.Window))
                    : RateLimitPartition.GetNoLimiter("")),
                PartitionedRateLimiter.Create<HttpContext, string>(http => IsApi(http) && Client(http) is { } client
                    ? RateLimitPartition.GetFixedWindowLimiter($"client:{client}", _ => Window(options.PermitsPerClient, options.Window))
                    : RateLimitPartition.GetNoLimiter("")));
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : options.Window;
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests",
                        Detail = $"More requests than allowed in {options.Window.TotalSeconds:0} s. Try again in {seconds} s.",
                    },
                });
            };
        });
    }

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = permits, Window = window, QueueLimit = 0 };

    private static bool IsApi(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/api")
        && !http.Request.Path.Value!.EndsWith(Extensions.HealthPath, StringComparison.OrdinalIgnoreCase)
        && !http.Request.Path.Value!.EndsWith(Extensions.AlivenessPath, StringComparison.OrdinalIgnoreCase);

    private static string Caller(HttpContext http) =>
        http.User.FindFirstValue("sub") ?? http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static string? Client(HttpContext http) =>
        http.User.FindFirstValue("client_id") ?? http.User.FindFirstValue("azp");
}
