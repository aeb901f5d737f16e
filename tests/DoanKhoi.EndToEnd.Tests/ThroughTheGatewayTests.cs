using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DoanKhoi.Testing;

namespace DoanKhoi.EndToEnd.Tests;

[Collection(nameof(DoanKhoiSystem))]
public class ThroughTheGatewayTests(DoanKhoiSystem system)
{
    private HttpClient Gateway => system.Gateway;

    [Fact]
    public async Task A_unit_created_in_membership_is_known_to_reporting_moments_later()
    {
        var code = $"E2E-{Guid.NewGuid():N}"[..12].ToUpperInvariant();
        var cluster = await (await Gateway.PostAsJsonAsync("/api/membership/clusters", new { code, name = "Cụm thi đua kiểm thử" })).Content.ReadFromJsonAsync<JsonElement>();
        var created = await Gateway.PostAsJsonAsync("/api/membership/units",
            new { code, name = "Đoàn Trường THPT Việt Bắc", kind = "school", clusterId = cluster.GetProperty("id").GetGuid() });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.StartsWith("/api/membership/units/", created.Headers.Location!.AbsolutePath);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var seen = await Eventually.Until(() => Gateway.GetAsync($"/api/reporting/organisation/units/{id}"), r => r.StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(10), "reporting knows the unit");
        var unit = await seen.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Đoàn Trường THPT Việt Bắc", unit.GetProperty("name").GetString());

        var found = await Gateway.GetFromJsonAsync<JsonElement>("/api/reporting/organisation/units?q=doan%20truong%20viet%20bac");
        Assert.Contains(found.GetProperty("items").EnumerateArray(), u => u.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task Bad_input_gets_a_problem_naming_the_field_within_the_callers_trace()
    {
        var trace = System.Diagnostics.ActivityTraceId.CreateRandom();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/membership/units")
        {
            Content = new StringContent("""{"code":"X1","name":""}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("traceparent", $"00-{trace}-{System.Diagnostics.ActivitySpanId.CreateRandom()}-01");

        var response = await Gateway.SendAsync(request);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["A name is required."], problem.FieldErrors("name"));
        Assert.NotEmpty(problem.FieldErrors("kind"));
        // Written by membership: the gateway carried the caller's trace on to the service.
        Assert.Contains(trace.ToString(), problem.GetProperty("traceId").GetString());

        await (await Gateway.GetAsync("/api/nowhere")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("membership")]
    [InlineData("activities")]
    [InlineData("reporting")]
    [InlineData("inspection")]
    public async Task Each_service_is_healthy_and_documents_itself_through_the_gateway(string service)
    {
        var health = await Gateway.GetFromJsonAsync<JsonElement>($"/api/{service}/health");
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.Equal("Healthy", health.GetProperty("checks").GetProperty("masstransit-bus").GetProperty("status").GetString());

        var openApi = await Gateway.GetFromJsonAsync<JsonElement>($"/api/{service}/openapi/v1.json");
        Assert.StartsWith("3.", openApi.GetProperty("openapi").GetString());
        Assert.EndsWith($"/api/{service}", openApi.GetProperty("servers")[0].GetProperty("url").GetString());
        Assert.Equal(HttpStatusCode.OK, (await Gateway.GetAsync($"/api/{service}/scalar/")).StatusCode);
    }
}
