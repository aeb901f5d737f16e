using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DoanKhoi.Membership.Apis;
using DoanKhoi.Testing;
using Xunit.Abstractions;

namespace DoanKhoi.Membership.Tests.Files;

/// <summary>A sheet of a big unit's size goes through whole: previewed, committed and recognised as
/// recorded the second time. It prints what each step took; the speed itself is the benchmark's to
/// measure (bench/membership.sh), not a test's.</summary>
public class MemberImportTimingTests(MembershipApiFactory factory, ITestOutputHelper output) : IClassFixture<MembershipApiFactory>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        _ = factory.Server;     // the database is made as the service starts
        await factory.Database.ResetAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Ten_thousand_rows_are_previewed_committed_and_recognised_the_second_time()
    {
        var office = factory.CreateClient();
        office.Timeout = TimeSpan.FromMinutes(5);
        var cluster = (await (await office.PostAsJsonAsync("/clusters", new { code = "CUM-A", name = "Cụm A" })).ReadAsync<ClusterResponse>())!.Id;
        var unit = (await (await office.PostAsJsonAsync("/units", new { code = "DCS-SYT", name = "Đoàn Sở Y tế", kind = "agency", clusterId = cluster })).ReadAsync<UnitResponse>())!.Id;
        var rows = Enumerable.Range(0, 10_000)
            .Select(i => new object?[] { "Hoàng Thị Thu Trang", new DateTime(1998, 3, 15), "Nữ", i % 2 == 0 ? "Tày" : "Nùng", $"020198{i:000000}", $"09{i:00000000}", null, new DateTime(2015, 3, 26), $"DV{i:00000}" })
            .Prepend(SheetFiles.Header).ToArray();
        var xlsx = SheetFiles.Xlsx(rows);

        async Task<(MemberImportReport Report, TimeSpan Took)> Import(bool commit)
        {
            var clock = Stopwatch.StartNew();
            var response = await office.PostAsync($"/units/{unit}/members/import?commit={commit}", SheetFiles.Form(xlsx, "10000.xlsx"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var report = (await response.ReadAsync<MemberImportReport>())!;
            return (report, clock.Elapsed);
        }
        var preview = await Import(commit: false);
        var commit = await Import(commit: true);
        var again = await Import(commit: false);

        output.WriteLine($"10,000 rows ({xlsx.Length / 1024} KB .xlsx): preview {preview.Took.TotalSeconds:0.0} s, commit {commit.Took.TotalSeconds:0.0} s, preview again {again.Took.TotalSeconds:0.0} s");
        Assert.Equal(10_000, preview.Report.Accepted);
        Assert.Equal(10_000, commit.Report.Accepted);
        Assert.Equal(10_000, again.Report.AlreadyRecorded);
        Assert.Equal(10_000, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM members"));

        // A search that finds more people than the list reads keys for counts them all: the total is 10,000 and
        // the last page is full, in the list's order (no page repeats a member of the one before).
        var last = await office.GetFromJsonAsync<JsonElement>("/members?q=hoang%20thi%20thu%20trang&page=200&pageSize=50");
        var before = await office.GetFromJsonAsync<JsonElement>("/members?q=hoang%20thi%20thu%20trang&page=199&pageSize=50");
        Assert.Equal(10_000, last.GetProperty("total").GetInt32());
        var ids = new[] { last, before }.SelectMany(p => p.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetGuid())).ToList();
        Assert.Equal(100, ids.Distinct().Count());
    }
}
