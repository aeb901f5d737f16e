using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DoanKhoi.Membership.Apis;
using DoanKhoi.Security;
using DoanKhoi.Testing;
using Npgsql;

namespace DoanKhoi.Membership.Tests.Apis;

public class AuditTrailTests(MembershipApiFactory factory) : IClassFixture<MembershipApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = factory.CreateClient();

    public Task InitializeAsync() => factory.Database.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<List<(string Action, string? Before, string? After, string Actor, string? TraceId)>> EntriesFor(string type, Guid id)
    {
        await using var connection = new NpgsqlConnection(factory.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT action, before::text, after::text, actor, trace_id FROM audit_entries WHERE entity_type = @type AND entity_id = @id ORDER BY id", connection);
        command.Parameters.AddWithValue("type", type);
        command.Parameters.AddWithValue("id", id.ToString());
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string?, string?, string, string?)>();
        while (await reader.ReadAsync())
            rows.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
        return rows;
    }

    [Fact]
    public async Task Each_change_is_recorded_with_its_values_before_and_after_and_the_trace_of_its_request()
    {
        var cluster = await (await _client.PostAsJsonAsync("/clusters", new { code = "CUM-01", name = "Cụm 1" })).ReadAsync<ClusterResponse>();
        var unit = await (await _client.PostAsJsonAsync("/units", new { code = "U1", name = "Đoàn Thanh niên Sở Y tế", kind = "agency", clusterId = cluster!.Id })).ReadAsync<UnitResponse>();
        var trace = ActivityTraceId.CreateRandom();
        var rename = new HttpRequestMessage(HttpMethod.Put, $"/units/{unit!.Id}/name") { Content = JsonContent.Create(new { name = "Đoàn TN Sở Y tế" }) };
        rename.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(rename)).StatusCode);

        var entries = await EntriesFor("Unit", unit.Id);

        Assert.Equal(["Created", "Updated"], entries.Select(e => e.Action));
        var created = JsonDocument.Parse(entries[0].After!).RootElement;
        Assert.Equal(("Đoàn Thanh niên Sở Y tế", "agency"), (created.GetProperty("name").GetString(), created.GetProperty("kind").GetString()));
        Assert.Null(entries[0].Before);
        var before = JsonDocument.Parse(entries[1].Before!).RootElement;
        var after = JsonDocument.Parse(entries[1].After!).RootElement;
        Assert.Equal(("Đoàn Thanh niên Sở Y tế", "Đoàn TN Sở Y tế"), (before.GetProperty("name").GetString(), after.GetProperty("name").GetString()));
        Assert.False(after.TryGetProperty("code", out _), "an update records only what changed");
        Assert.Equal(trace.ToString(), entries[1].TraceId);
        Assert.All(entries, e => Assert.Equal("test.bloc-office", e.Actor));
        Assert.Equal(["bloc-office@bloc"], await factory.Database.ColumnAsync<string>($"SELECT DISTINCT on_behalf_of FROM audit_entries WHERE entity_id = '{unit.Id}'"));
    }

    [Fact]
    public async Task A_refused_request_leaves_no_record()
    {
        var cluster = await (await _client.PostAsJsonAsync("/clusters", new { code = "CUM-01", name = "Cụm 1" })).ReadAsync<ClusterResponse>();
        await _client.PostAsJsonAsync("/units", new { code = "U1", name = "Đoàn X", kind = "agency", clusterId = cluster!.Id });
        var before = await factory.Database.ScalarAsync<long>("SELECT count(*) FROM audit_entries");

        await (await _client.PostAsJsonAsync("/units", new { code = "U1", name = "Đoàn Y", kind = "agency", clusterId = cluster.Id })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await _client.PostAsJsonAsync("/units", new { code = "U2", name = "", kind = "agency", clusterId = cluster.Id })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(before, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM audit_entries"));
    }

    [Theory]
    [InlineData("UPDATE audit_entries SET actor = 'someone else'")]
    [InlineData("DELETE FROM audit_entries")]
    public async Task The_record_cannot_be_edited_or_deleted_even_in_the_database(string sql)
    {
        await _client.PostAsJsonAsync("/clusters", new { code = "CUM-01", name = "Cụm 1" });

        var error = await Assert.ThrowsAsync<PostgresException>(() => factory.Database.ScalarAsync<long>(sql));

        Assert.Contains("append-only", error.MessageText);
        Assert.Equal(1, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE actor = 'test.bloc-office'"));
    }

    private async Task<(Guid Cluster, Guid Unit)> UnitAsync(string code)
    {
        var cluster = await (await _client.PostAsJsonAsync("/clusters", new { code = "C" + code, name = "Cụm " + code })).ReadAsync<ClusterResponse>();
        var unit = await (await _client.PostAsJsonAsync("/units", new { code, name = "Đoàn " + code, kind = "agency", clusterId = cluster!.Id })).ReadAsync<UnitResponse>();
        return (cluster.Id, unit!.Id);
    }

    private async Task<JsonElement> AuditAsync(string query) =>
        await _client.GetFromJsonAsync<JsonElement>("/audit" + query);

    [Fact]
    public async Task The_bloc_office_reads_the_record_by_unit_person_entity_and_period()
    {
        var (_, unitA) = await UnitAsync("UA");
        var (_, unitB) = await UnitAsync("UB");
        await _client.PostAsJsonAsync($"/units/{unitA}/branches", new { name = "Chi đoàn Văn phòng" });
        await _client.PutAsJsonAsync($"/units/{unitB}/name", new { name = "Đoàn UB mới" });

        var byUnit = await AuditAsync($"?unitId={unitA}");
        Assert.Equal(["Branch", "Unit"], byUnit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("entityType").GetString()));
        var byEntity = await AuditAsync($"?entityType=Unit&entityId={unitB}");
        Assert.Equal(["updated", "created"], byEntity.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        Assert.Equal("Đoàn UB mới", byEntity.GetProperty("items")[0].GetProperty("after").GetProperty("name").GetString());
        Assert.Equal(6, (await AuditAsync("?person=test.bloc-office")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await AuditAsync("?person=someone.else")).GetProperty("total").GetInt32());
        var today = DoanKhoi.Text.VietnamTime.Today(TimeProvider.System);
        Assert.Equal(6, (await AuditAsync($"?from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await AuditAsync($"?to={today.AddDays(-1):yyyy-MM-dd}")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Nobody_can_change_the_record_through_the_API_and_only_the_bloc_office_reads_it()
    {
        await UnitAsync("UA");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await _client.DeleteAsync("/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await _client.PostAsJsonAsync("/audit", new { actor = "x" })).StatusCode);
        var secretary = factory.CreateClient().As(Post.OnUnit(Guid.NewGuid()));
        await (await secretary.GetAsync("/audit")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var problem = await (await _client.GetAsync("/audit?action=renamed&from=2026-03-02&to=2026-03-01")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldErrors("action"));
        Assert.NotEmpty(problem.FieldErrors("to"));
    }

    [Fact]
    public async Task Refused_requests_are_recorded_as_security_events()
    {
        var (clusterId, unitId) = await UnitAsync("UA");
        var secretary = factory.CreateClient().As(Post.OnUnit(unitId));
        var stranger = factory.CreateClient().As(Post.OnUnit(Guid.NewGuid()));

        await secretary.PutAsJsonAsync($"/units/{unitId}/cluster", new { clusterId });
        await stranger.GetAsync($"/units/{unitId}");
        await factory.CreateClient().Anonymous().GetAsync("/units");

        var refused = (await AuditAsync("?action=refused")).GetProperty("items").EnumerateArray()
            .Select(e => (e.GetProperty("actor").GetString(), e.GetProperty("entityId").GetString(), e.GetProperty("after").GetProperty("status").GetInt32()))
            .Reverse().ToList();
        Assert.Equal(
            [("test.unit-secretary", $"PUT /units/{unitId}/cluster", 403), ("test.unit-secretary", $"GET /units/{unitId}", 404), ("anonymous", "GET /units", 401)],
            refused);
    }
}
