using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DoanKhoi.Testing;

namespace DoanKhoi.EndToEnd.Tests;

/// <summary>The audit trail and the developer's token command, through the gateway with real tokens.</summary>
[Collection(nameof(DoanKhoiSystem))]
public class RecordTests(DoanKhoiSystem system)
{
    [Fact]
    public async Task A_change_is_recorded_under_the_account_that_made_it_and_a_refused_one_is_not()
    {
        var code = $"R{Guid.NewGuid():N}"[..10].ToUpperInvariant();
        var cluster = await (await system.Gateway.PostAsJsonAsync("/api/membership/clusters", new { code, name = "Cụm ghi nhận" })).Content.ReadFromJsonAsync<JsonElement>();
        var clusterId = cluster.GetProperty("id").GetGuid();
        var unit = await (await system.Gateway.PostAsJsonAsync("/api/membership/units", new { code, name = "Đoàn ghi nhận", kind = "agency", clusterId })).Content.ReadFromJsonAsync<JsonElement>();
        var unitId = unit.GetProperty("id").GetGuid();

        var duplicate = await system.Gateway.PostAsJsonAsync("/api/membership/units", new { code, name = "Đoàn trùng mã", kind = "agency", clusterId });
        await duplicate.ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var audit = await system.Gateway.GetFromJsonAsync<JsonElement>($"/api/membership/audit?unitId={unitId}");
        var entry = audit.GetProperty("items").EnumerateArray().Single();
        Assert.Equal(("vanphong", "bloc-office@bloc", "created"),
            (entry.GetProperty("actor").GetString(), entry.GetProperty("onBehalfOf").GetString(), entry.GetProperty("action").GetString()));
        var byName = await system.Gateway.GetFromJsonAsync<JsonElement>($"/api/membership/audit?entityType=Unit&person=vanphong&pageSize=500");
        Assert.DoesNotContain(byName.GetProperty("items").EnumerateArray(), e => e.GetProperty("after").ToString().Contains("Đoàn trùng mã"));

        var signIns = await system.Gateway.GetFromJsonAsync<JsonElement>("/api/identity/audit?entityType=SignIn&person=vanphong");
        Assert.NotEqual(0, signIns.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_request_the_gateway_refuses_is_on_the_identity_service_s_audit_trail()
    {
        var path = $"/api/reporting/organisation/units/{Guid.NewGuid()}";

        await (await system.Anonymous.GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

        await Eventually.Until(async () =>
            (await system.Gateway.GetFromJsonAsync<JsonElement>($"/api/identity/audit?action=refused&entityId=GET%20{Uri.EscapeDataString(path)}"))
                .GetProperty("total").GetInt32() == 1,
            TimeSpan.FromSeconds(15), "the refusal on identity's audit trail");
    }

    [Fact]
    public async Task The_documented_token_command_prints_a_token_that_works_with_curl()
    {
        var script = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../eng/token.sh"));
        var start = new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DOANKHOI_GATEWAY"] = system.Anonymous.BaseAddress!.ToString().TrimEnd('/');
        start.Environment["DOANKHOI_PASSWORD"] = system.BlocOfficePassword;
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, errors);
        var response = await system.WithToken(output.Trim()).GetAsync("/api/membership/units");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
