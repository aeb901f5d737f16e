using System.Net;
using DoanKhoi.Testing;

// Two systems at once would compete for a small machine's cores; one after the other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace DoanKhoi.EndToEnd.Tests;

[Collection(nameof(SystemToBreak))]
public class StoppedServiceTests(DoanKhoiSystem system)
{
    [Fact]
    public async Task A_stopped_service_gets_a_5xx_problem_at_once_not_a_hang()
    {
        await system.StopAsync(ResourceNames.InspectionApi);

        // The gateway notices within seconds; from then on every caller gets a problem at once.
        await Eventually.Until(() => GetWithin("/api/inspection/kinds", TimeSpan.FromSeconds(35)), r => (int)r.StatusCode >= 500,
            TimeSpan.FromSeconds(90), "the gateway answering 5xx");
        var response = await GetWithin("/api/inspection/kinds", TimeSpan.FromSeconds(5));

        var problem = await response.ShouldBeProblemAsync(response.StatusCode);
        Assert.InRange((int)response.StatusCode, 502, 504);
        Assert.Contains("inspection", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await GetWithin("/api/membership/clusters", TimeSpan.FromSeconds(10))).StatusCode);
    }

    private async Task<HttpResponseMessage> GetWithin(string path, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        return await system.Gateway.GetAsync(path, timeout.Token);
    }
}
