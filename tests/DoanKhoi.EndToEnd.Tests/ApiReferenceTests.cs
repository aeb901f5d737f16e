using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DoanKhoi.EndToEnd.Tests;

/// <summary>An integrator's first visit: each service's API reference, opened in a real browser
/// through the gateway, loads its document, lists the operations and offers to try them with a token,
/// without reaching for anything outside the gateway (an office network may reach no CDN).</summary>
[Collection(nameof(DoanKhoiSystem))]
public class ApiReferenceTests(DoanKhoiSystem system)
{
    static readonly PageGotoOptions Navigation = new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 90_000 };

    [Theory]
    [InlineData("membership")]
    [InlineData("activities")]
    [InlineData("reporting")]
    [InlineData("inspection")]
    [InlineData("identity")]
    public async Task The_API_reference_loads_through_the_gateway_and_lists_the_operations(string service)
    {
        var document = await system.Anonymous.GetFromJsonAsync<JsonElement>($"/api/{service}/openapi/v1.json");
        var firstPath = document.GetProperty("paths").EnumerateObject().First().Name;
        await using var context = await system.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var gateway = system.Anonymous.BaseAddress!;
        var elsewhere = new List<string>();
        var failed = new List<string>();
        page.Request += (_, request) =>
        {
            if (new Uri(request.Url) is { Scheme: "http" or "https" } uri && uri.Authority != gateway.Authority) elsewhere.Add(request.Url);
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400) failed.Add($"{response.Status} {response.Url}");
        };

        // As typed in the address bar: without the trailing slash. The reference's script is large and
        // the service may be answering its first request on a busy machine: wait for what it shows,
        // not for every resource's load event.
        await page.GotoAsync(new Uri(gateway, $"/api/{service}/scalar").ToString(), Navigation);

        await Expect(page.GetByText(firstPath, new() { Exact = true }).First).ToBeAttachedAsync(new() { Timeout = 90_000 });
        await Expect(page.GetByText("Bearer Token").First).ToBeVisibleAsync();
        Assert.DoesNotContain(page.Url, "could not be loaded");
        await Expect(page.GetByText("could not be loaded")).ToHaveCountAsync(0);
        Assert.Empty(failed);
        Assert.Empty(elsewhere);
    }

    [Fact]
    public async Task An_operation_tried_in_the_reference_with_a_token_answers_through_the_gateway()
    {
        var token = (await system.SignInAsync("vanphong", system.BlocOfficePassword)).AccessToken!;
        await using var context = await system.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(system.Anonymous.BaseAddress!, "/api/membership/scalar/").ToString(), Navigation);

        await page.GetByPlaceholder("Token").First.FillAsync(token, new() { Timeout = 90_000 });
        var answer = page.WaitForResponseAsync(r => r.Url.EndsWith("/api/membership/tree") && r.Request.Method == "GET", new() { Timeout = 30_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Test Request" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).First.ClickAsync();

        var response = await answer;
        Assert.Equal(200, response.Status);
        Assert.Equal($"Bearer {token}", await response.Request.HeaderValueAsync("authorization"));
    }
}
