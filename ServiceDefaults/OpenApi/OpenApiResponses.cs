using System.Text.Json.Nodes;
using DoanKhoi;
using DoanKhoi.OpenApi;
using DoanKhoi.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Microsoft.Extensions.Hosting;

/// <summary>Says on every operation which errors it can answer, each as RFC 9457 problem details, and
/// which headers every answer carries through the gateway. The errors follow from the endpoint's shape
/// (a body or a query can be invalid, an id in the route can name nothing, a token can be missing or
/// not allow it) and from what the endpoint declares with <see cref="Microsoft.AspNetCore.Builder.EndpointDescriptions.WithProblem{TBuilder}"/>;
/// the gateway adds 429 beyond the rate limit and 502, 503 or 504 when the service cannot answer. A list
/// answered whole says how long it can be (<see cref="ResponseMaxItems"/>).</summary>
internal sealed class OpenApiResponses : IOpenApiOperationTransformer
{
    public const string ProblemSchema = "Problem";
    public const string ProblemContentType = "application/problem+json";
    private const string RetryAfter = "Retry-After";
    private const string AllowOrigin = "Access-Control-Allow-Origin";

    private static readonly Dictionary<string, string> Generic = new()
    {
        ["400"] = "The request cannot be read (not JSON, a value of the wrong type, a field this request does not take) or a value " +
            "is invalid: `errors` names each field at fault (its JSON name, or `body`) with what is wrong.",
        ["401"] = "No access token, or one that has expired or is not valid here: `detail` says which. Get a token from the identity service.",
        ["403"] = "The token may not do this: it lacks the scope (read or write) or the caller's post does not allow it; " +
            "`errors` names the field when one field is at fault.",
        ["404"] = "There is nothing with this id that the caller may see: something outside the caller's reach is answered " +
            "the same way as something that does not exist.",
        ["409"] = "The request clashes with what is stored (a key already taken, or a change made meanwhile): reload and try again.",
        ["415"] = "The body is not sent as JSON: use `Content-Type: application/json`.",
        ["422"] = "The request is well-formed but breaks a rule of the organisation: `detail` says which.",
        ["429"] = $"Too many requests from this caller in the current window: `{RetryAfter}` says how many seconds to wait.",
        ["500"] = "Something failed unexpectedly; the problem tells nothing of the internals, and `traceId` identifies the request for the operators.",
        ["5XX"] = "The gateway got no answer from the service: 502 when it cannot be reached, 503 when it is not available " +
            $"(starting or stopped), 504 when it did not answer in time; `service` names it, and 502 and 503 come with `{RetryAfter}`.",
    };

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document ?? throw new InvalidOperationException("The operation has no document.");
        EnsureComponents(document);
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var parameters = description.ParameterDescriptions;
        var hasBody = parameters.Any(p => p.Source == BindingSource.Body || p.Source == BindingSource.Form);
        var hasQuery = parameters.Any(p => p.Source == BindingSource.Query);
        var hasRouteValue = parameters.Any(p => p.Source == BindingSource.Path);
        var guarded = !metadata.OfType<IAllowAnonymous>().Any();

        var errors = new SortedDictionary<string, string>(StringComparer.Ordinal);
        void Add(string status, bool when) { if (when) errors[status] = Generic[status]; }
        Add("400", hasBody || hasQuery);
        Add("401", guarded);
        Add("403", guarded);
        Add("404", hasRouteValue);
        Add("415", hasBody);
        Add("429", true);
        Add("500", true);
        Add("5XX", true);
        // What the endpoint declares: its own errors, and what a generic one means there.
        foreach (var declared in metadata.OfType<ProblemResponse>().GroupBy(p => p.StatusCode))
            errors[declared.Key.ToString(System.Globalization.CultureInfo.InvariantCulture)] = string.Join(" ", declared.Select(p => p.Description));
        // .ProducesProblem(…) from ASP.NET Core says only the status.
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (!errors.ContainsKey(status) && int.TryParse(status, out var code) && code >= 400)
                errors[status] = Generic.TryGetValue(status, out var text) ? text : response.Description ?? "";
        }

        operation.Responses ??= [];
        foreach (var (status, text) in errors)
        {
            operation.Responses[status] = new OpenApiResponse
            {
                Description = text,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    [ProblemContentType] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, document) },
                },
            };
        }

        if (metadata.OfType<ResponseMaxItems>().LastOrDefault() is { } limit)
        {
            foreach (var (status, response) in operation.Responses)
            {
                if (!status.StartsWith('2')) continue;
                foreach (var media in response.Content?.Values ?? [])
                {
                    if (media.Schema is OpenApiSchema { Type: { } type } list && type.HasFlag(JsonSchemaType.Array))
                        media.Schema = new OpenApiSchema { Type = list.Type, Items = list.Items, MaxItems = limit.MaxItems, Description = list.Description };
                }
            }
        }

        // Through the gateway every answer to an API request says where the caller stands against the limit.
        foreach (var (status, response) in operation.Responses)
        {
            if (response is not OpenApiResponse concrete) continue;
            concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
            foreach (var header in new[] { GatewayHeaders.RateLimitLimit, GatewayHeaders.RateLimitRemaining, GatewayHeaders.RateLimitReset, AllowOrigin })
                concrete.Headers[header] = new OpenApiHeaderReference(header, document);
            if (status is "429" or "5XX") concrete.Headers[RetryAfter] = new OpenApiHeaderReference(RetryAfter, document);
        }
        await Task.CompletedTask;
    }

    private static void EnsureComponents(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Headers ??= new Dictionary<string, IOpenApiHeader>();
        document.Components.Schemas.TryAdd(ProblemSchema, Problem());
        var headers = document.Components.Headers;
        headers.TryAdd(GatewayHeaders.RateLimitLimit, Header(
            "How many requests the caller may make in the current window: a person's own allowance, whichever application " +
            "they use, or a client system's.", Integer(1, int.MaxValue)));
        headers.TryAdd(GatewayHeaders.RateLimitRemaining, Header("How many of them are left.", Integer(0, int.MaxValue)));
        headers.TryAdd(GatewayHeaders.RateLimitReset, Header("Seconds until the window ends and the allowance is whole again.", Integer(0, int.MaxValue)));
        headers.TryAdd(RetryAfter, Header("Seconds to wait before trying again.", Integer(1, int.MaxValue)));
        headers.TryAdd(AllowOrigin, Header(
            "Sent only when the request comes from a web origin the gateway is configured to let read its answers " +
            "(Gateway:Cors:Origins; none by default): that origin.", String(GatewayHeaders.AllowedOriginMaxLength, "uri")));
    }

    private static OpenApiHeader Header(string description, OpenApiSchema schema) => new() { Description = description, Schema = schema };

    private static OpenApiSchema Integer(int minimum, int maximum) => new()
    {
        Type = JsonSchemaType.Integer,
        Format = "int32",
        Minimum = minimum.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Maximum = maximum.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static OpenApiSchema String(int maxLength, string? format = null, string? description = null) =>
        new() { Type = JsonSchemaType.String, MaxLength = maxLength, Format = format, Description = description };

    /// <summary>The problem details every DoanKhoi process writes, within <see cref="ProblemBounds"/>.</summary>
    private static OpenApiSchema Problem() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 9457 problem details.",
        Required = new HashSet<string> { "title", "status" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = String(ProblemBounds.TypeMaxLength, "uri-reference", "A link to the definition of the status."),
            ["title"] = String(ProblemBounds.TitleMaxLength, description: "What went wrong, in a few words."),
            ["status"] = Integer(StatusCodes.Status400BadRequest, 599),
            ["detail"] = String(ProblemBounds.DetailMaxLength, description: "What went wrong with this request, for the person who sent it."),
            ["instance"] = String(ProblemBounds.InstanceMaxLength, description: "The path of the request."),
            ["traceId"] = String(ProblemBounds.TraceIdMaxLength, description: "The request's trace (W3C trace context), for the operators."),
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "The fields at fault, each with what is wrong with it (on 400, and on 403 or 409 when one field is at fault).",
                MaxProperties = ProblemBounds.MaxFields,
                PropertyNames = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = ProblemBounds.FieldMaxLength },
                AdditionalProperties = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    MaxItems = ProblemBounds.MaxMessagesPerField,
                    Items = String(ProblemBounds.MessageMaxLength),
                },
            },
            ["service"] = String(ProblemBounds.ExtensionMaxLength, description: "The service the gateway could not get an answer from (502, 503, 504)."),
        },
    };
}
