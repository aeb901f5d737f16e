using System.Net;
using System.Net.Http.Json;
using System.Text;
using DoanKhoi.Contracts.Membership;
using DoanKhoi.Membership.Apis;
using DoanKhoi.Membership.Domain.Members;
using DoanKhoi.Security;
using DoanKhoi.Testing;
using static DoanKhoi.Membership.Tests.Files.SheetFiles;

namespace DoanKhoi.Membership.Tests.Files;

public class MemberImportTests(MembershipApiFactory factory) : IClassFixture<MembershipApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _office = factory.CreateClient();
    private Guid _clusterA, _unitA, _unitB, _branchA;

    public async Task InitializeAsync()
    {
        await factory.Database.ResetAsync();
        _clusterA = (await (await _office.PostAsJsonAsync("/clusters", new { code = "CUM-A", name = "Cụm A" })).ReadAsync<ClusterResponse>())!.Id;
        var clusterB = (await (await _office.PostAsJsonAsync("/clusters", new { code = "CUM-B", name = "Cụm B" })).ReadAsync<ClusterResponse>())!.Id;
        _unitA = (await (await _office.PostAsJsonAsync("/units", new { code = "DCS-SYT", name = "Đoàn Sở Y tế", kind = "agency", clusterId = _clusterA })).ReadAsync<UnitResponse>())!.Id;
        _unitB = (await (await _office.PostAsJsonAsync("/units", new { code = "DCS-STC", name = "Đoàn Sở Tài chính", kind = "agency", clusterId = clusterB })).ReadAsync<UnitResponse>())!.Id;
        _branchA = (await (await _office.PostAsJsonAsync($"/units/{_unitA}/branches", new { name = "Chi đoàn Văn phòng" })).ReadAsync<BranchResponse>())!.Id;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<MemberImportReport> ImportAsync(byte[] file, string name, bool commit, Guid? unit = null, HttpClient? client = null)
    {
        var response = await (client ?? _office).PostAsync($"/units/{unit ?? _unitA}/members/import?commit={commit}", Form(file, name));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.ReadAsync<MemberImportReport>())!;
    }

    [Fact]
    public async Task A_preview_asked_for_in_Vietnamese_gives_each_refused_row_its_reasons_in_Vietnamese()
    {
        var csv = Encoding.UTF8.GetBytes("Họ và tên,Ngày sinh,Giới tính,Dân tộc,CCCD,Ngày vào Đoàn\n" +
                                         "Lương Văn Tú,01/01/2000,Nam,Klingon,020200002222,26/03/2016\n" +
                                         "Nông Thị Hà,01/01/2099,Nữ,Tày,020300003333,26/03/2016\n");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/units/{_unitA}/members/import") { Content = Form(csv, "ds.csv") };
        request.Headers.AcceptLanguage.ParseAdd("vi");

        var report = (await (await _office.SendAsync(request)).ReadAsync<MemberImportReport>())!;

        Assert.Equal(2, report.Refused);
        Assert.Contains(Row(report, 2).Problems, p => p.Column == "Dân tộc" && p.Reason.StartsWith("'Klingon' không thuộc 54 dân tộc Việt Nam", StringComparison.Ordinal));
        Assert.Contains(Row(report, 3).Problems, p => p.Column == "Ngày sinh" && p.Reason == "Ngày sinh 01/01/2099 chưa đến.");
    }

    private Task<long> MembersAsync() => factory.Database.ScalarAsync<long>("SELECT count(*) FROM members");

    private static ImportedRow Row(MemberImportReport report, int number) => report.Items.Single(i => i.Row == number);

    [Fact]
    public async Task A_unit_sheet_is_previewed_row_by_row_committed_in_one_go_and_imported_twice_changes_nothing()
    {
        var nfd = "Hoàng Thị Thu Trang".Normalize(NormalizationForm.FormD);
        var xlsx = Xlsx(
            ["DANH SÁCH ĐOÀN VIÊN ĐOÀN SỞ Y TẾ"],
            [],
            // Any order, other spellings, no diacritics, other case; STT and Ghi chú are not read.
            ["STT", "ho va ten", "Dân tộc", "NGÀY SINH", "Giới tính", "CCCD", "Ngày kết nạp", "Chi đoàn", "Chức vụ", "Đảng viên", "Ghi chú"],
            [1, nfd, "Tày", new DateTime(1998, 3, 15), "Nữ", 20198001234d, "26/03/2014", "Chi đoàn Văn phòng", "Bí thư", "x", null],
            [2, "Lăng Văn Hùng", "Nùng", "04/07/2001", "Nam", "020 201 005 678", new DateTime(2018, 3, 26), null, null, null, "=HYPERLINK(\"http://x.test\",\"Bấm\")"],
            [3, "Vi Thị Lan", "Nùng", "31/02/2000", "Nữ", "020300001111", "26/03/2016", null, null, null, null],
            [4, "Lương Văn Tú", "Klingon", "01/01/2000", "Nam", "020200002222", "26/03/2016", null, null, null, null],
            [5, "Nông Thị Hà", "Tày", "01/01/1999", "Nữ", "020300003333", "26/03/2016", null, null, null, null],
            [6, "=HYPERLINK(\"http://x.test\",\"Bấm\")", "Kinh", "01/01/2000", "Nam", "020200004444", "26/03/2016", null, null, null, null],
            [7, "Hoàng Thị Trang", "Tày", "15/03/1998", "Nữ", "020198001234", "26/03/2014", null, null, null, null],
            [8, "Hà Văn Nam", "Kinh", "01/01/2000", "Nam", "020200005555", "26/03/2016", "Chi đoàn Kỹ thuật", null, null, null]);

        var preview = await ImportAsync(xlsx, "ds.xlsx", commit: false);

        Assert.Equal((false, 8, 2, 0, 6), (preview.Committed, preview.Rows, preview.Accepted, preview.AlreadyRecorded, preview.Refused));
        Assert.Equal([4, 5], preview.Items.Where(i => i.Result == ImportRowResult.Accepted).Select(i => i.Row));
        Assert.Equal("Hoàng Thị Thu Trang", Row(preview, 4).FullName);
        Assert.Contains(Row(preview, 6).Problems, p => p.Column == "NGÀY SINH" && p.Reason.Contains("'31/02/2000' is not a date"));
        Assert.Contains(Row(preview, 7).Problems, p => p.Column == "Dân tộc" && p.Reason.Contains("54 ethnic groups"));
        Assert.Contains(Row(preview, 8).Problems, p => p.Column.Contains("CCCD") && p.Column.Contains("NGÀY SINH") && p.Reason.Contains("born in 2000"));
        Assert.Contains(Row(preview, 9).Problems, p => p.Column == "ho va ten");
        Assert.Contains(Row(preview, 10).Problems, p => p.Column == "CCCD" && p.Reason.Contains("also on row 4"));
        Assert.Contains(Row(preview, 11).Problems, p => p.Column == "Chi đoàn" && p.Reason.Contains("Chi đoàn Văn phòng"));
        Assert.Equal(0, await MembersAsync());

        var commit = await ImportAsync(xlsx, "ds.xlsx", commit: true);

        Assert.Equal((true, 2, 6), (commit.Committed, commit.Accepted, commit.Refused));
        var trang = (await _office.GetFromJsonAsync<MemberResponse>($"/members/{Row(commit, 4).MemberId}", ProblemAssertions.Json))!;
        Assert.True(trang.FullName.IsNormalized(NormalizationForm.FormC));
        Assert.Equal(("Hoàng Thị Thu Trang", "020198001234", new DateOnly(1998, 3, 15), _branchA, PartyStatus.PartyMember, true),
            (trang.FullName, trang.CitizenId, trang.DateOfBirth, trang.BranchId, trang.PartyStatus, trang.IsCadre));
        Assert.Equal(UnionPost.Secretary, Assert.Single(trang.Posts).Post);
        Assert.True(await factory.PublishedAsync<MemberRegistered>(m => m.Member.MemberId == trang.Id));
        Assert.True(await factory.PublishedAsync<MemberRegistered>(m => m.Member.MemberId == Row(commit, 5).MemberId));
        var outbox = await factory.Database.ScalarAsync<long>("SELECT count(*) FROM outbox_messages");

        var again = await ImportAsync(xlsx, "ds.xlsx", commit: true);

        Assert.Equal((0, 2, 6), (again.Accepted, again.AlreadyRecorded, again.Refused));
        Assert.Equal(trang.Id, Row(again, 4).MemberId);
        Assert.Equal(2, await MembersAsync());
        Assert.Equal(outbox, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM outbox_messages"));
    }

    [Fact]
    public async Task A_CSV_with_semicolons_NFD_names_and_formula_payloads_refuses_the_payloads_and_stores_names_in_NFC()
    {
        var csv = Csv(";", bom: false,
            ["Họ và tên".Normalize(NormalizationForm.FormD), "Ngày sinh", "Giới tính", "Dân tộc", "Số CCCD", "Email", "Ngày vào Đoàn"],
            ["Nông Thị Ánh".Normalize(NormalizationForm.FormD), "05/05/1999", "Nữ", "Nùng", "020199000011", "anh@example.vn", "26/03/2016"],
            ["+cmd|' /C calc'!A0", "05/05/1999", "Nam", "Kinh", "020099000012", "", "26/03/2016"],
            ["Vi Văn Bình", "05/05/1999", "Nam", "Tày", "020099000013", "@SUM(1+1)", "26/03/2016"],
            ["Vi Văn Cường", "5/5/1999", "Nam", "tay", "020099000014", "", "2016-03-26"]);

        var report = await ImportAsync(csv, "ds.csv", commit: true);

        Assert.Equal([ImportRowResult.Accepted, ImportRowResult.Refused, ImportRowResult.Refused, ImportRowResult.Accepted], report.Items.Select(i => i.Result));
        Assert.Contains(Row(report, 3).Problems, p => p.Column == "Họ và tên".Normalize(NormalizationForm.FormC) && p.Reason.Contains("only letters"));
        Assert.Contains(Row(report, 4).Problems, p => p.Column == "Email");
        var names = await factory.Database.ColumnAsync<string>("SELECT full_name FROM members ORDER BY full_name");
        Assert.Equal(["Nông Thị Ánh", "Vi Văn Cường"], names);
        Assert.All(names, n => Assert.True(n.IsNormalized(NormalizationForm.FormC)));
    }

    [Fact]
    public async Task A_person_already_in_another_unit_is_refused_naming_that_unit_only_to_whoever_reaches_it()
    {
        var registered = await _office.PostAsJsonAsync($"/units/{_unitB}/members", new
        {
            fullName = "Hoàng Thị Thu Trang", dateOfBirth = "1998-03-15", gender = "female", ethnicity = "Tày", citizenId = "020198001234", joinedUnionOn = "2014-03-26",
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var file = Csv(",", bom: true, Header, Person());

        var bySecretary = await ImportAsync(file, "ds.csv", commit: false, client: factory.CreateClient().As(Post.OnUnit(_unitA)));
        var byOffice = await ImportAsync(file, "ds.csv", commit: false);

        var hidden = Assert.Single(Row(bySecretary, 2).Problems);
        Assert.Equal("Số CCCD", hidden.Column);
        Assert.Contains("another unit", hidden.Reason);
        Assert.DoesNotContain("Tài chính", hidden.Reason);
        Assert.Contains("Đoàn Sở Tài chính", Assert.Single(Row(byOffice, 2).Problems).Reason);
    }

    [Fact]
    public async Task A_member_recorded_with_other_data_is_refused_naming_the_columns_that_differ()
    {
        await ImportAsync(Csv(",", true, Header, Person(email: "trang@example.vn")), "a.csv", commit: true);

        var changed = await ImportAsync(Csv(",", true, Header, Person(email: "trang.moi@example.vn")), "b.csv", commit: true);

        var problem = Assert.Single(Row(changed, 2).Problems);
        Assert.Equal(("Email", true), (problem.Column, problem.Reason.Contains("already recorded in Đoàn Sở Y tế with a different Email")));
        Assert.Equal(1, await MembersAsync());
    }

    [Fact]
    public async Task A_commit_that_fails_records_none_of_the_rows()
    {
        // The database refuses the third member as if someone had recorded the same CCCD meanwhile.
        await factory.Database.ScalarAsync<int>("""
            CREATE FUNCTION refuse_tu() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN IF NEW.full_name = 'Lương Văn Tú' THEN RAISE EXCEPTION 'taken meanwhile' USING ERRCODE = 'unique_violation'; END IF; RETURN NEW; END $$;
            CREATE TRIGGER refuse_tu BEFORE INSERT ON members FOR EACH ROW EXECUTE FUNCTION refuse_tu();
            SELECT 1;
            """);
        try
        {
            var file = Csv(",", true, Header, Person(), Person("Lăng Văn Hùng", "020201005678", born: "04/07/2001", gender: "Nam"),
                Person("Lương Văn Tú", "020200002222", born: "01/01/2000", gender: "Nam"));

            var response = await _office.PostAsync($"/units/{_unitA}/members/import?commit=true", Form(file, "ds.csv"));

            await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
            Assert.Equal(0, await MembersAsync());
            Assert.Equal(0, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%MemberRegistered'"));
        }
        finally
        {
            await factory.Database.ScalarAsync<int>("DROP TRIGGER refuse_tu ON members; DROP FUNCTION refuse_tu(); SELECT 1;");
        }
    }

    [Fact]
    public async Task The_bloc_office_imports_many_units_from_one_file_by_unit_code_or_name()
    {
        var file = Csv(",", true, [.. Header, "Đơn vị"],
            [.. Person(), "DCS-SYT"],
            [.. Person("Lăng Văn Hùng", "020201005678", born: "04/07/2001", gender: "Nam"), "đoàn sở tài chính"],
            [.. Person("Lương Văn Tú", "020200002222", born: "01/01/2000", gender: "Nam"), "Sở Không Có"],
            [.. Person("Hà Văn Nam", "020200005555", born: "01/01/2000", gender: "Nam"), ""]);

        var response = await _office.PostAsync("/members/import?commit=true", Form(file, "khoi.csv"));
        var withoutUnits = await _office.PostAsync("/members/import", Form(Csv(",", true, Header, Person()), "khoi.csv"));
        var bySecretary = await factory.CreateClient().As(Post.OnUnit(_unitA)).PostAsync("/members/import", Form(file, "khoi.csv"));

        var report = (await response.ReadAsync<MemberImportReport>())!;
        Assert.Equal([_unitA, _unitB], report.Items.Where(i => i.Result == ImportRowResult.Accepted).Select(i => i.UnitId!.Value));
        Assert.Contains("no unit of the bloc", Assert.Single(Row(report, 4).Problems).Reason);
        Assert.Contains("unit is required", Assert.Single(Row(report, 5).Problems).Reason);
        Assert.Contains((await withoutUnits.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("file"), m => m.Contains("'Đơn vị' is missing"));
        await bySecretary.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Files_over_the_limits_files_that_are_not_spreadsheets_and_missing_columns_get_clear_answers()
    {
        async Task<HttpResponseMessage> Send(byte[] file, string name) => await _office.PostAsync($"/units/{_unitA}/members/import", Form(file, name));
        var big = new byte[21 * 1024 * 1024];
        Array.Fill(big, (byte)'a');
        var rows = Enumerable.Range(0, 50_001).Select(i => Person(cccd: $"0201980{i:00000}")).Prepend(Header).ToArray();
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n").Concat(new byte[200]).ToArray();
        byte[] xls = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];
        using var zipBytes = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(zipBytes, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
            await using (var entry = zip.CreateEntry("readme.txt").Open()) entry.Write("hello"u8);

        await (await Send(big, "big.csv")).ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        var tooManyRows = await (await Send(Csv(",", true, rows), "many.csv")).ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("50,000", tooManyRows.GetProperty("detail").GetString());
        await (await Send(pdf, "ds.xlsx")).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Contains(".xls", (await (await Send(xls, "ds.xls")).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType)).GetProperty("detail").GetString());
        await (await Send(zipBytes.ToArray(), "ds.xlsx")).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        var missing = await (await Send(Csv(",", true, ["Họ và tên", "Giới tính", "Dân tộc", "Số CCCD"], ["Hoàng Thị Thu Trang", "Nữ", "Tày", "020198001234"]), "ds.csv"))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(missing.FieldErrors("file"), m => m.Contains("'Ngày sinh' is missing"));
        Assert.Contains(missing.FieldErrors("file"), m => m.Contains("'Ngày vào Đoàn' is missing"));
        Assert.NotEmpty((await (await _office.PostAsync($"/units/{_unitA}/members/import", new MultipartFormDataContent { { new StringContent("x"), "other" } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("file"));
        await (await _office.PostAsJsonAsync($"/units/{_unitA}/members/import", new { file = "x" })).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(0, await MembersAsync());
    }

    [Fact]
    public async Task A_secretary_imports_into_their_own_unit_only()
    {
        var secretary = factory.CreateClient().As(Post.OnUnit(_unitA));
        var file = Csv(",", true, Header, Person());

        var other = await secretary.PostAsync($"/units/{_unitB}/members/import?commit=true", Form(file, "ds.csv"));
        var lead = await factory.CreateClient().As(Post.OnCluster(_clusterA)).PostAsync($"/units/{_unitA}/members/import?commit=true", Form(file, "ds.csv"));
        var own = await ImportAsync(file, "ds.csv", commit: true, client: secretary);

        await other.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await lead.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(1, own.Accepted);
        Assert.Equal(1, await MembersAsync());
    }
}
