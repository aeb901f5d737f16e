using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DoanKhoi.Identity.Apis;
using DoanKhoi.Security;
using DoanKhoi.Testing;

namespace DoanKhoi.Identity.Tests;

public class AccountsTests(IdentityApiFactory factory) : IClassFixture<IdentityApiFactory>
{
    [Fact]
    public async Task The_bloc_office_creates_a_secretary_who_signs_in_with_the_post_and_sees_only_their_own_account()
    {
        var office = await factory.SignedInAsync(IdentityApiFactory.BlocOffice);
        var unitId = Guid.NewGuid();
        var created = await office.PostAsJsonAsync("/accounts", new
        {
            userName = "ha.nguyen", displayName = "Nguyễn Thị Hà", password = "chidoan2026", posts = new[] { $"unit-secretary@unit:{unitId}" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

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
        var created = await (await office.PostAsJsonAsync("/accounts", new
        {
            userName = "leaving", displayName = "Người nghỉ", password = "leaving2026x", posts = new[] { $"unit-secretary@unit:{Guid.NewGuid()}" },
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
