using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DoanKhoi.Contracts.Membership;
using DoanKhoi.Identity.Apis;
using DoanKhoi.Security;
using DoanKhoi.Testing;

namespace DoanKhoi.Identity.Tests;

public class AccountsTests(IdentityApiFactory factory) : IClassFixture<IdentityApiFactory>
{
    /// <summary>A unit membership has announced, so that identity knows it exists.</summary>
    private async Task<Guid> KnownUnitAsync()
    {
        var id = Guid.CreateVersion7();
        _ = factory.Server;
        await factory.DeliverAsync(new UnitCreated
        {
            Unit = new() { UnitId = id, Code = "U" + id.ToString("N")[..6], Name = "Đoàn kiểm thử", Kind = UnitKind.Agency, ClusterId = Guid.NewGuid(), Status = UnitStatus.Open, Version = 1 },
            OccurredAt = DateTimeOffset.UtcNow,
        });
        return id;
    }

    [Fact]
    public async Task A_post_on_a_unit_the_organisation_does_not_have_is_refused()
    {
        var office = await factory.SignedInAsync(IdentityApiFactory.BlocOffice);
        var known = await KnownUnitAsync();

        var response = await office.PostAsJsonAsync("/accounts", new
        {
            userName = "nowhere", displayName = "Không đâu", password = "longenough2026", posts = new[] { $"unit-secretary@unit:{known}", $"unit-secretary@unit:{Guid.NewGuid()}" },
        });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("There is no unit", problem.FieldErrors("posts[1]").Single());
        Assert.False(problem.GetProperty("errors").TryGetProperty("posts[0]", out _));
    }

    [Fact]
    public async Task The_bloc_office_takes_the_accounts_and_the_sign_ins_away_as_files_with_posts_and_actions_in_words()
    {
        var office = await factory.SignedInAsync(IdentityApiFactory.BlocOffice);
        var unitId = await KnownUnitAsync();
        Assert.Equal(HttpStatusCode.Created, (await office.PostAsJsonAsync("/accounts", new
        {
            userName = "lan.tran", displayName = "Trần Thị Lan", password = "chidoan2026", posts = new[] { $"unit-secretary@unit:{unitId}" },
        })).StatusCode);
        await factory.SignedInAsync("lan.tran", "chidoan2026");

        var accounts = await office.GetAsync("/accounts/export?format=csv");
        var audit = await office.GetAsync("/audit/export?format=csv&person=lan.tran&action=signedIn");
        var xlsx = await office.GetAsync("/accounts/export");

        Assert.Equal(HttpStatusCode.OK, accounts.StatusCode);
        var lines = (await accounts.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Tên đăng nhập,Họ và tên,Email,Chức vụ,Bị khóa", lines[0]);
        Assert.Contains("lan.tran,Trần Thị Lan,,Bí thư — Đoàn kiểm thử,", lines);
        Assert.Contains(lines, l => l.StartsWith($"{IdentityApiFactory.BlocOffice},", StringComparison.Ordinal) && l.Contains("Văn phòng Đoàn Khối"));
        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
        var entries = (await audit.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Thời điểm,Người thực hiện,Thay mặt,Đơn vị (mã),Loại bản ghi,Mã bản ghi,Hành động,Trước,Sau,Mã truy vết", entries[0]);
        var signIn = Assert.Single(entries.Skip(1));
        Assert.Matches(@"^\d{2}/\d{2}/\d{4} \d{2}:\d{2}:\d{2},lan\.tran,", signIn);
        Assert.Contains(",Đăng nhập,", signIn);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_bloc_office_creates_a_secretary_who_signs_in_with_the_post_and_sees_only_their_own_account()
    {
        var office = await factory.SignedInAsync(IdentityApiFactory.BlocOffice);
        var unitId = await KnownUnitAsync();
        var created = await office.PostAsJsonAsync("/accounts", new
        {
            userName = "ha.nguyen", displayName = "Nguyễn Thị Hà", password = "chidoan2026", posts = new[] { $"unit-secretary@unit:{unitId}" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var found = await office.GetFromJsonAsync<List<AccountResponse>>("/accounts?q=nguyen%20thi%20HA");
        Assert.Equal(["ha.nguyen"], found!.Select(a => a.UserName));

        var secretary = await factory.SignedInAsync("ha.nguyen", "chidoan2026");
        var me = await secretary.GetFromJsonAsync<AccountResponse>("/me");
        Assert.Equal(("Nguyễn Thị Hà", $"unit-secretary@unit:{unitId}"), (me!.DisplayName, me.Posts.Single()));
        var list = await secretary.GetAsync("/accounts");
        var problem = await list.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("bloc office", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_account_that_cannot_be_made_says_which_field_is_wrong()
    {
        var office = await factory.SignedInAsync(IdentityApiFactory.BlocOffice);

        var weak = await office.PostAsJsonAsync("/accounts", new { userName = "weak", displayName = "Weak", password = "short", posts = Array.Empty<string>() });
        var badPost = await office.PostAsJsonAsync("/accounts", new { userName = "badpost", displayName = "Bad", password = "longenough2026", posts = new[] { "secretary of unit 5" } });
        var taken = await office.PostAsJsonAsync("/accounts", new { userName = "vanphong", displayName = "Again", password = "longenough2026", posts = Array.Empty<string>() });

        Assert.True((await weak.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("password", out _));
        var postError = (await badPost.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("posts[0]")[0].GetString();
        Assert.Contains("unit-secretary@unit:<id>", postError);
        Assert.True((await taken.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("errors").TryGetProperty("userName", out _));
    }

    [Fact]
    public async Task The_portal_which_asks_for_Vietnamese_is_told_in_Vietnamese_what_to_change_in_an_account()
    {
        var office = await factory.SignedInAsync(IdentityApiFactory.BlocOffice);
        async Task<JsonElement> ErrorsAsync(object account)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/accounts") { Content = JsonContent.Create(account) };
            request.Headers.AcceptLanguage.ParseAdd("vi-VN");
            return (await (await office.SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        }

        var unnamed = await ErrorsAsync(new { userName = "chua.co.ten", displayName = "", password = "longenough2026", posts = Array.Empty<string>() });
        var weak = await ErrorsAsync(new { userName = "mat.khau.yeu", displayName = "Lò Thị Hiền", password = "ngan", posts = Array.Empty<string>() });

        Assert.Equal("Hãy nhập tên hiển thị, ví dụ 'Nguyễn Thị Hà'.", unnamed.GetProperty("displayName")[0].GetString());
        var password = weak.GetProperty("password").EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.Contains("Mật khẩu cần ít nhất 10 ký tự.", password);
        Assert.Contains("Mật khẩu cần ít nhất một chữ số (0-9).", password);
    }

    [Fact]
    public async Task Fields_longer_and_posts_more_than_the_API_description_states_are_refused_naming_them()
    {
        var office = await factory.SignedInAsync(IdentityApiFactory.BlocOffice);

        var tooLong = await office.PostAsJsonAsync("/accounts", new
        {
            userName = new string('u', 257), displayName = new string('d', 201), email = new string('e', 257) + "@x.vn",
            password = new string('p', 129) + "1", posts = new[] { "bloc-office@bloc" + new string(' ', 100) },
        });
        var tooMany = await office.PostAsJsonAsync("/accounts", new
        {
            userName = "many", displayName = "Nhiều chức vụ", password = "longenough2026", posts = Enumerable.Repeat("bloc-office@bloc", 21).ToArray(),
        });
        var longSearch = await office.GetAsync("/accounts?q=" + new string('a', 101));

        var problem = await tooLong.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.All(["userName", "displayName", "email", "password", "posts[0]"], field => Assert.NotEmpty(problem.FieldErrors(field)));
        Assert.Contains("at most 20 posts", (await tooMany.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("posts").Single());
        Assert.NotEmpty((await longSearch.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("q"));
    }

    [Fact]
    public async Task A_read_only_system_may_list_accounts_but_not_create_one()
    {
        var tokens = await factory.Flow().ClientCredentialsAsync(IdentityApiFactory.SystemClient, IdentityApiFactory.SystemSecret, Scopes.Read);
        var system = factory.CreateClient().As(tokens.AccessToken!);

        Assert.Equal(HttpStatusCode.OK, (await system.GetAsync("/accounts")).StatusCode);
        var create = await system.PostAsJsonAsync("/accounts", new { userName = "x", displayName = "X", password = "longenough2026", posts = Array.Empty<string>() });
        Assert.Contains("only read", (await create.ShouldBeProblemAsync(HttpStatusCode.Forbidden)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Locking_an_account_ends_its_refresh_tokens_and_its_sign_ins()
    {
        var office = await factory.SignedInAsync(IdentityApiFactory.BlocOffice);
        var member = await factory.KnownMemberAsync(await KnownUnitAsync(), "Người nghỉ");
        var created = await (await office.PostAsJsonAsync("/accounts", new
        {
            userName = "leaving", displayName = "Người nghỉ", password = "leaving2026x", posts = new[] { $"member@member:{member}" },
        })).Content.ReadFromJsonAsync<AccountResponse>();
        var flow = factory.Flow();
        var tokens = await flow.SignInAsync("leaving", "leaving2026x");

        Assert.Equal(HttpStatusCode.OK, (await office.PostAsync($"/accounts/{created!.Id}/lock", null)).StatusCode);

        Assert.Equal("invalid_grant", (await flow.RefreshAsync(tokens.RefreshToken!)).Error);
        await Assert.ThrowsAsync<InvalidOperationException>(() => factory.Flow().SignInAsync("leaving", "leaving2026x"));
    }

    [Fact]
    public async Task Without_a_token_the_accounts_are_closed()
    {
        var response = await factory.Browser().GetAsync("/accounts");

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }
}
