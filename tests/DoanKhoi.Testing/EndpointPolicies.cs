using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DoanKhoi.Testing;

/// <summary>Reads every endpoint a host serves and how it is guarded: each must name an authorization
/// policy or be marked public, on purpose.</summary>
public static class EndpointPolicies
{
    public sealed record Guard(string Endpoint, bool Public, IReadOnlyList<string> Policies);

    public static IReadOnlyList<Guard> Of(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => new Guard(
                $"{string.Join(",", e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])} {e.RoutePattern.RawText}",
                e.Metadata.GetMetadata<IAllowAnonymous>() is not null,
                e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().ToList()))
            .OrderBy(g => g.Endpoint, StringComparer.Ordinal)
            .ToList();

    /// <summary>Endpoints that neither name a policy nor are marked public: each one is a defect.</summary>
    public static IReadOnlyList<string> Unguarded(IServiceProvider services) =>
        Of(services).Where(g => !g.Public && g.Policies.Count == 0).Select(g => g.Endpoint).ToList();

    public static IReadOnlyList<string> Public(IServiceProvider services) =>
        Of(services).Where(g => g.Public).Select(g => g.Endpoint).ToList();

    /// <summary>Every service's deliberately public endpoints: health, and its API description.</summary>
    public static readonly string[] ServiceDefaults =
    [
        "* /alive", "* /health", "GET /openapi/{documentName}.json",
        "GET /scalar/favicon.svg", "GET /scalar/scalar.aspnetcore.js", "GET /scalar/scalar.js", "GET /scalar/{documentName?}",
    ];
}

/// <summary>The endpoint-policy test of one service: derive it in the service's test project.</summary>
public abstract class EndpointPolicyTests<TEntryPoint>(ServiceFactory<TEntryPoint> factory, params string[] alsoPublic) where TEntryPoint : class
{
    [Xunit.Fact]
    public void Every_endpoint_names_an_authorization_policy_unless_it_is_deliberately_public()
    {
        _ = factory.Server;

        Xunit.Assert.Empty(EndpointPolicies.Unguarded(factory.Services));
        Xunit.Assert.Equal(EndpointPolicies.ServiceDefaults.Concat(alsoPublic).Order(StringComparer.Ordinal), EndpointPolicies.Public(factory.Services));
    }
}
