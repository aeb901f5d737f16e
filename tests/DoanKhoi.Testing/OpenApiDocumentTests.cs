using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DoanKhoi.Testing;

/// <summary>The OpenAPI document test of one service, derive it in the service's test project: the
/// document says where the API is (the gateway's prefix, relative), states every limit (what the OWASP
/// API ruleset for Spectral asks: a string's length, a list's size, a number's range) and every error
/// as problem details, and the rate-limit headers the gateway adds.</summary>
public abstract class OpenApiDocumentTests<TEntryPoint>(ServiceFactory<TEntryPoint> factory, string segment) where TEntryPoint : class
{
    private static readonly string[] RateLimitHeaders = [GatewayHeaders.RateLimitLimit, GatewayHeaders.RateLimitRemaining, GatewayHeaders.RateLimitReset];

    /// <summary>The gateway's requests come from loopback, the only address whose X-Forwarded-* a service believes.</summary>
    private sealed class FromLoopback : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, go) => { http.Connection.RemoteIpAddress = IPAddress.Loopback; return go(http); });
            next(app);
        };
    }

    private async Task<JsonElement> ThroughTheGatewayAsync()
    {
        using var client = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter>(new FromLoopback()))).CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        request.Headers.Add("X-Forwarded-Prefix", $"/api/{segment}");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<JsonElement> DocumentAsync() => factory.CreateClient().Anonymous().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

    [Fact]
    public async Task The_server_is_the_gateway_s_prefix_relative_to_the_document_and_meant_for_callers_outside()
    {
        var server = Assert.Single((await ThroughTheGatewayAsync()).GetProperty("servers").EnumerateArray());

        Assert.Equal($"/api/{segment}", server.GetProperty("url").GetString());
        Assert.False(server.GetProperty("x-internal").GetBoolean());
        Assert.Equal("/", Assert.Single((await DocumentAsync()).GetProperty("servers").EnumerateArray()).GetProperty("url").GetString());
    }

    [Fact]
    public async Task Every_operation_names_its_errors_as_problem_details_and_every_answer_the_rate_limit_headers()
    {
        var document = await DocumentAsync();
        var operations = Operations(document).ToList();
        Assert.NotEmpty(operations);

        foreach (var (name, operation) in operations)
        {
            var responses = operation.GetProperty("responses");
            var statuses = responses.EnumerateObject().Select(r => r.Name).ToList();
            var parameters = operation.TryGetProperty("parameters", out var list) ? list.EnumerateArray().ToList() : [];
            var expected = new List<string> { "401", "403", "429", "500" };
            if (operation.TryGetProperty("requestBody", out _)) expected.AddRange(["400", "415"]);
            if (parameters.Any(p => p.GetProperty("in").GetString() == "query")) expected.Add("400");
            if (parameters.Any(p => p.GetProperty("in").GetString() == "path")) expected.Add("404");
            Assert.All(expected, status => Assert.True(statuses.Contains(status), $"{name} does not say it can answer {status}."));

            foreach (var response in responses.EnumerateObject())
            {
                var headers = response.Value.TryGetProperty("headers", out var h) ? h.EnumerateObject().Select(p => p.Name).ToList() : [];
                Assert.All(RateLimitHeaders, header => Assert.True(headers.Contains(header), $"{name} {response.Name} does not name {header}."));
                if (response.Name[0] is not ('4' or '5')) continue;
                var schema = response.Value.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema");
                Assert.Equal("#/components/schemas/Problem", schema.GetProperty("$ref").GetString());
                if (response.Name == "429") Assert.Contains("Retry-After", headers);
            }
        }
    }

    [Fact]
    public async Task Every_string_list_and_integer_states_its_limit()
    {
        var unbounded = new List<string>();
        Walk(await DocumentAsync(), "$", unbounded);

        Assert.True(unbounded.Count == 0, $"{unbounded.Count} values state no limit:\n{string.Join("\n", unbounded)}");
    }

    private static IEnumerable<(string Name, JsonElement Operation)> Operations(JsonElement document) =>
        from path in document.GetProperty("paths").EnumerateObject()
        from operation in path.Value.EnumerateObject()
        where operation.Name is "get" or "post" or "put" or "patch" or "delete"
        select ($"{operation.Name.ToUpperInvariant()} {path.Name}", operation.Value);

    /// <summary>Every schema in the document (an object whose "type" is a type name or a list of them).</summary>
    private static void Walk(JsonElement node, string at, List<string> unbounded)
    {
        if (node.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in node.EnumerateArray()) Walk(item, $"{at}[{i++}]", unbounded);
            return;
        }
        if (node.ValueKind != JsonValueKind.Object) return;
        if (node.TryGetProperty("type", out var type) && type.ValueKind is JsonValueKind.String or JsonValueKind.Array)
        {
            var types = type.ValueKind == JsonValueKind.String ? [type.GetString()!] : type.EnumerateArray().Select(t => t.GetString()).ToList();
            bool Has(string keyword) => node.TryGetProperty(keyword, out _);
            if (types.Contains("string") && !Has("maxLength") && !Has("enum") && !Has("const")) unbounded.Add($"{at}: a string without maxLength");
            if (types.Contains("array") && !Has("maxItems")) unbounded.Add($"{at}: a list without maxItems");
            if (types.Contains("integer") && !(Has("minimum") && Has("maximum"))) unbounded.Add($"{at}: an integer without minimum and maximum");
        }
        foreach (var property in node.EnumerateObject()) Walk(property.Value, $"{at}.{property.Name}", unbounded);
    }
}
