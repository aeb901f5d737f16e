namespace DoanKhoi.OpenApi;

/// <summary>An error an endpoint can answer beyond those its shape implies, with what it means there.
/// See <see cref="Microsoft.AspNetCore.Builder.EndpointDescriptions.WithProblem{TBuilder}"/>.</summary>
public sealed record ProblemResponse(int StatusCode, string Description);

/// <summary>The most items the list an endpoint answers with can hold.
/// See <see cref="Microsoft.AspNetCore.Builder.EndpointDescriptions.WithMaxItems{TBuilder}"/>.</summary>
public sealed record ResponseMaxItems(int MaxItems);

/// <summary>How long each string of a list of strings can be, for its OpenAPI schema:
/// <c>[property: MaxLength(20), ItemMaxLength(Post.MaxLength)] IReadOnlyList&lt;string&gt; Posts</c>.
/// It describes; the handler (or the domain) refuses a longer one.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class ItemMaxLengthAttribute(int length) : Attribute
{
    public int Length { get; } = length;
}
