using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;

namespace DoanKhoi.Gateway;

/// <summary>One route per service: <c>/api/&lt;service&gt;/**</c> goes to the service's resource, found
/// through service discovery, with the prefix removed and passed on as X-Forwarded-Prefix so the
/// service's links (Location, OpenAPI) point back through the gateway. A request needs a valid token,
/// except on the public paths: each service's health and API description, and the identity service
/// (its sign-in page and token endpoints; it guards its own API).</summary>
public static class GatewayRoutes
{
    /// <summary>Paths under each service's prefix that anyone may reach.</summary>
    public static readonly string[] PublicPaths = [Extensions.HealthPath, Extensions.AlivenessPath, "/openapi/{**rest}", "/scalar/{**rest}"];

    private const string Anonymous = "anonymous";

    public static IReverseProxyBuilder AddGatewayRoutes(this IReverseProxyBuilder proxy, IConfiguration configuration)
    {
        var timeout = configuration.GetValue("Gateway:UpstreamTimeout", TimeSpan.FromSeconds(30));
        var probeInterval = configuration.GetValue("Gateway:HealthProbeInterval", TimeSpan.FromSeconds(3));
        RouteConfig Route(string segment, string id, string path, string policy) => new()
        {
            RouteId = id,
            ClusterId = segment,
            Match = new RouteMatch { Path = $"/api/{segment}{path}" },
            AuthorizationPolicy = policy,
            Transforms =
            [
                new Dictionary<string, string> { ["PathRemovePrefix"] = $"/api/{segment}" },
                new Dictionary<string, string> { ["X-Forwarded"] = "Set", ["Prefix"] = "Off" },
                new Dictionary<string, string> { ["RequestHeader"] = "X-Forwarded-Prefix", ["Set"] = $"/api/{segment}" },
                // The portal's key is for the gateway alone.
                new Dictionary<string, string> { ["RequestHeaderRemove"] = GatewayHeaders.FrontEndKey },
                new Dictionary<string, string> { ["RequestHeaderRemove"] = GatewayHeaders.FrontEndCaller },
            ],
        };
        var routes = ResourceNames.Services.SelectMany(s => s.Segment == ResourceNames.IdentitySegment
            ? [Route(s.Segment, s.Segment, "/{**rest}", Anonymous)]
            : PublicPaths.Select((path, i) => Route(s.Segment, $"{s.Segment}-public-{i}", path, Anonymous))
                .Append(Route(s.Segment, s.Segment, "/{**rest}", DoanKhoi.Security.Policies.Read))).ToList();
        var clusters = ResourceNames.Services.Select(s => new ClusterConfig
        {
            ClusterId = s.Segment,
            Destinations = new Dictionary<string, DestinationConfig> { ["primary"] = new() { Address = $"http://{s.Api}" } },
            HttpRequest = new ForwarderRequestConfig { ActivityTimeout = timeout },
            // A stopped service may still accept connections (Aspire's proxy does) and never answer:
            // probing /alive marks it down within seconds, and callers then get a 503 at once.
            HealthCheck = new HealthCheckConfig
            {
                // Not YARP's default "HealthyOrPanic", which sends to a dead service when it is the only one.
                AvailableDestinationsPolicy = HealthCheckConstants.AvailableDestinations.HealthyAndUnknown,
                Active = new ActiveHealthCheckConfig
                {
                    Enabled = true,
                    Interval = probeInterval,
                    Timeout = TimeSpan.FromSeconds(5),
                    Policy = HealthCheckConstants.ActivePolicy.ConsecutiveFailures,
                    Path = Extensions.AlivenessPath,
                },
                Passive = new PassiveHealthCheckConfig
                {
                    Enabled = true,
                    Policy = HealthCheckConstants.PassivePolicy.TransportFailureRate,
                    ReactivationPeriod = probeInterval,
                },
            },
        }).ToList();
        return proxy.LoadFromMemory(routes, clusters).AddServiceDiscoveryDestinationResolver();
    }
}
