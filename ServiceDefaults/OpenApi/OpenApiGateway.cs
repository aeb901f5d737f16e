using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Microsoft.Extensions.Hosting;

/// <summary>Describes a service's API as callers reach it: through the gateway, under the service's
/// prefix. The server is that prefix, relative to wherever the document was read (the gateway), so
/// the API reference sends its requests there; it is for callers outside the system (x-internal: false).</summary>
internal sealed class OpenApiGateway : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        // ASP.NET Core names the server from the request: scheme, host, and the path base, which is the
        // gateway's X-Forwarded-Prefix (believed from the gateway only). Only the path is kept.
        var prefix = document.Servers is [{ Url: { } url }, ..] && Uri.TryCreate(url, UriKind.Absolute, out var uri)
            ? uri.AbsolutePath.TrimEnd('/')
            : "";
        document.Servers =
        [
            new OpenApiServer
            {
                Url = prefix.Length == 0 ? "/" : prefix,
                Description = "The gateway of the deployment that serves this document, whether production, test or local: " +
                    "the same address the document was read from.",
                Extensions = new Dictionary<string, IOpenApiExtension> { ["x-internal"] = new JsonNodeExtension(JsonValue.Create(false)) },
            },
        ];
        document.Info.Description =
            "Reached through the DoanKhoi gateway" + (prefix.Length == 0 ? "" : $", under `{prefix}`") + ". " +
            "Every operation needs a bearer access token from the identity service. " +
            "The gateway limits how many requests each caller may make in a window: every answer says where the caller stands " +
            $"(`{DoanKhoi.GatewayHeaders.RateLimitLimit}`, `{DoanKhoi.GatewayHeaders.RateLimitRemaining}`, `{DoanKhoi.GatewayHeaders.RateLimitReset}`), " +
            "and beyond the limit the answer is 429 with `Retry-After`. " +
            "Every error is an RFC 9457 problem (`application/problem+json`); a field at fault is named in `errors`. " +
            "Lengths, ranges and page sizes are stated on each field and parameter.";
        return Task.CompletedTask;
    }
}
