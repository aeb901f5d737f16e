using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Microsoft.Extensions.Hosting;

/// <summary>Says in each OpenAPI document how a caller proves who they are: a bearer access token from
/// the identity service, on every operation that is not public. The API reference then offers a box
/// for the token, and every operation can be tried with it.</summary>
internal sealed class OpenApiSecurity : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string Scheme = "Bearer";

    /// <summary>"DoanKhoi.Membership.Api" → "DoanKhoi membership API".</summary>
    public static string TitleOf(string applicationName) =>
        applicationName.Split('.') is [var product, var service, "Api"] ? $"{product} {service.ToLowerInvariant()} API" : applicationName;

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = TitleOf(context.ApplicationServices.GetRequiredService<IHostEnvironment>().ApplicationName);
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "An access token from the identity service (/api/identity): a person's from the sign-in page " +
                "(eng/token.sh prints one), or another system's from the client-credentials grant at /api/identity/connect/token. " +
                "It lasts 10 minutes. The tokens follow RFC8725 (JSON Web Token Best Current Practices): the identity service " +
                $"signs them with {SecurityExtensions.TokenAlgorithm}, and the gateway and every service accept only that algorithm, " +
                $"the token type '{SecurityExtensions.TokenType}', the identity service as issuer and '{DoanKhoi.Security.Scopes.Audience}' " +
                "as audience, within the token's lifetime.",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, document)] = [] }];
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        // A public operation says so, overriding the document's requirement.
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
            operation.Security = [];
        return Task.CompletedTask;
    }
}
