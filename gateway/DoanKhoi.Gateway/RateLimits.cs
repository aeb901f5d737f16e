using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DoanKhoi.Gateway;

/// <summary>Limits how fast each caller (a signed-in account, else an address) and each integrating
/// system (a client-credentials token) may call the APIs, in fixed windows that start with the first request; over the
/// limit the answer is 429 with Retry-After. Every answer to a limited request says where the caller
/// stands (<see cref="GatewayHeaders.RateLimitLimit"/>, <see cref="GatewayHeaders.RateLimitRemaining"/>,
/// <see cref="GatewayHeaders.RateLimitReset"/>), as the OpenAPI documents describe. Health and the
/// gateway's own index are not limited. People are limited one by one, whichever application they
/// use: the per-client limit is for systems, and the portal's calls for a person who holds no token
/// yet count for that person (<see cref="GatewayHeaders.FrontEndCaller"/>, believed only with the
/// portal's key). Section "Gateway:RateLimit".</summary>
public static class RateLimits
{
    public sealed class Options
    {
        public int PermitsPerCaller { get; set; } = 300;
        public int PermitsPerClient { get; set; } = 1200;
        public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

        /// <summary>The key the portal shows (<see cref="GatewayHeaders.FrontEndKey"/>); none, nobody's caller header is believed.</summary>
        public string? FrontEndKey { get; set; }
    }

    public static IServiceCollection AddGatewayRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Gateway:RateLimit").Get<Options>() ?? new Options();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new CallerWindows(options, sp.GetRequiredService<TimeProvider>()));
        services.AddOptions<RateLimiterOptions>().Configure<CallerWindows>((limiter, windows) =>
        {
            limiter.GlobalLimiter = windows;
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : options.Window;
                var seconds = Seconds(retryAfter);
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
        return services.AddRateLimiter(_ => { });
    }

    /// <summary>Writes where the caller stands on every answer to a limited request, the 429 included.
    /// Goes before <c>UseRateLimiter</c>, which records it.</summary>
    public static IApplicationBuilder UseRateLimitHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            if (http.Features.Get<Standing>() is { } standing)
            {
                var headers = http.Response.Headers;
                headers[GatewayHeaders.RateLimitLimit] = standing.Limit.ToString(CultureInfo.InvariantCulture);
                headers[GatewayHeaders.RateLimitRemaining] = standing.Remaining.ToString(CultureInfo.InvariantCulture);
                headers[GatewayHeaders.RateLimitReset] = Seconds(standing.Reset).ToString(CultureInfo.InvariantCulture);
            }
            return Task.CompletedTask;
        });
        return next(http);
    });

    /// <summary>Where a request left its caller: the window with the fewest permits left (the one that
    /// refused it, for a 429), how many it allows, how many are left, and how long until it ends.</summary>
    public sealed record Standing(int Limit, int Remaining, TimeSpan Reset);

    private static int Seconds(TimeSpan time) => Math.Max(1, (int)Math.Ceiling(time.TotalSeconds));

    internal static bool IsApi(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/api")
        && !http.Request.Path.Value!.EndsWith(Extensions.HealthPath, StringComparison.OrdinalIgnoreCase)
        && !http.Request.Path.Value!.EndsWith(Extensions.AlivenessPath, StringComparison.OrdinalIgnoreCase);

    internal static string Caller(HttpContext http, Options options) =>
        http.User.FindFirstValue("sub")
        ?? FrontEndCaller(http, options)
        ?? http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>The person the portal calls for, when the portal shows its key.</summary>
    private static string? FrontEndCaller(HttpContext http, Options options)
    {
        if (options.FrontEndKey is not { Length: > 0 } key
            || http.Request.Headers[GatewayHeaders.FrontEndKey].ToString() is not { Length: > 0 } shown
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(shown), Encoding.UTF8.GetBytes(key))
            || http.Request.Headers[GatewayHeaders.FrontEndCaller].ToString() is not { Length: > 0 } caller)
            return null;
        return "front-end:" + caller[..Math.Min(caller.Length, GatewayHeaders.FrontEndCallerMaxLength)];
    }

    /// <summary>The integrating system calling with its own credentials; none for a person, whichever application they use.</summary>
    internal static string? SystemClient(HttpContext http) =>
        http.User.FindFirstValue("client_id") is { } client && client == http.User.FindFirstValue("sub") ? client : null;

    /// <summary>The fixed windows, one per person or address and one per system: each starts with the
    /// key's first request and lasts <see cref="Options.Window"/>. A request takes a permit from every
    /// window that applies to it, or from none when one of them is spent. Unlike System.Threading.RateLimiting's own
    /// fixed window, it knows when each window ends, which the headers tell.</summary>
    internal sealed class CallerWindows(Options options, TimeProvider clock) : PartitionedRateLimiter<HttpContext>
    {
        private readonly Dictionary<string, Window> _windows = new(StringComparer.Ordinal);
        private readonly Lock _gate = new();
        private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

        private sealed class Window(DateTimeOffset start)
        {
            public DateTimeOffset Start { get; } = start;
            public int Used { get; set; }
        }

        public override RateLimiterStatistics? GetStatistics(HttpContext resource) => null;

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken) =>
            ValueTask.FromResult(AttemptAcquireCore(resource, permitCount));

        protected override RateLimitLease AttemptAcquireCore(HttpContext http, int permitCount)
        {
            if (!IsApi(http)) return Lease.Granted;
            // A system is limited as a client; a person as themself, whichever application they use.
            List<(string Key, int Limit)> limits = SystemClient(http) is { } client
                ? [($"client:{client}", options.PermitsPerClient)]
                : [($"caller:{Caller(http, options)}", options.PermitsPerCaller)];
            var now = clock.GetUtcNow();
            lock (_gate)
            {
                Sweep(now);
                var windows = limits.Select(l => (l.Limit, Window: Current(l.Key, now))).ToList();
                var full = windows.Where(w => w.Window.Used + permitCount > w.Limit).ToList();
                if (full.Count == 0)
                {
                    foreach (var (_, window) in windows) window.Used += permitCount;
                    var tightest = windows.MinBy(w => w.Limit - w.Window.Used);
                    http.Features.Set(StandingOf(tightest.Limit, tightest.Window, now));
                    return Lease.Granted;
                }
                // Refused: the wait is until the last of the spent windows ends.
                var blocking = full.MaxBy(w => w.Window.Start);
                var standing = StandingOf(blocking.Limit, blocking.Window, now);
                http.Features.Set(standing);
                return new Lease(false, standing.Reset);
            }
        }

        private Standing StandingOf(int limit, Window window, DateTimeOffset now) =>
            new(limit, Math.Max(0, limit - window.Used), window.Start + options.Window - now);

        private Window Current(string key, DateTimeOffset now)
        {
            if (!_windows.TryGetValue(key, out var window) || now >= window.Start + options.Window)
                _windows[key] = window = new Window(now);
            return window;
        }

        /// <summary>Forgets the windows that have ended, once a window.</summary>
        private void Sweep(DateTimeOffset now)
        {
            if (now < _nextSweep) return;
            _nextSweep = now + options.Window;
            foreach (var (key, window) in _windows.ToList())
                if (now >= window.Start + options.Window) _windows.Remove(key);
        }
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter is { } wait && metadataName == MetadataName.RetryAfter.Name ? wait : null;
            return metadata is not null;
        }
    }
}
