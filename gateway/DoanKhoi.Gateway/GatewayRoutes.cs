using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace DoanKhoi.Gateway;

/// <summary>One route per service: <c>/api/&lt;service&gt;/**</c> goes to the service's resource, found
/// through service discovery, with the prefix removed and passed on as X-Forwarded-Prefix so the
/// service's links (Location, OpenAPI) point back through the gateway.</summary>
public static class GatewayRoutes
{
    public static IReverseProxyBuilder AddGatewayRoutes(this IReverseProxyBuilder proxy, IConfiguration configuration)
    {
        var timeout = configuration.GetValue("Gateway:UpstreamTimeout", TimeSpan.FromSeconds(30));
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
        }).ToList();
        return proxy.LoadFromMemory(routes, clusters).AddServiceDiscoveryDestinationResolver();
    }
}
