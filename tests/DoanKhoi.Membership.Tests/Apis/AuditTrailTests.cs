using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DoanKhoi.Membership.Apis;
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
}
