using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DoanKhoi.Contracts.Membership;
using DoanKhoi.Membership.Apis;
using DoanKhoi.Membership.Domain.Members;
using DoanKhoi.Security;
using DoanKhoi.Testing;

namespace DoanKhoi.Membership.Tests.Apis;

public class MembersApiTests(MembershipApiFactory factory) : IClassFixture<MembershipApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _office = factory.CreateClient();
    private Guid _clusterA, _unitA, _unitB, _branchA;

    public async Task InitializeAsync()
    {
        await factory.Database.ResetAsync();
        _clusterA = (await (await _office.PostAsJsonAsync("/clusters", new { code = "CUM-A", name = "Cụm A" })).ReadAsync<ClusterResponse>())!.Id;
        var clusterB = (await (await _office.PostAsJsonAsync("/clusters", new { code = "CUM-B", name = "Cụm B" })).ReadAsync<ClusterResponse>())!.Id;
        _unitA = (await (await _office.PostAsJsonAsync("/units", new { code = "UA", name = "Đoàn Sở Y tế", kind = "agency", clusterId = _clusterA })).ReadAsync<UnitResponse>())!.Id;
        _unitB = (await (await _office.PostAsJsonAsync("/units", new { code = "UB", name = "Đoàn Sở Tài chính", kind = "agency", clusterId = clusterB })).ReadAsync<UnitResponse>())!.Id;
        _branchA = (await (await _office.PostAsJsonAsync($"/units/{_unitA}/branches", new { name = "Chi đoàn Văn phòng" })).ReadAsync<BranchResponse>())!.Id;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Hoàng Thị Thu Trang, Tày, born 15/03/1998 in Lạng Sơn (CCCD 020 1 98 …).</summary>
    private object Trang(string? fullName = null, string citizenId = "020198001234", string? cardNumber = "DV0001", bool inBranchA = true) => new
    {
        fullName = fullName ?? "Hoàng Thị Thu Trang", dateOfBirth = "1998-03-15", gender = "female", ethnicity = "Tày",
        citizenId, phone = "+84 912 345 678", email = "trang.ht@langson.gov.vn", joinedUnionOn = "2014-03-26",
        cardNumber, branchId = inBranchA ? _branchA : (Guid?)null,
    };

    private async Task<MemberResponse> Register(object body, Guid? unit = null, HttpClient? client = null)
    {
        var response = await (client ?? _office).PostAsJsonAsync($"/units/{unit ?? _unitA}/members", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadAsync<MemberResponse>())!;
    }

    [Fact]
    public async Task A_recorded_member_is_stored_in_NFC_and_publishes_MemberRegistered_without_personal_data()
    {
        var member = await Register(Trang("Hoàng Thị Thu Trang".Normalize(NormalizationForm.FormD)));

        Assert.Equal("Hoàng Thị Thu Trang", member.FullName);
        Assert.True(member.FullName.IsNormalized(NormalizationForm.FormC));
        Assert.Equal(("020198001234", "02", "Tày", "0912345678"), (member.CitizenId, member.EthnicityCode, member.EthnicityName, member.Phone));
        Assert.Equal("Chi đoàn Văn phòng", member.BranchName);
        Assert.Equal(MemberStatus.Active, member.Status);

        Assert.True(await factory.PublishedAsync<MemberRegistered>(m => m.Member.MemberId == member.Id
            && m.Member.Version == 1 && m.EffectiveOn == new DateOnly(2014, 3, 26)));
        var body = await factory.Database.ScalarAsync<string>("SELECT body::text FROM outbox_messages WHERE message_type LIKE '%MemberRegistered'");
        Assert.DoesNotContain("020198001234", body);
        Assert.DoesNotContain("Tày", body);
    }

    [Fact]
    public async Task A_CCCD_that_contradicts_the_date_of_birth_and_the_gender_is_refused_naming_both_fields()
    {
        // 0 = a man born 1900-1999, 01 = born 2001: but Trang is a woman born in 1998.
        var response = await _office.PostAsJsonAsync($"/units/{_unitA}/members", Trang(citizenId: "020001001234"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(problem.FieldErrors("citizenId"), m => m.Contains("born in 1901") && m.Contains("15/03/1998"));
        Assert.NotEmpty(problem.FieldErrors("dateOfBirth"));
        Assert.Contains(problem.FieldErrors("gender"), m => m.Contains("of a man"));
        Assert.Equal(0, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM members"));
    }

    [Fact]
    public async Task Every_bad_field_is_named_at_once()
    {
        var response = await _office.PostAsJsonAsync($"/units/{_unitA}/members", new
        {
            fullName = "Trang", dateOfBirth = "2030-01-01", gender = "x", ethnicity = "Klingon", citizenId = "12345", phone = "12345", email = "not-mail",
        });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "fullName", "dateOfBirth", "gender", "ethnicity", "citizenId", "phone", "email", "joinedUnionOn" })
            Assert.NotEmpty(problem.FieldErrors(field));
    }

    [Fact]
    public async Task Admission_outside_the_Unions_age_of_16_to_30_is_refused_with_the_rule()
    {
        var tooYoung = await _office.PostAsJsonAsync($"/units/{_unitA}/admissions", new
        {
            fullName = "Lăng Văn Hùng", dateOfBirth = "2012-06-01", gender = "Nam", ethnicity = "Nùng", resolutionNumber = "12-NQ/ĐTN", admittedOn = "2026-03-26",
        });
        var admitted = await _office.PostAsJsonAsync($"/units/{_unitA}/admissions", new
        {
            fullName = "Lăng Văn Hùng", dateOfBirth = "2008-06-01", gender = "Nam", ethnicity = "Nùng", resolutionNumber = "12-NQ/ĐTN", admittedOn = "2026-03-26",
        });

        var problem = await tooYoung.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("from 16 to 30", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Created, admitted.StatusCode);
        var member = (await admitted.ReadAsync<MemberResponse>())!;
        Assert.Equal((new DateOnly(2026, 3, 26), "12-NQ/ĐTN"), (member.JoinedUnionOn, member.AdmissionResolution));
        Assert.True(await factory.PublishedAsync<MemberAdmitted>(m => m.Member.MemberId == member.Id
            && m.AdmittingUnitId == _unitA && m.ResolutionNumber == "12-NQ/ĐTN"));
    }

    [Fact]
    public async Task A_CCCD_already_recorded_is_a_conflict_that_names_the_unit_only_to_whoever_reaches_it()
    {
        await Register(Trang(inBranchA: false), _unitB);

        var byOffice = await _office.PostAsJsonAsync($"/units/{_unitA}/members", Trang(cardNumber: null));
        var bySecretary = await factory.CreateClient().As(Post.OnUnit(_unitA)).PostAsJsonAsync($"/units/{_unitA}/members", Trang(cardNumber: null));

        Assert.Contains("Đoàn Sở Tài chính", (await byOffice.ShouldBeProblemAsync(HttpStatusCode.Conflict)).FieldErrors("citizenId").Single());
        var hidden = (await bySecretary.ShouldBeProblemAsync(HttpStatusCode.Conflict)).FieldErrors("citizenId").Single();
        Assert.Contains("another unit", hidden);
        Assert.DoesNotContain("Tài chính", hidden);
    }

    [Fact]
    public async Task Members_are_found_as_people_type_and_lists_mask_the_CCCD_and_leave_out_ethnicity()
    {
        var trang = await Register(Trang());
        await Register(new { fullName = "Hoàng Văn Thụ", dateOfBirth = "2001-07-04", gender = "male", ethnicity = "Kinh", joinedUnionOn = "2018-03-26", citizenId = "020201005678" });

        async Task<JsonElement> Find(string q) => await _office.GetFromJsonAsync<JsonElement>($"/members?q={Uri.EscapeDataString(q)}");
        var byName = await Find("hoang thi thu trang");
        Assert.Equal([trang.Id], byName.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetGuid()));
        Assert.Equal(2, (await Find("HOANG")).GetProperty("total").GetInt32());
        foreach (var q in new[] { "020198001234", "0912345678", "+84912345678", "dv0001" })
            Assert.Equal(trang.Id, (await Find(q)).GetProperty("items")[0].GetProperty("id").GetGuid());

        var item = byName.GetProperty("items")[0];
        Assert.Equal("********1234", item.GetProperty("citizenIdMasked").GetString());
        Assert.False(item.TryGetProperty("ethnicityCode", out _));
        Assert.DoesNotContain("020198001234", byName.GetRawText());
        Assert.DoesNotContain("Tày", byName.GetRawText());
    }

    [Fact]
    public async Task Only_the_member_their_units_secretary_and_the_bloc_office_read_the_personal_data_and_each_reading_is_recorded()
    {
        var trang = await Register(Trang());
        HttpClient Client(Post post) => factory.CreateClient().As(post);

        var lead = await Client(Post.OnCluster(_clusterA)).GetFromJsonAsync<MemberResponse>($"/members/{trang.Id}", ProblemAssertions.Json);
        var committee = await Client(Post.Bloc(Role.StandingCommittee)).GetFromJsonAsync<MemberResponse>($"/members/{trang.Id}", ProblemAssertions.Json);
        var secretary = await Client(Post.OnUnit(_unitA)).GetFromJsonAsync<MemberResponse>($"/members/{trang.Id}", ProblemAssertions.Json);
        var herself = await Client(Post.OfMember(trang.Id)).GetFromJsonAsync<MemberResponse>($"/members/{trang.Id}", ProblemAssertions.Json);

        foreach (var masked in new[] { lead!, committee! })
            Assert.Equal((false, "********1234", null, null, null), (masked.PersonalDataShown, masked.CitizenId, masked.EthnicityName, masked.Phone, masked.Email));
        foreach (var whole in new[] { secretary!, herself! })
            Assert.Equal((true, "020198001234", "Tày"), (whole.PersonalDataShown, whole.CitizenId, whole.EthnicityName));
        var readers = await factory.Database.ScalarAsync<string>(
            $"SELECT string_agg(actor, ',' ORDER BY id) FROM audit_entries WHERE action = 'ReadPersonalData' AND entity_id = '{trang.Id}'");
        Assert.Equal("test.unit-secretary", readers);
    }

    [Fact]
    public async Task A_member_corrects_their_own_phone_and_email_and_nothing_else()
    {
        var trang = await Register(Trang());
        var herself = factory.CreateClient().As(Post.OfMember(trang.Id));

        var contact = await herself.PutAsJsonAsync($"/members/{trang.Id}/contact", new { phone = "0987 654 321", email = "trang@example.vn" });
        var profile = await herself.PutAsJsonAsync($"/members/{trang.Id}", Trang("Hoàng Thu Trang"));
        var someoneElse = await factory.CreateClient().As(Post.OfMember(Guid.NewGuid())).PutAsJsonAsync($"/members/{trang.Id}/contact", new { phone = "0987654321" });

        Assert.Equal(HttpStatusCode.OK, contact.StatusCode);
        var corrected = (await contact.ReadAsync<MemberResponse>())!;
        Assert.Equal(("0987654321", "trang@example.vn"), (corrected.Phone, corrected.Email));
        await profile.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await someoneElse.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.True(await factory.PublishedAsync<MemberProfileChanged>(m => m.Member.MemberId == trang.Id && m.Member.Version == 2));
    }

    [Fact]
    public async Task Filtering_by_ethnicity_is_for_those_who_may_read_it()
    {
        await Register(Trang());

        var office = await _office.GetFromJsonAsync<JsonElement>("/members?ethnicity=tay");
        var secretary = await factory.CreateClient().As(Post.OnUnit(_unitA)).GetAsync($"/members?ethnicity=Tày&unitId={_unitA}");
        var lead = await factory.CreateClient().As(Post.OnCluster(_clusterA)).GetAsync("/members?ethnicity=Tày");

        Assert.Equal(1, office.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.OK, secretary.StatusCode);
        Assert.NotEmpty((await lead.ShouldBeProblemAsync(HttpStatusCode.Forbidden)).GetProperty("detail").GetString()!);
    }

    [Fact]
    public async Task Union_posts_keep_their_terms_may_not_overlap_and_are_filtered_on_today()
    {
        var trang = await Register(Trang());

        var overlapping = await _office.PutAsJsonAsync($"/members/{trang.Id}/posts", new
        {
            posts = new[] { new { post = "deputySecretary", from = "2019-01-01", to = (string?)"2022-12-31" }, new { post = "secretary", from = "2022-06-01", to = (string?)null } },
        });
        var terms = await _office.PutAsJsonAsync($"/members/{trang.Id}/posts", new
        {
            posts = new[] { new { post = "deputySecretary", from = "2019-01-01", to = (string?)"2022-12-31" }, new { post = "secretary", from = "2023-01-01", to = (string?)null } },
        });

        Assert.NotEmpty((await overlapping.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("posts[1]"));
        var member = (await terms.ReadAsync<MemberResponse>())!;
        Assert.Equal([UnionPost.DeputySecretary, UnionPost.Secretary], member.Posts.Select(p => p.Post));
        Assert.True(member.IsCadre);
        Assert.Equal(1, (await _office.GetFromJsonAsync<JsonElement>("/members?post=secretary")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await _office.GetFromJsonAsync<JsonElement>("/members?post=deputySecretary")).GetProperty("total").GetInt32());
        var history = (await _office.GetFromJsonAsync<PagedList<MemberHistoryResponse>>($"/members/{trang.Id}/history", ProblemAssertions.Json))!.Items;
        Assert.Equal([MemberChange.Registered, MemberChange.PostsChanged], history.Select(h => h.Change));
        Assert.Equal("test.bloc-office", history![1].By);
    }
}
