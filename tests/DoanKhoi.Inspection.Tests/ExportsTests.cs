using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using CsvHelper;
using DoanKhoi.Files;
using DoanKhoi.Inspection.Apis;
using DoanKhoi.Security;
using DoanKhoi.Testing;
using DoanKhoi.Text;
using MiniExcelLibs;

namespace DoanKhoi.Inspection.Tests;

/// <summary>The inspections, the recommendations' follow-up and the register of social critique as files
/// the bloc and a secretary open in a spreadsheet: in Vietnamese, with each list's filters and reach, and
/// nothing a list keeps from its reader (a cadre's name and finding).</summary>
public class ExportsTests(InspectionApiFactory factory) : IClassFixture<InspectionApiFactory>, IAsyncLifetime
{
    private static readonly string[] InspectionHeaders =
    [
        "Nội dung", "Loại", "Số quyết định", "Ngày quyết định", "Cơ sở Đoàn được kiểm tra", "Từ ngày", "Đến ngày", "Tình trạng", "Ngày kết luận",
        "Số phát hiện", "Phát hiện nghiêm trọng", "Tiến độ (%)",
    ];

    private static readonly string[] RecommendationHeaders = ["Nội dung kiểm tra", "Gửi đến", "Cơ sở Đoàn", "Việc cần làm", "Hạn", "Tình trạng", "Quá hạn", "Báo cáo gần nhất"];

    private static readonly string[] CritiqueHeaders =
        ["Văn bản phản biện", "Cơ quan gửi", "Ngày nhận", "Ngày gửi ý kiến", "Phản hồi nhận được", "Ngày phản hồi", "Tính vào K14", "Đã rút"];

    private readonly MatrixBloc _bloc = new(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
    private readonly Guid _cadre = Guid.CreateVersion7();

    private DateOnly Today => VietnamTime.Today(factory.Clock);
    private HttpClient Committee => factory.CreateClient().As(Post.Bloc(Role.InspectionCommittee));
    private HttpClient SecretaryOfA => factory.CreateClient().As(Post.OnUnit(_bloc.UnitA));
    private HttpClient SecretaryOfB => factory.CreateClient().As(Post.OnUnit(_bloc.UnitB));

    /// <summary>A thematic inspection of units A and B and a cadre of A, concluded on 07/06/2026 with a finding on each
    /// (the cadre's: "Chậm nộp đoàn phí") and a recommendation to each unit, B's overdue, A's reported in progress; a
    /// supervision of B still planned; two documents for critique, one answered.</summary>
    public async Task InitializeAsync()
    {
        await factory.StartMidYearAsync(_bloc, _cadre);

        var thematic = (await (await Committee.PostAsJsonAsync("/inspections", new
        {
            kind = "thematic", topic = "Kiểm tra việc thực hiện Nghị quyết Đại hội", decisionNumber = "12-QĐ/UBKT", decidedOn = Today.AddDays(-20),
            plannedFrom = Today.AddDays(-15), plannedTo = Today.AddDays(-5), team = new[] { "kiemtra" },
            subjects = new object[] { new { kind = "unit", id = _bloc.UnitA }, new { kind = "unit", id = _bloc.UnitB }, new { kind = "person", id = _cadre } },
        })).EnsureSuccessStatusCode().ReadAsync<InspectionView>())!.Id;
        (await Committee.PostAsJsonAsync($"/inspections/{thematic}/start", new { startedOn = Today.AddDays(-10) })).EnsureSuccessStatusCode();
        foreach (var (subject, severity, description) in new[]
                 {
                     (_bloc.UnitA, "serious", "Sổ sách chưa cập nhật"), (_bloc.UnitB, "minor", "Biên bản thiếu chữ ký"), (_cadre, "notable", "Chậm nộp đoàn phí"),
                 })
            (await Committee.PostAsJsonAsync($"/inspections/{thematic}/findings", new { subjectId = subject, severity, description })).EnsureSuccessStatusCode();
        var concluded = (await (await Committee.PostAsJsonAsync($"/inspections/{thematic}/conclude", new
        {
            conclusion = "Các đơn vị cơ bản thực hiện tốt.", concludedOn = Today.AddDays(-8),
            recommendations = new[]
            {
                new { addresseeId = _bloc.UnitA, action = "Cập nhật sổ đoàn viên", dueOn = Today.AddDays(20) },
                new { addresseeId = _bloc.UnitB, action = "Bổ sung chữ ký biên bản", dueOn = Today.AddDays(-3) },
            },
        })).EnsureSuccessStatusCode().ReadAsync<InspectionView>())!;
        var ofA = concluded.Recommendations.Single(r => r.UnitId == _bloc.UnitA).Id;
        (await SecretaryOfA.PostAsJsonAsync($"/recommendations/{ofA}/reports", new { whatWasDone = "Đang cập nhật sổ", done = false })).EnsureSuccessStatusCode();

        (await Committee.PostAsJsonAsync("/inspections", new
        {
            kind = "supervision", topic = "Giám sát việc sinh hoạt chi đoàn", decisionNumber = "15-QĐ/UBKT", decidedOn = Today.AddDays(-5),
            plannedFrom = Today.AddDays(5), plannedTo = Today.AddDays(10), team = new[] { "kiemtra" }, subjects = new[] { new { kind = "unit", id = _bloc.UnitB } },
        })).EnsureSuccessStatusCode();

        var answered = (await (await Committee.PostAsJsonAsync("/social-critiques", new
        {
            document = "Dự thảo Nghị quyết về hỗ trợ thanh niên khởi nghiệp", sentBy = "UBND tỉnh Lạng Sơn", receivedOn = Today.AddDays(-30),
        })).EnsureSuccessStatusCode().ReadAsync<SocialCritiqueView>())!.Id;
        (await Committee.PostAsJsonAsync($"/social-critiques/{answered}/opinions", new { opinions = "Bổ sung thanh niên dân tộc thiểu số", sentOn = Today.AddDays(-20) }))
            .EnsureSuccessStatusCode();
        (await Committee.PostAsJsonAsync($"/social-critiques/{answered}/response", new { response = "Đã tiếp thu, bổ sung vào Điều 2", respondedOn = Today.AddDays(-10) }))
            .EnsureSuccessStatusCode();
        (await Committee.PostAsJsonAsync("/social-critiques", new { document = "=Dự thảo Kế hoạch chuyển đổi số", sentBy = "Sở Nội vụ", receivedOn = Today.AddDays(-2) }))
            .EnsureSuccessStatusCode();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The .xlsx's rows as a spreadsheet shows them, its header first (numbers as the invariant culture writes them).</summary>
    private static async Task<List<string[]>> XlsxRowsAsync(HttpResponseMessage response, string fileName)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TableFile.XlsxContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return file.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "").ToArray()).ToList();
    }

    /// <summary>The .csv's rows as a spreadsheet reads them (quoted fields with commas kept whole).</summary>
    private static async Task<List<string[]>> CsvRowsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TableFile.CsvContentType, response.Content.Headers.ContentType?.MediaType);
        using var csv = CsvReader.FromText((await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF'), new CsvReaderOptions { HasHeader = false });
        var rows = new List<string[]>();
        while (csv.Read()) rows.Add(csv.Current.ToArray());
        return rows;
    }

    /// <summary>The rows as lines of text, so that a failure shows the cell that differs.</summary>
    private static string Lines(IEnumerable<string[]> rows) => string.Join("\n", rows.Select(r => string.Join(" | ", r)));

    [Fact]
    public async Task The_inspections_file_has_each_inspection_in_Vietnamese_with_its_basis_units_days_and_findings()
    {
        var xlsx = await XlsxRowsAsync(await Committee.GetAsync("/inspections/export?year=2026"), "kiem-tra-giam-sat-2026.xlsx");
        var csv = await CsvRowsAsync(await Committee.GetAsync("/inspections/export?year=2026&format=csv"));
        var supervisions = await CsvRowsAsync(await Committee.GetAsync("/inspections/export?year=2026&kind=supervision&format=csv"));

        string[][] expected =
        [
            InspectionHeaders,
            [
                "Kiểm tra việc thực hiện Nghị quyết Đại hội", "Kiểm tra chuyên đề", "12-QĐ/UBKT", "26/05/2026", "Đoàn A; Đoàn B", "31/05/2026", "10/06/2026",
                "Đã kết luận", "07/06/2026", "3", "1", "100",
            ],
            ["Giám sát việc sinh hoạt chi đoàn", "Giám sát", "15-QĐ/UBKT", "10/06/2026", "Đoàn B", "20/06/2026", "25/06/2026", "Kế hoạch", "", "0", "0", "0"],
        ];
        Assert.Equal(Lines(expected), Lines(xlsx));
        Assert.Equal(Lines(expected), Lines(csv));
        Assert.Equal(Lines([expected[0], expected[2]]), Lines(supervisions));
    }

    [Fact]
    public async Task A_secretarys_inspections_file_holds_only_their_units_inspections_and_part_and_no_cadres_name_or_finding()
    {
        var response = await SecretaryOfA.GetAsync("/inspections/export?format=csv");
        var text = await response.Content.ReadAsStringAsync();
        var rows = await CsvRowsAsync(response);

        Assert.Equal(2, rows.Count);
        Assert.Equal(["Kiểm tra việc thực hiện Nghị quyết Đại hội", "Đoàn A", "2", "1"], new[] { rows[1][0], rows[1][4], rows[1][9], rows[1][10] });
        Assert.DoesNotContain("Lương Văn Hùng", text);
        Assert.DoesNotContain("Chậm nộp", text);
        var ofB = await XlsxRowsAsync(await SecretaryOfB.GetAsync("/inspections/export"), "kiem-tra-giam-sat-2026.xlsx");
        Assert.Equal([("Đoàn B", "1", "0"), ("Đoàn B", "0", "0")], ofB.Skip(1).Select(r => (r[4], r[9], r[10])));
        Assert.Equal([InspectionHeaders], await CsvRowsAsync(await factory.CreateClient().As(Post.OfMember(_cadre)).GetAsync("/inspections/export?format=csv")));
    }

    [Fact]
    public async Task The_recommendations_file_follows_the_boards_filters_and_a_secretary_gets_only_their_units()
    {
        var xlsx = await XlsxRowsAsync(await Committee.GetAsync("/recommendations/export"), "kien-nghi-2026-06-15.xlsx");
        var overdue = await CsvRowsAsync(await Committee.GetAsync("/recommendations/export?overdue=true&format=csv"));
        var ofA = await CsvRowsAsync(await SecretaryOfA.GetAsync("/recommendations/export?todo=true&format=csv"));

        Assert.Equal(RecommendationHeaders, xlsx[0]);
        var ofB = new[]
        {
            "Kiểm tra việc thực hiện Nghị quyết Đại hội", "Đoàn B", "Đoàn B", "Bổ sung chữ ký biên bản", "12/06/2026", "Chưa thực hiện", "x", "",
        };
        Assert.Equal(ofB, xlsx[1]);
        Assert.Equal(["Kiểm tra việc thực hiện Nghị quyết Đại hội", "Đoàn A", "Đoàn A", "Cập nhật sổ đoàn viên", "05/07/2026", "Đang thực hiện", ""], xlsx[2][..7]);
        Assert.StartsWith("15/06/2026 ", xlsx[2][7]);
        Assert.Equal(3, xlsx.Count);
        Assert.Equal([RecommendationHeaders, ofB], overdue);
        Assert.Equal([("Đoàn A", "Cập nhật sổ đoàn viên")], ofA.Skip(1).Select(r => (r[2], r[3])));
    }

    [Fact]
    public async Task The_social_critique_file_says_when_the_opinions_were_sent_the_response_and_what_counts_toward_K14_for_the_bloc_only()
    {
        var xlsx = await XlsxRowsAsync(await Committee.GetAsync("/social-critiques/export?year=2026"), "phan-bien-xa-hoi-2026.xlsx");
        var csv = await CsvRowsAsync(await factory.CreateClient().As(Post.Bloc(Role.BlocOffice)).GetAsync("/social-critiques/export?format=csv"));

        string[][] expected =
        [
            CritiqueHeaders,
            [
                "Dự thảo Nghị quyết về hỗ trợ thanh niên khởi nghiệp", "UBND tỉnh Lạng Sơn", "16/05/2026", "26/05/2026", "Đã tiếp thu, bổ sung vào Điều 2", "05/06/2026",
                "x", "",
            ],
            ["'=Dự thảo Kế hoạch chuyển đổi số", "Sở Nội vụ", "13/06/2026", "", "", "", "", ""],
        ];
        Assert.Equal(Lines(expected), Lines(xlsx));
        Assert.Equal(Lines(expected), Lines(csv));
        await (await SecretaryOfA.GetAsync("/social-critiques/export")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_file_format_other_than_xlsx_or_csv_is_refused_on_its_field()
    {
        var problem = await (await Committee.GetAsync("/recommendations/export?format=pdf")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.ShouldNameFields("format");
    }
}
