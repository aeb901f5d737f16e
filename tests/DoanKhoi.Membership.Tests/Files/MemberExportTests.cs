using System.Net;
using System.Net.Http.Json;
using System.Text;
using CsvHelper;
using DoanKhoi.Membership.Apis;
using DoanKhoi.Security;
using DoanKhoi.Testing;
using MiniExcelLibs;

namespace DoanKhoi.Membership.Tests.Files;

public class MemberExportTests(MembershipApiFactory factory) : IClassFixture<MembershipApiFactory>, IAsyncLifetime
{
    private static readonly string[] Headers =
    [
        "Họ và tên", "Ngày sinh", "Giới tính", "Dân tộc", "Số CCCD", "Số điện thoại", "Email", "Ngày vào Đoàn", "Số thẻ đoàn viên",
        "Đơn vị", "Mã đơn vị", "Chi đoàn", "Chức vụ", "Cán bộ Đoàn", "Đảng viên", "Trạng thái",
    ];

    private readonly HttpClient _office = factory.CreateClient();
    private Guid _clusterA, _unitA, _unitB;

    public async Task InitializeAsync()
    {
        await factory.Database.ResetAsync();
        _clusterA = (await (await _office.PostAsJsonAsync("/clusters", new { code = "CUM-A", name = "Cụm A" })).ReadAsync<ClusterResponse>())!.Id;
        var clusterB = (await (await _office.PostAsJsonAsync("/clusters", new { code = "CUM-B", name = "Cụm B" })).ReadAsync<ClusterResponse>())!.Id;
        // Names a spreadsheet would run if they were written as they are.
        _unitA = (await (await _office.PostAsJsonAsync("/units", new { code = "UA", name = "+Đoàn Sở Y tế", kind = "agency", clusterId = _clusterA })).ReadAsync<UnitResponse>())!.Id;
        _unitB = (await (await _office.PostAsJsonAsync("/units", new { code = "UB", name = "Đoàn Sở Tài chính", kind = "agency", clusterId = clusterB })).ReadAsync<UnitResponse>())!.Id;
        var branch = (await (await _office.PostAsJsonAsync($"/units/{_unitA}/branches", new { name = "=HYPERLINK(\"http://x.test\",\"Bấm\")" })).ReadAsync<BranchResponse>())!.Id;
        foreach (var (unit, name, cccd, branchId) in new[] { (_unitA, "Hoàng Thị Thu Trang", "020198001234", (Guid?)branch), (_unitB, "Vi Văn Bình", "020099000013", null) })
        {
            var response = await _office.PostAsJsonAsync($"/units/{unit}/members", new
            {
                fullName = name, dateOfBirth = cccd == "020198001234" ? "1998-03-15" : "1999-05-05", gender = cccd[3] == '1' ? "female" : "male",
                ethnicity = "Tày", citizenId = cccd, phone = "0912345678", joinedUnionOn = "2016-03-26", branchId,
            });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<long> ExportsRecordedAsync() => factory.Database.ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE action = 'ExportedPersonalData'");

    [Fact]
    public async Task The_bloc_office_exports_the_filtered_list_as_xlsx_with_Vietnamese_headers_whole_CCCDs_and_neutralised_formulas_and_it_is_recorded()
    {
        var response = await _office.GetAsync("/members/export?format=xlsx&q=hoang");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = file.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().Select(r => r.Values.Select(v => v?.ToString() ?? "").ToArray()).ToList();
        Assert.Equal(Headers, rows[0]);
        var trang = Assert.Single(rows.Skip(1));
        Assert.Equal(["Hoàng Thị Thu Trang", "15/03/1998", "Nữ", "Tày", "020198001234", "0912345678"], trang[..6]);
        Assert.Equal("26/03/2016", trang[7]);
        Assert.Equal("'+Đoàn Sở Y tế", trang[9]);
        Assert.Equal("'=HYPERLINK(\"http://x.test\",\"Bấm\")", trang[11]);
        var recorded = await factory.Database.ScalarAsync<string>(
            "SELECT actor || ' ' || unit_id || ' ' || (after->>'members') FROM audit_entries WHERE action = 'ExportedPersonalData'");
        Assert.Equal($"test.bloc-office {_unitA} 1", recorded);
    }

    [Fact]
    public async Task A_cluster_lead_exports_CSV_in_UTF8_with_a_BOM_the_CCCD_masked_no_ethnicity_and_nothing_to_record()
    {
        var response = await factory.CreateClient().As(Post.OnCluster(_clusterA)).GetAsync("/members/export?format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), "no UTF-8 byte order mark");
        using var csv = CsvReader.Create(bytes, new CsvReaderOptions { HasHeader = false });
        var rows = new List<string[]>();
        while (csv.Read()) rows.Add(csv.Current.ToArray());
        Assert.Equal(Headers, rows[0]);
        var trang = Assert.Single(rows.Skip(1));    // the lead of cluster A sees unit A only
        Assert.Equal(["Hoàng Thị Thu Trang", "15/03/1998", "Nữ", "", "********1234", ""], trang[..6]);
        Assert.DoesNotContain("020198001234", Encoding.UTF8.GetString(bytes));
        Assert.Equal("'=HYPERLINK(\"http://x.test\",\"Bấm\")", trang[11]);
        Assert.Equal(0, await ExportsRecordedAsync());
    }

    [Fact]
    public async Task The_export_takes_the_lists_filters_and_refuses_what_the_list_refuses()
    {
        var secretary = factory.CreateClient().As(Post.OnUnit(_unitA));

        var byEthnicity = await factory.CreateClient().As(Post.OnCluster(_clusterA)).GetAsync("/members/export?ethnicity=Tày");
        var badFormat = await _office.GetAsync("/members/export?format=pdf");
        var own = await secretary.GetAsync($"/members/export?format=csv&unitId={_unitB}");

        await byEthnicity.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await badFormat.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(1, (await own.Content.ReadAsStringAsync()).Count(c => c == '\n'));    // the header only: unit B is out of reach
    }

    [Fact]
    public async Task The_statistics_and_the_movements_export_as_xlsx_and_csv_with_the_figures_of_their_JSON()
    {
        var json = (await _office.GetFromJsonAsync<MemberStatistics>("/members/statistics?groupBy=unit", ProblemAssertions.Json))!;
        string[][] expected = json.Rows.Append(json.Total).Select(r => new[]
        {
            r.Label.StartsWith('+') ? "'" + r.Label : r.Label, $"{r.Members}", $"{r.Women}", $"{r.PartyMembers}", $"{r.RecommendedToParty}", $"{r.Cadres}",
            $"{r.Aged16To20}", $"{r.Aged21To25}", $"{r.Aged26To30}", $"{r.AgedOver30}",
        }).ToArray();
        string[] headers = ["Đơn vị", "Tổng số đoàn viên", "Nữ", "Đảng viên", "Đã giới thiệu cho Đảng", "Cán bộ Đoàn", "16-20 tuổi", "21-25 tuổi", "26-30 tuổi", "Trên 30 tuổi"];

        var xlsx = await _office.GetAsync("/members/statistics/export?groupBy=unit&format=xlsx");
        var csv = await _office.GetAsync("/members/statistics/export?groupBy=unit&format=csv");
        var movements = await _office.GetAsync("/members/movements/export?groupBy=cluster&format=csv&from=2016-01-01");
        var badFormat = await _office.GetAsync("/members/statistics/export?format=pdf");

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        using var file = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var sheet = file.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().Select(r => r.Values.Select(v => v?.ToString() ?? "").ToArray()).ToList();
        Assert.Equal(headers, sheet[0]);
        Assert.Equal(expected, sheet.Skip(1).ToArray());
        Assert.Equal(["'+Đoàn Sở Y tế", "Đoàn Sở Tài chính", "Tổng số"], sheet.Skip(1).Select(r => r[0]));
        Assert.Equal(2, json.Total.Members);

        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal([string.Join(',', headers), .. expected.Select(r => string.Join(',', r))], lines);

        // Both members joined in 2016: recorded (not admitted here), so no admission counts in the period; two clusters and the total.
        var moved = Encoding.UTF8.GetString(await movements.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal(["Cụm thi đua,Kết nạp,Chuyển đến,Chuyển đi,Trưởng thành Đoàn,Ra khỏi danh sách,Giới thiệu cho Đảng,Kết nạp Đảng",
            "Cụm A,0,0,0,0,0,0,0", "Cụm B,0,0,0,0,0,0,0", "Tổng số,0,0,0,0,0,0,0"], moved);
        (await badFormat.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldNameFields("format");
    }
}
