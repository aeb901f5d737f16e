using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DoanKhoi.Testing;
using MiniExcelLibs;

namespace DoanKhoi.EndToEnd.Tests;

/// <summary>A year of two units' members through the gateway with real accounts: one secretary imports
/// the unit's sheet, transfers a member to the other unit, whose secretary accepts, grades and exports;
/// the exported workbook is opened and read.</summary>
[Collection(nameof(DoanKhoiSystem))]
public class MemberJourneyTests(DoanKhoiSystem system)
{
    private HttpClient Office => system.Gateway;

    private async Task<Guid> CreateAsync(string path, object body)
    {
        var response = await Office.PostAsJsonAsync(path, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<HttpClient> SecretaryOfAsync(Guid unit)
    {
        var userName = $"bt{Guid.NewGuid():N}"[..12];
        const string password = "matkhau2026";
        await Eventually.Until(
            () => Office.PostAsJsonAsync("/api/identity/accounts", new { userName, displayName = "Bí thư kiểm thử", password, posts = new[] { $"unit-secretary@unit:{unit}" } }),
            r => r.StatusCode == HttpStatusCode.Created, TimeSpan.FromSeconds(15), "the secretary's account");
        return await system.SignedInAsync(userName, password);
    }

    private static MultipartFormDataContent Sheet(string csv)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { file, "file", "doan-vien.csv" } };
    }

    [Fact]
    public async Task Import_transfer_with_both_secretaries_grade_and_export()
    {
        var code = $"J{Guid.NewGuid():N}"[..8].ToUpperInvariant();
        var cluster = await CreateAsync("/api/membership/clusters", new { code, name = $"Cụm {code}" });
        var unitA = await CreateAsync("/api/membership/units", new { code = code + "A", name = $"Đoàn Sở Y tế {code}", kind = "agency", clusterId = cluster });
        var unitB = await CreateAsync("/api/membership/units", new { code = code + "B", name = $"Đoàn Sở Tài chính {code}", kind = "agency", clusterId = cluster });
        var secretaryA = await SecretaryOfAsync(unitA);
        var secretaryB = await SecretaryOfAsync(unitB);
        // CCCDs unique to this run: the system is shared with the other tests.
        var serial = Random.Shared.Next(100_000, 999_999);
        var sheet = $"""
            Họ và tên,Ngày sinh,Giới tính,Dân tộc,Số CCCD,Ngày vào Đoàn
            Hoàng Thị Thu Trang,15/03/1998,Nữ,Tày,020198{serial},26/03/2014
            Lăng Văn Hùng,04/07/2001,Nam,Nùng,020201{serial},26/03/2018
            """;

        var preview = await (await secretaryA.PostAsync($"/api/membership/units/{unitA}/members/import", Sheet(sheet))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((false, 2), (preview.GetProperty("committed").GetBoolean(), preview.GetProperty("accepted").GetInt32()));
        var committed = await secretaryA.PostAsync($"/api/membership/units/{unitA}/members/import?commit=true", Sheet(sheet));
        Assert.True(committed.StatusCode == HttpStatusCode.OK, await committed.Content.ReadAsStringAsync());

        var found = await secretaryA.GetFromJsonAsync<JsonElement>($"/api/membership/members?unitId={unitA}&q=lang van hung");
        var hung = found.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid();
        var issued = await secretaryA.PostAsJsonAsync($"/api/membership/members/{hung}/transfers", new { toUnitId = unitB, letterNumber = "12/GGT-ĐTN" });
        Assert.True(issued.StatusCode == HttpStatusCode.OK, await issued.Content.ReadAsStringAsync());
        var inbox = await secretaryB.GetFromJsonAsync<JsonElement>("/api/membership/transfers?status=pending");
        var transfer = inbox.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("memberId").GetGuid() == hung).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await secretaryB.PostAsJsonAsync($"/api/membership/transfers/{transfer}/accept", new { })).StatusCode);

        var graded = await secretaryB.PutAsJsonAsync($"/api/membership/units/{unitB}/evaluations/2025/members", new { grades = new[] { new { memberId = hung, grade = "excellent" } } });
        Assert.True(graded.StatusCode == HttpStatusCode.OK, await graded.Content.ReadAsStringAsync());
        // The sending unit no longer grades (or sees) him.
        await (await secretaryA.PutAsJsonAsync($"/api/membership/units/{unitA}/evaluations/2025/members", new { grades = new[] { new { memberId = hung, grade = "good" } } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var export = await secretaryB.GetAsync($"/api/membership/members/export?unitId={unitB}&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        await using var workbook = new MemoryStream(await export.Content.ReadAsByteArrayAsync());
        var rows = workbook.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var row = Assert.Single(rows);
        Assert.Equal(("Lăng Văn Hùng", "04/07/2001", $"020201{serial}"), (row["Họ và tên"]?.ToString(), row["Ngày sinh"]?.ToString(), row["Số CCCD"]?.ToString()));
        var history = await secretaryB.GetFromJsonAsync<JsonElement>($"/api/membership/members/{hung}/history");
        Assert.Contains(history.GetProperty("items").EnumerateArray(), h => h.GetProperty("change").GetString() == "transferred");
    }
}
