using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DoanKhoi.Contracts.Membership;
using DoanKhoi.Files;
using DoanKhoi.Membership.Apis;
using DoanKhoi.Membership.Domain.Members;
using DoanKhoi.Security;
using DoanKhoi.Testing;

namespace DoanKhoi.Membership.Tests.Apis;

/// <summary>Transfers with both secretaries, maturity, leaving and the Party path, as the units live them.</summary>
public class LifecycleApiTests(MembershipApiFactory factory) : IClassFixture<MembershipApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _office = factory.CreateClient();
    private Guid _unitA, _unitB, _branchB;
    private HttpClient _secretaryA = null!, _secretaryB = null!;

    public async Task InitializeAsync()
    {
        await factory.Database.ResetAsync();
        var cluster = (await (await _office.PostAsJsonAsync("/clusters", new { code = "CUM-A", name = "Cụm A" })).ReadAsync<ClusterResponse>())!.Id;
        _unitA = (await (await _office.PostAsJsonAsync("/units", new { code = "UA", name = "Đoàn Sở Y tế", kind = "agency", clusterId = cluster })).ReadAsync<UnitResponse>())!.Id;
        _unitB = (await (await _office.PostAsJsonAsync("/units", new { code = "UB", name = "Đoàn Sở Tài chính", kind = "agency", clusterId = cluster })).ReadAsync<UnitResponse>())!.Id;
        _branchB = (await (await _office.PostAsJsonAsync($"/units/{_unitB}/branches", new { name = "Chi đoàn Kế toán" })).ReadAsync<BranchResponse>())!.Id;
        _secretaryA = factory.CreateClient().As(Post.OnUnit(_unitA));
        _secretaryB = factory.CreateClient().As(Post.OnUnit(_unitB));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<MemberResponse> Register(string born = "1999-05-05", string name = "Nông Thị Ánh")
    {
        var response = await _office.PostAsJsonAsync($"/units/{_unitA}/members", new
        {
            fullName = name, dateOfBirth = born, gender = "female", ethnicity = "Nùng", joinedUnionOn = DateOnly.Parse(born).AddYears(17).ToString("yyyy-MM-dd"),
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadAsync<MemberResponse>())!;
    }

    private async Task<TransferResponse> Issue(Guid member, HttpClient? by = null)
    {
        var response = await (by ?? _secretaryA).PostAsJsonAsync($"/members/{member}/transfers", new { toUnitId = _unitB, letterNumber = "15/GGT-ĐTN", issuedOn = "2026-05-04" });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.ReadAsync<TransferResponse>())!;
    }

    [Fact]
    public async Task The_transfers_go_out_as_a_file_with_the_same_filter_and_scope_as_the_list()
    {
        var anh = await Register();
        var binh = await Register(name: "Vi Văn Bình");
        var pending = await Issue(anh.Id);
        var refused = await Issue(binh.Id);
        Assert.Equal(HttpStatusCode.OK, (await _secretaryB.PostAsJsonAsync($"/transfers/{refused.Id}/reject", new { reason = "=Thiếu hồ sơ", on = "2026-05-06" })).StatusCode);
        var outsider = factory.CreateClient().As(Post.OnUnit(Guid.NewGuid()));

        var all = await _secretaryB.GetAsync("/transfers/export?format=csv&status=all");
        var waiting = await _secretaryA.GetAsync("/transfers/export?format=csv&status=pending");
        var nothing = await outsider.GetAsync("/transfers/export?format=csv");
        var xlsx = await _office.GetAsync("/transfers/export");
        var wrong = await _office.GetAsync("/transfers/export?format=pdf");

        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Equal("chuyen-sinh-hoat.csv", all.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var lines = (await all.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Họ và tên,Từ đơn vị,Đến đơn vị,Số giấy giới thiệu,Ngày giới thiệu,Người lập,Trạng thái,Ngày quyết định,Người quyết định,Lý do", lines[0]);
        Assert.Equal(3, lines.Length);
        // Pending first; a reason a spreadsheet would run as a formula is only shown.
        Assert.StartsWith("Nông Thị Ánh,Đoàn Sở Y tế,Đoàn Sở Tài chính,15/GGT-ĐTN,04/05/2026,", lines[1]);
        Assert.Contains(",Chờ tiếp nhận,", lines[1]);
        Assert.StartsWith("Vi Văn Bình,", lines[2]);
        Assert.Contains(",Bị từ chối,06/05/2026,", lines[2]);
        Assert.EndsWith(",'=Thiếu hồ sơ", lines[2]);
        var waitingLines = (await waiting.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, waitingLines.Length);
        Assert.StartsWith("Nông Thị Ánh,", waitingLines[1]);
        Assert.Single((await nothing.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(TableFile.XlsxContentType, xlsx.Content.Headers.ContentType?.MediaType);
        (await wrong.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldNameFields("format");
        _ = pending;
    }

    [Fact]
    public async Task A_transfer_needs_both_sides_and_the_member_is_seen_by_both_units_meanwhile()
    {
        var anh = await Register();

        var transfer = await Issue(anh.Id);

        Assert.Equal(TransferStatus.Pending, transfer.Status);
        Assert.Equal(MemberStatus.InTransfer, (await _secretaryA.GetFromJsonAsync<MemberResponse>($"/members/{anh.Id}", ProblemAssertions.Json))!.Status);
        Assert.Equal(HttpStatusCode.OK, (await _secretaryB.GetAsync($"/members/{anh.Id}")).StatusCode);
        var incoming = await _secretaryB.GetFromJsonAsync<JsonElement>("/transfers?status=pending");
        Assert.Equal(transfer.Id, incoming.GetProperty("items")[0].GetProperty("id").GetGuid());
        // The sender cannot accept for the receiver.
        await (await _secretaryA.PostAsJsonAsync($"/transfers/{transfer.Id}/accept", new { })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var accepted = await _secretaryB.PostAsJsonAsync($"/transfers/{transfer.Id}/accept", new { branchId = _branchB, acceptedOn = "2026-05-10" });

        Assert.True(accepted.StatusCode == HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        var moved = (await _secretaryB.GetFromJsonAsync<MemberResponse>($"/members/{anh.Id}", ProblemAssertions.Json))!;
        Assert.Equal((_unitB, _branchB, MemberStatus.Active), (moved.UnitId, moved.BranchId, moved.Status));
        Assert.Equal(HttpStatusCode.NotFound, (await _secretaryA.GetAsync($"/members/{anh.Id}")).StatusCode);
        Assert.True(await factory.PublishedAsync<MemberTransferred>(m => m.Member.MemberId == anh.Id
            && m.FromUnitId == _unitA && m.Member.UnitId == _unitB && m.EffectiveOn == new DateOnly(2026, 5, 10)));
        // History stays: she was a member of A until the 10th of May.
        Assert.Equal(1, await factory.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM member_placements WHERE member_id = '{anh.Id}' AND unit_id = '{_unitA}' AND \"to\" = '2026-05-10'"));
    }

    [Fact]
    public async Task A_rejected_transfer_says_why_and_leaves_the_member_where_they_were_and_a_decided_one_cannot_be_decided_again()
    {
        var anh = await Register();
        var transfer = await Issue(anh.Id);

        var noReason = await _secretaryB.PostAsJsonAsync($"/transfers/{transfer.Id}/reject", new { });
        var rejected = await _secretaryB.PostAsJsonAsync($"/transfers/{transfer.Id}/reject", new { reason = "Đồng chí chưa nộp hồ sơ" });
        var again = await _secretaryB.PostAsJsonAsync($"/transfers/{transfer.Id}/accept", new { });

        Assert.NotEmpty((await noReason.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("reason"));
        var decided = (await rejected.ReadAsync<TransferResponse>())!;
        Assert.Equal((TransferStatus.Rejected, "Đồng chí chưa nộp hồ sơ"), (decided.Status, decided.DecisionReason));
        Assert.Contains("already rejected", (await again.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString());
        var kept = (await _office.GetFromJsonAsync<MemberResponse>($"/members/{anh.Id}", ProblemAssertions.Json))!;
        Assert.Equal((_unitA, MemberStatus.Active), (kept.UnitId, kept.Status));
        Assert.Equal(HttpStatusCode.NotFound, (await _secretaryB.GetAsync($"/members/{anh.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_transfer_is_withdrawn_by_the_sender_before_acceptance_and_one_member_has_one_pending_transfer()
    {
        var anh = await Register();
        var transfer = await Issue(anh.Id);

        var second = await _secretaryA.PostAsJsonAsync($"/members/{anh.Id}/transfers", new { toUnitId = _unitB });
        var byReceiver = await _secretaryB.PostAsJsonAsync($"/transfers/{transfer.Id}/withdraw", new { });
        var withdrawn = await _secretaryA.PostAsJsonAsync($"/transfers/{transfer.Id}/withdraw", new { reason = "Nhầm đơn vị" });

        Assert.Contains("in transfer", (await second.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString());
        await byReceiver.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(TransferStatus.Withdrawn, (await withdrawn.ReadAsync<TransferResponse>())!.Status);
        Assert.True(await factory.PublishedAsync<MemberTransferCancelled>(m => m.TransferId == transfer.Id && m.Outcome == "withdrawn"));
    }

    [Fact]
    public async Task A_member_matures_out_only_past_30_and_not_while_holding_a_post()
    {
        var young = await Register("2000-01-01", "Lộc Văn Trẻ");
        var past30 = await Register("1990-01-01", "Hoàng Văn Già");
        var cadre = await Register("1991-01-01", "Chu Thị Bí Thư");
        await _office.PutAsJsonAsync($"/members/{cadre.Id}/posts", new { posts = new[] { new { post = "secretary", from = "2022-10-01", to = "2027-09-30" } } });

        var tooYoung = await _secretaryA.PostAsJsonAsync($"/members/{young.Id}/maturity", new { });
        var matured = await _secretaryA.PostAsJsonAsync($"/members/{past30.Id}/maturity", new { });
        var holdsPost = await _secretaryA.PostAsJsonAsync($"/members/{cadre.Id}/maturity", new { });

        Assert.Contains("past 30", (await tooYoung.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString());
        Assert.Equal(MemberStatus.Matured, (await matured.ReadAsync<MemberResponse>())!.Status);
        Assert.Contains("until its term ends", (await holdsPost.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString());
        // Past members leave the current list but stay on record.
        var current = await _office.GetFromJsonAsync<JsonElement>("/members");
        Assert.DoesNotContain(current.GetProperty("items").EnumerateArray(), m => m.GetProperty("id").GetGuid() == past30.Id);
        Assert.Equal(1, (await _office.GetFromJsonAsync<JsonElement>("/members?status=matured")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Leaving_is_dated_with_its_reason_and_a_member_who_left_cannot_be_transferred()
    {
        var anh = await Register();

        var expelledWithoutReason = await _secretaryA.PostAsJsonAsync($"/members/{anh.Id}/leaving", new { reason = "expelled" });
        var left = await _secretaryA.PostAsJsonAsync($"/members/{anh.Id}/leaving", new { reason = "transferredOut", note = "Giấy giới thiệu 21/GGT, về Đoàn phường Chi Lăng", on = "2026-06-30" });
        var transfer = await _secretaryA.PostAsJsonAsync($"/members/{anh.Id}/transfers", new { toUnitId = _unitB });

        Assert.NotEmpty((await expelledWithoutReason.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("note"));
        Assert.Equal(MemberStatus.Left, (await left.ReadAsync<MemberResponse>())!.Status);
        Assert.Contains("left the Union's rolls in the bloc on 30/06/2026", (await transfer.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString());
        Assert.True(await factory.PublishedAsync<MemberLeft>(m => m.Member.MemberId == anh.Id && m.Reason == "transferredOut"));
    }

    [Fact]
    public async Task The_Party_path_is_a_recommendation_then_the_Partys_answer()
    {
        var anh = await Register();

        var answerFirst = await _secretaryA.PostAsJsonAsync($"/members/{anh.Id}/party-admission", new { admitted = true });
        var recommended = await _secretaryA.PostAsJsonAsync($"/members/{anh.Id}/party-recommendation", new { decisionNumber = "05-QĐ/ĐTN", on = "2026-04-01" });
        var admitted = await _secretaryA.PostAsJsonAsync($"/members/{anh.Id}/party-admission", new { admitted = true, on = "2026-09-02" });

        await answerFirst.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(PartyStatus.Recommended, (await recommended.ReadAsync<MemberResponse>())!.PartyStatus);
        Assert.Equal(PartyStatus.PartyMember, (await admitted.ReadAsync<MemberResponse>())!.PartyStatus);
        var history = (await _office.GetFromJsonAsync<PagedList<MemberHistoryResponse>>($"/members/{anh.Id}/history", ProblemAssertions.Json))!.Items;
        Assert.Equal([MemberChange.Registered, MemberChange.RecommendedToParty, MemberChange.AdmittedToParty], history.Select(h => h.Change));
        Assert.Equal([new DateOnly(2026, 4, 1), new DateOnly(2026, 9, 2)], history.Skip(1).Select(h => h.EffectiveOn));
        Assert.True(await factory.PublishedAsync<MemberRecommendedToParty>(m => m.Member.MemberId == anh.Id && m.DecisionNumber == "05-QĐ/ĐTN"));
    }
}
