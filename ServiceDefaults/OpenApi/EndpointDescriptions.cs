using DoanKhoi.OpenApi;

namespace Microsoft.AspNetCore.Builder;

/// <summary>What an endpoint adds to its OpenAPI description beyond what ASP.NET Core reads from its
/// handler: the errors only it can answer, and how long the list it answers can be.</summary>
public static class EndpointDescriptions
{
    /// <summary>Says that the endpoint can answer <paramref name="statusCode"/> with problem details, and
    /// when: <c>.WithProblem(409, "A cluster with this code exists already.")</c>. The errors that follow
    /// from the endpoint's shape (400 for a body or a query, 401 and 403 unless it is public, 404 for a
    /// value in the route, 415 for a body, 429, 500, 5XX) are described without it; a description given
    /// here replaces theirs.</summary>
    public static TBuilder WithProblem<TBuilder>(this TBuilder builder, int statusCode, string description) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ProblemResponse(statusCode, description));

    /// <summary>Says how many items the list the endpoint answers with can hold at most: a limit the
    /// domain keeps (<c>.WithMaxItems(OrganisationLimits.MaxClusters)</c>) or the endpoint applies.</summary>
    public static TBuilder WithMaxItems<TBuilder>(this TBuilder builder, int maxItems) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ResponseMaxItems(maxItems));
}
