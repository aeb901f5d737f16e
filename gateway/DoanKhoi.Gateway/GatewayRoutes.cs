using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;

namespace DoanKhoi.Gateway;

/// <summary>One route per service: <c>/api/&lt;service&gt;/**</c> goes to the service's resource, found
/// through service discovery, with the prefix removed and passed on as X-Forwarded-Prefix so the
/// service's links (Location, OpenAPI) point back through the gateway.</summary>
public static class GatewayRoutes
{
    public static IReverseProxyBuilder AddGatewayRoutes(this IReverseProxyBuilder proxy, IConfiguration configuration)
    {
        var timeout = configuration.GetValue("Gateway:UpstreamTimeout", TimeSpan.FromSeconds(30));
        var probeInterval = configuration.GetValue("Gateway:HealthProbeInterval", TimeSpan.FromSeconds(3));
        var routes = ResourceNames.Services.Select(s => new RouteConfig
        {
            RouteId = s.Segment,
            ClusterId = s.Segment,
            Match = new RouteMatch { Path = $"/api/{s.Segment}/{{**rest}}" },
            Transforms =
            [
                new Dictionary<string, string> { ["PathRemovePrefix"] = $"/api/{s.Segment}" },
                new Dictionary<string, string> { ["X-Forwarded"] = "Set", ["Prefix"] = "Off" },
                new Dictionary<string, string> { ["RequestHeader"] = "X-Forwarded-Prefix", ["Set"] = $"/api/{s.Segment}" },
            ],
        }).ToList();
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
