using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DoanKhoi.Contracts.Membership;
using DoanKhoi.Identity.Apis;
using DoanKhoi.Security;
using DoanKhoi.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DoanKhoi.Identity.Tests;

/// <summary>Identity's copy of the members, the member post, and the accounts a secretary gives members in bulk.</summary>
public class MemberAccountsTests(IdentityApiFactory factory) : IClassFixture<IdentityApiFactory>
{
    private const string Code = @"^[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}$";

    private async Task<HttpClient> OfficeAsync() => await factory.SignedInAsync(IdentityApiFactory.BlocOffice);

    private static async Task<MemberAccountsIssued> IssuedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadAsync<MemberAccountsIssued>())!;
    }

    [Fact]
    public async Task Identity_keeps_the_newest_state_of_a_member_whatever_the_order_and_a_redelivery_changes_nothing_twice()
    {
        _ = factory.Server;
        var (unitA, unitB, id) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var transferred = new MemberTransferred
        {
            Member = MemberFixtures.Snapshot(id, "Lương Văn Tùng", unitB, 3), TransferId = Guid.NewGuid(), FromUnitId = unitA,
            EffectiveOn = new DateOnly(2026, 5, 2), OccurredAt = DateTimeOffset.UtcNow,
        };
        var messageId = Guid.NewGuid();

        await factory.DeliverAsync(transferred, messageId);
        await factory.DeliverAsync(new MemberRegistered { Member = MemberFixtures.Snapshot(id, "Lương Văn Tùng", unitA, 1), EffectiveOn = new DateOnly(2026, 1, 1), OccurredAt = DateTimeOffset.UtcNow });
        await factory.DeliverAsync(transferred, messageId);

        Assert.Equal($"{unitB}/3/Active", await factory.Database.ScalarAsync<string>($"SELECT unit_id || '/' || version || '/' || status FROM members WHERE id = '{id}'"));
        Assert.Equal(1, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM inbox_messages WHERE message_id = '{messageId}'"));
        Assert.Equal(["Created"], await factory.Database.ColumnAsync<string>($"SELECT action FROM audit_entries WHERE entity_type = 'MemberCopy' AND entity_id = '{id}'"));
    }

    [Fact]
    public async Task Events_that_come_together_as_an_import_s_do_are_each_applied_once_and_the_newest_state_wins()
    {
        var office = await OfficeAsync();
        var unit = await factory.KnownUnitAsync();
        var leaving = await factory.KnownMemberAsync(unit, "Triệu Thị Hoa");
        var account = await (await office.PostAsJsonAsync("/accounts", new
        {
            userName = "hoa.tt", displayName = "Triệu Thị Hoa", password = "longenough2026", posts = new[] { $"member@member:{leaving}" },
        })).Content.ReadFromJsonAsync<AccountResponse>();
        var (tung, registeredId) = (Guid.NewGuid(), Guid.NewGuid());
        var others = Enumerable.Range(1, 30).Select(i => (Guid.NewGuid(), Guid.NewGuid())).ToList();
        MemberRegistered Registered(Guid id, string name) => new() { Member = MemberFixtures.Snapshot(id, name, unit, 1), EffectiveOn = new DateOnly(2026, 1, 1), OccurredAt = DateTimeOffset.UtcNow };

        await factory.DeliverTogetherAsync([
            (Registered(tung, "Lương Văn Tung"), registeredId),
            // Each of 30 members registered and corrected at once: the two kinds of event come in two batches side by side.
            .. others.SelectMany(o => new (object, Guid)[]
            {
                (Registered(o.Item1, "Đoàn viên nhập"), o.Item2),
                (new MemberProfileChanged { Member = MemberFixtures.Snapshot(o.Item1, "Đoàn viên đã sửa", unit, 2), EffectiveOn = new DateOnly(2026, 1, 2), OccurredAt = DateTimeOffset.UtcNow }, Guid.NewGuid()),
            }),
            (new MemberProfileChanged { Member = MemberFixtures.Snapshot(tung, "Lương Văn Tùng", unit, 3), EffectiveOn = new DateOnly(2026, 2, 1), OccurredAt = DateTimeOffset.UtcNow }, Guid.NewGuid()),
            (new MemberProfileChanged { Member = MemberFixtures.Snapshot(tung, "Lương Văn Tủng", unit, 2), EffectiveOn = new DateOnly(2026, 1, 15), OccurredAt = DateTimeOffset.UtcNow }, Guid.NewGuid()),
            (Registered(tung, "Lương Văn Tung"), registeredId),
            (new MemberLeft { Member = MemberFixtures.Snapshot(leaving, "Triệu Thị Hoa", unit, 2, MemberStatus.Left), Reason = "movedAway", EffectiveOn = new DateOnly(2026, 6, 1), OccurredAt = DateTimeOffset.UtcNow }, Guid.NewGuid()),
        ]);

        Assert.Equal("Lương Văn Tùng/3", await factory.Database.ScalarAsync<string>($"SELECT full_name || '/' || version FROM members WHERE id = '{tung}'"));
        Assert.Equal(30, await factory.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM members WHERE id IN ({string.Join(",", others.Select(o => $"'{o.Item1}'"))}) AND version = 2 AND full_name = 'Đoàn viên đã sửa'"));
        Assert.Equal(1, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM inbox_messages WHERE message_id = '{registeredId}'"));
        Assert.Empty((await office.GetFromJsonAsync<AccountResponse>($"/accounts/{account!.Id}"))!.Posts);
    }

    [Fact]
    public async Task A_member_post_is_given_only_for_a_member_identity_knows_who_is_on_the_rolls_and_to_one_account()
    {
        var office = await OfficeAsync();
        var unit = await factory.KnownUnitAsync();
        var current = await factory.KnownMemberAsync(unit, "Nông Thị Mai");
        var left = await factory.KnownMemberAsync(unit, "Hoàng Văn Đức");
        await factory.LeftAsync(left, "Hoàng Văn Đức", unit, 2);

        var refused = await office.PostAsJsonAsync("/accounts", new
        {
            userName = "posts.checked", displayName = "Kiểm tra", password = "longenough2026",
            posts = new[] { $"member@member:{current}", $"member@member:{Guid.NewGuid()}", $"member@member:{left}" },
        });
        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("There is no member", problem.FieldErrors("posts[1]").Single());
        Assert.Contains("left the Union's rolls", problem.FieldErrors("posts[2]").Single());
        Assert.False(problem.GetProperty("errors").TryGetProperty("posts[0]", out _));

        var created = await office.PostAsJsonAsync("/accounts", new { userName = "mai.nt", displayName = "Nông Thị Mai", password = "longenough2026", posts = new[] { $"member@member:{current}" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var twice = await office.PostAsJsonAsync("/accounts", new { userName = "mai.nt2", displayName = "Nông Thị Mai", password = "longenough2026", posts = new[] { $"member@member:{current}" } });
        Assert.NotEmpty((await twice.ShouldBeProblemAsync(HttpStatusCode.Conflict)).FieldErrors("posts[0]"));
    }

    [Fact]
    public async Task When_a_member_leaves_the_member_post_is_taken_from_their_account_on_the_record()
    {
        var office = await OfficeAsync();
        var unit = await factory.KnownUnitAsync();
        var member = await factory.KnownMemberAsync(unit, "Chu Văn Bình");
        var account = await (await office.PostAsJsonAsync("/accounts", new
        {
            userName = "binh.cv", displayName = "Chu Văn Bình", password = "longenough2026", posts = new[] { $"member@member:{member}" },
        })).Content.ReadFromJsonAsync<AccountResponse>();

        await factory.DeliverAsync(new MemberMatured
        {
            Member = MemberFixtures.Snapshot(member, "Chu Văn Bình", unit, 2, MemberStatus.Matured), EffectiveOn = new DateOnly(2026, 9, 1), OccurredAt = DateTimeOffset.UtcNow,
        });

        var after = await office.GetFromJsonAsync<AccountResponse>($"/accounts/{account!.Id}");
        Assert.Empty(after!.Posts);
        var tokens = await factory.Flow().SignInAsync("binh.cv", "longenough2026");
        Assert.Null(new JsonWebToken(tokens.AccessToken).Claims.FirstOrDefault(c => c.Type == Post.ClaimType));
        Assert.Equal(["message:MemberCopyConsumer"], await factory.Database.ColumnAsync<string>(
            $"SELECT actor FROM audit_entries WHERE entity_type = 'PostAssignment' AND action = 'Deleted' AND before::text LIKE '%{member}%'"));
    }

    [Fact]
    public async Task A_unit_s_secretary_gives_the_unit_s_members_accounts_in_one_request_and_sees_each_code_once()
    {
        var unit = await factory.KnownUnitAsync();
        var trang = await factory.KnownMemberAsync(unit, "Hoàng Thị Thu Trang");
        var trang2 = await factory.KnownMemberAsync(unit, "Hà Thị Thùy Trang");
        var gone = await factory.KnownMemberAsync(unit, "Lý Văn Sơn");
        await factory.LeftAsync(gone, "Lý Văn Sơn", unit, 2);
        var secretary = await factory.HolderOfAsync(Post.OnUnit(unit));

        var response = await secretary.PostAsJsonAsync("/member-accounts", new { unitId = unit });

        var issued = await IssuedAsync(response);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal(new HashSet<Guid> { trang, trang2 }, issued.Accounts.Select(a => a.MemberId).ToHashSet());
        Assert.Equal(["trang.htt", "trang.htt2"], issued.Accounts.Select(a => a.UserName).Order());
        Assert.All(issued.Accounts, a => Assert.Matches(Code, a.Code));
        var lastDay = DoanKhoi.Text.VietnamTime.Today(TimeProvider.System).AddDays(7);
        Assert.All(issued.Accounts, a => Assert.Equal(lastDay.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), a.ExpiresOn));
        Assert.EndsWith("/account/signin", issued.SignInAddress);
        var hashes = await factory.Database.ColumnAsync<string>($"SELECT code_hash FROM member_codes WHERE member_id IN ('{trang}', '{trang2}')");
        Assert.Equal(2, hashes.Count);
        Assert.DoesNotContain(hashes, h => issued.Accounts.Any(a => h.Contains(a.Code.Replace("-", ""), StringComparison.Ordinal)));

        var listed = await secretary.GetFromJsonAsync<JsonElement>($"/member-accounts?unitId={unit}");
        Assert.Equal(["codeIssued", "codeIssued"], listed.EnumerateArray().Select(m => m.GetProperty("account").GetString()));
        var again = await IssuedAsync(await secretary.PostAsJsonAsync("/member-accounts", new { unitId = unit }));
        Assert.Empty(again.Accounts);
        var office = await OfficeAsync();
        Assert.Contains($"member@member:{trang}", (await office.GetFromJsonAsync<List<AccountResponse>>("/accounts?q=trang.htt"))!.SelectMany(a => a.Posts));
    }

    [Fact]
    public async Task A_secretary_cannot_give_accounts_to_another_unit_s_members_and_the_answer_is_as_for_nobody()
    {
        var (mine, theirs) = (await factory.KnownUnitAsync(), await factory.KnownUnitAsync());
        var other = await factory.KnownMemberAsync(theirs, "Vi Thị Hằng");
        var secretary = await factory.HolderOfAsync(Post.OnUnit(mine));

        var byId = await secretary.PostAsJsonAsync("/member-accounts", new { memberIds = new[] { other } });
        var byUnit = await secretary.PostAsJsonAsync("/member-accounts/print", new { unitId = theirs });
        var nobody = await secretary.PostAsJsonAsync("/member-accounts", new { memberIds = new[] { Guid.NewGuid() } });
        var list = await secretary.GetAsync($"/member-accounts?unitId={theirs}");

        Assert.Contains("There is no member", (await byId.ShouldBeProblemAsync(HttpStatusCode.NotFound)).GetProperty("detail").GetString());
        await byUnit.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await nobody.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await list.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM member_codes WHERE member_id = '{other}'"));
    }

    [Fact]
    public async Task A_member_who_left_gets_no_account_and_the_refusal_names_them()
    {
        var unit = await factory.KnownUnitAsync();
        var (ok, gone) = (await factory.KnownMemberAsync(unit, "Hà Văn Nam"), await factory.KnownMemberAsync(unit, "Hà Văn Bắc"));
        await factory.LeftAsync(gone, "Hà Văn Bắc", unit, 2);
        var office = await OfficeAsync();

        var response = await office.PostAsJsonAsync("/member-accounts", new { memberIds = new[] { ok, gone } });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.StartsWith("Hà Văn Bắc has left the Union's rolls", problem.FieldErrors("memberIds[1]").Single());
        Assert.Equal(0, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM member_codes WHERE member_id = '{ok}'"));
    }

    [Fact]
    public async Task A_member_s_account_follows_them_to_the_unit_that_accepts_their_transfer()
    {
        var (from, to) = (await factory.KnownUnitAsync(), await factory.KnownUnitAsync());
        var member = await factory.KnownMemberAsync(from, "Lăng Thị Hoa");
        var (oldSecretary, newSecretary) = (await factory.HolderOfAsync(Post.OnUnit(from)), await factory.HolderOfAsync(Post.OnUnit(to)));
        await IssuedAsync(await oldSecretary.PostAsJsonAsync("/member-accounts", new { memberIds = new[] { member } }));

        await factory.DeliverAsync(new MemberTransferred
        {
            Member = MemberFixtures.Snapshot(member, "Lăng Thị Hoa", to, 2), TransferId = Guid.NewGuid(), FromUnitId = from,
            EffectiveOn = new DateOnly(2026, 7, 1), OccurredAt = DateTimeOffset.UtcNow,
        });

        await (await oldSecretary.PostAsJsonAsync("/member-accounts", new { memberIds = new[] { member } })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var reissued = await IssuedAsync(await newSecretary.PostAsJsonAsync("/member-accounts", new { memberIds = new[] { member } }));
        Assert.Equal("hoa.lt", reissued.Accounts.Single().UserName);
        var listed = await newSecretary.GetFromJsonAsync<JsonElement>($"/member-accounts?unitId={to}");
        Assert.Equal(member, listed.EnumerateArray().Single().GetProperty("memberId").GetGuid());
    }

    [Fact]
    public async Task Issuing_again_replaces_the_unused_code()
    {
        var unit = await factory.KnownUnitAsync();
        var member = await factory.KnownMemberAsync(unit, "Triệu Văn Kiên");
        var office = await OfficeAsync();
        var first = (await IssuedAsync(await office.PostAsJsonAsync("/member-accounts", new { memberIds = new[] { member } }))).Accounts.Single();
        var second = (await IssuedAsync(await office.PostAsJsonAsync("/member-accounts", new { memberIds = new[] { member } }))).Accounts.Single();

        Assert.Equal(first.UserName, second.UserName);
        Assert.NotEqual(first.Code, second.Code);
        var browser = factory.Browser();
        var page = await browser.GetStringAsync("/account/signin");
        var old = await new SignInFlow(browser).PostSignInAsync(page, first.UserName, first.Code);
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        var current = await new SignInFlow(browser).PostSignInAsync(page, second.UserName, second.Code);
        Assert.Contains("Chọn mật khẩu", await current.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_member_signs_in_the_first_time_with_the_code_chooses_a_password_and_from_then_signs_in_with_it()
    {
        var unit = await factory.KnownUnitAsync();
        var member = await factory.KnownMemberAsync(unit, "Đinh Thị Lan");
        var office = await OfficeAsync();
        var issued = (await IssuedAsync(await office.PostAsJsonAsync("/member-accounts", new { memberIds = new[] { member } }))).Accounts.Single();
        Assert.Equal("lan.dt", issued.UserName);

        var tokens = await FirstSignInAsync(issued.UserName, issued.Code.ToLowerInvariant(), "hoalan2026tn");

        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        Assert.Equal($"member@member:{member}", new JsonWebToken(tokens.AccessToken).GetClaim(Post.ClaimType).Value);
        var again = await factory.Flow().SignInAsync(issued.UserName, "hoalan2026tn");
        Assert.Equal(HttpStatusCode.OK, again.Status);
        var browser = factory.Browser();
        var used = await new SignInFlow(browser).PostSignInAsync(await browser.GetStringAsync("/account/signin"), issued.UserName, issued.Code);
        Assert.Equal(HttpStatusCode.Unauthorized, used.StatusCode);
        Assert.Contains("Mã một lần này đã được dùng", await used.Content.ReadAsStringAsync());
        var listed = await office.GetFromJsonAsync<JsonElement>($"/member-accounts?unitId={unit}");
        Assert.Equal("active", listed.EnumerateArray().Single().GetProperty("account").GetString());
        var reissue = await office.PostAsJsonAsync("/member-accounts", new { memberIds = new[] { member } });
        Assert.NotEmpty((await reissue.ShouldBeProblemAsync(HttpStatusCode.Conflict)).FieldErrors("memberIds[0]"));
        Assert.Equal(1, await factory.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM audit_entries WHERE entity_type = 'SignIn' AND entity_id = '{issued.UserName}' AND action = 'SignedIn' AND after::text LIKE '%firstSignIn%'"));
    }

    [Fact]
    public async Task The_printable_page_has_one_slip_per_member_with_the_name_user_name_code_last_day_and_where_to_sign_in()
    {
        var unit = await factory.KnownUnitAsync();
        await factory.KnownMemberAsync(unit, "Vy Văn Thắng");
        await factory.KnownMemberAsync(unit, "Mông Thị Hạnh");
        var secretary = await factory.HolderOfAsync(Post.OnUnit(unit));

        var response = await secretary.PostAsJsonAsync("/member-accounts/print", new { unitId = unit });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(html, "<section class=\"slip\">").Count);
        Assert.Contains("Vy Văn Thắng", html);
        Assert.Contains("thang.vv", html);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(html, "class=\"code\">[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}<").Count);
        Assert.Contains(DoanKhoi.Text.VietnamTime.Today(TimeProvider.System).AddDays(7).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), html);
        Assert.Contains(IdentityApiFactory.Issuer.TrimEnd('/') + "/account/signin", html);
        // The codes printed are the ones that work.
        var code = System.Text.RegularExpressions.Regex.Match(html, "class=\"user\">(?<u>[^<]+)</dd>\\s*<dt>Mã một lần</dt><dd class=\"code\">(?<c>[^<]+)<");
        var browser = factory.Browser();
        var choose = await new SignInFlow(browser).PostSignInAsync(await browser.GetStringAsync("/account/signin"), code.Groups["u"].Value, code.Groups["c"].Value);
        Assert.Contains("Chọn mật khẩu", await choose.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_request_that_names_neither_members_nor_a_unit_or_too_many_is_refused_naming_the_field()
    {
        var office = await OfficeAsync();

        var neither = await office.PostAsJsonAsync("/member-accounts", new { });
        var empty = await office.PostAsJsonAsync("/member-accounts", new { memberIds = Array.Empty<Guid>() });
        var many = await office.PostAsJsonAsync("/member-accounts", new { memberIds = Enumerable.Range(0, MemberAccountsApi.MaxPerRequest + 1).Select(_ => Guid.NewGuid()) });

        Assert.NotEmpty((await neither.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("body"));
        Assert.NotEmpty((await empty.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("memberIds"));
        Assert.NotEmpty((await many.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("memberIds"));
    }

    /// <summary>The front-end's authorization request, with the one-time code typed as the password and a
    /// password chosen on the page that follows; a weak one and a mismatch first.</summary>
    private async Task<TokenResponse> FirstSignInAsync(string userName, string code, string password)
    {
        var browser = factory.Browser();
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var authorize = $"/connect/authorize?client_id={SignInFlow.CliClient}&response_type=code&redirect_uri={Uri.EscapeDataString(SignInFlow.CliRedirectUri)}" +
                        $"&scope={Uri.EscapeDataString(SignInFlow.PersonScopes)}&code_challenge={challenge}&code_challenge_method=S256&state=s1";
        var toSignIn = (await browser.GetAsync(authorize)).Headers.Location!;
        var signInPage = await browser.GetStringAsync(toSignIn);
        Assert.Contains("mã một lần", signInPage);

        var choose = await browser.PostFormAsync(signInPage, new() { ["userName"] = userName, ["password"] = code });
        Assert.Equal(HttpStatusCode.OK, choose.StatusCode);
        var page = await choose.Content.ReadAsStringAsync();
        Assert.Contains("Chọn mật khẩu", page);

        var weak = await browser.PostFormAsync(page, new() { ["password"] = "short1", ["confirmPassword"] = "short1" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        page = await weak.Content.ReadAsStringAsync();
        Assert.Contains("ít nhất 10 ký tự", page);
        var mismatch = await browser.PostFormAsync(page, new() { ["password"] = password, ["confirmPassword"] = password + "x" });
        page = await mismatch.Content.ReadAsStringAsync();
        Assert.Contains("không khớp", page);

        var done = await browser.PostFormAsync(page, new() { ["password"] = password, ["confirmPassword"] = password });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var withCode = (await browser.GetAsync(done.Headers.Location)).Headers.Location!;
        var query = System.Web.HttpUtility.ParseQueryString(withCode.Query);
        return await new SignInFlow(browser).TokenAsync(new()
        {
            ["grant_type"] = "authorization_code", ["code"] = query["code"]!, ["redirect_uri"] = SignInFlow.CliRedirectUri,
            ["client_id"] = SignInFlow.CliClient, ["code_verifier"] = verifier,
        });
    }
}
