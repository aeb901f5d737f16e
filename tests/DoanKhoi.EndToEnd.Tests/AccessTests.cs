using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DoanKhoi.Testing;

namespace DoanKhoi.EndToEnd.Tests;

/// <summary>Who sees what, through the gateway, with real tokens: the bloc office makes two clusters
/// with a unit each and two accounts, a secretary of one unit and the lead of the other cluster.</summary>
[Collection(nameof(DoanKhoiSystem))]
public class AccessTests(DoanKhoiSystem system)
{
    private HttpClient Office => system.Gateway;

    private Task<(Guid Cluster, Guid Unit)> CreateUnitAsync(string name) => system.CreateUnitAsync(name);

    private async Task<HttpClient> AccountAsync(string post)
    {
        var (userName, password) = await system.CreateAccountAsync(post);
        return await system.SignedInAsync(userName, password);
    }

    private static async Task<List<Guid>> IdsAsync(HttpClient client, string path, bool paged)
    {
        var body = await client.GetFromJsonAsync<JsonElement>(path);
        return (paged ? body.GetProperty("items") : body).EnumerateArray().Select(u => u.GetProperty("id").GetGuid()).ToList();
    }

    [Fact]
    public async Task Without_a_token_the_gateway_answers_401_and_the_public_paths_stay_open()
    {
        foreach (var path in new[] { "/api/membership/units", "/api/reporting/organisation/units", "/api/activities/movements", "/api/inspection/kinds", "/api/identity/accounts" })
            await (await system.Anonymous.GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await system.Anonymous.GetAsync("/api/membership/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await system.Anonymous.GetAsync("/api/identity/account/signin")).StatusCode);
    }

    [Fact]
    public async Task A_secretary_and_a_cluster_lead_see_only_their_part_of_the_organisation_in_every_service()
    {
        var (_, unitA) = await CreateUnitAsync("Đoàn Thanh niên Sở A");
        var (clusterB, unitB) = await CreateUnitAsync("Đoàn Thanh niên Sở B");
        var secretary = await AccountAsync($"unit-secretary@unit:{unitA}");
        var lead = await AccountAsync($"cluster-lead@cluster:{clusterB}");
        await Eventually.Until(() => Office.GetAsync($"/api/reporting/organisation/units/{unitB}"), r => r.StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(15), "reporting knows unit B");

        Assert.Equal(HttpStatusCode.OK, (await secretary.GetAsync($"/api/membership/units/{unitA}")).StatusCode);
        await (await secretary.GetAsync($"/api/membership/units/{unitB}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await secretary.GetAsync($"/api/reporting/organisation/units/{unitB}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal([unitA], await IdsAsync(secretary, "/api/membership/units?status=all&pageSize=200", paged: true));
        Assert.Equal([unitA], await IdsAsync(secretary, "/api/reporting/organisation/units?status=all&pageSize=200", paged: true));
        Assert.Equal([unitB], await IdsAsync(lead, "/api/membership/units?status=all&pageSize=200", paged: true));
        Assert.Equal([clusterB], await IdsAsync(lead, "/api/membership/clusters", paged: false));

        var move = await secretary.PutAsJsonAsync($"/api/membership/units/{unitA}/cluster", new { clusterId = clusterB });
        var problem = await move.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("bloc office", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Over_the_limit_a_caller_gets_429_with_Retry_After_while_others_go_on()
    {
        // A member post names a member membership recorded: identity hears of them moments later.
        var (_, unit) = await CreateUnitAsync("Đoàn Thanh niên Sở Ngoại vụ");
        var member = await system.RegisterMemberAsync(unit, "Chu Thị Hằng");
        var caller = await AccountAsync($"member@member:{member}");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= DoanKhoiSystem.PermitsPerCaller; i++)
            statuses.Add((await caller.GetAsync("/api/activities/movements")).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        var refused = await caller.GetAsync("/api/activities/movements");
        await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await Office.GetAsync("/api/activities/movements")).StatusCode);
    }
}
