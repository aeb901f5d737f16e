using System.Net;
using System.Net.Http.Json;
using DoanKhoi.Security;
using DoanKhoi.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DoanKhoi.Identity.Tests;

public class SignInTests(IdentityApiFactory factory) : IClassFixture<IdentityApiFactory>
{
    private async Task<TokenValidationResult> ValidateAsync(string token)
    {
        var keys = new JsonWebKeySet(await factory.Browser().GetStringAsync("/.well-known/jwks"));
        return await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = IdentityApiFactory.Issuer,
            ValidAudience = Scopes.Audience,
            IssuerSigningKeys = keys.GetSigningKeys(),
        });
    }

    [Fact]
    public async Task The_first_bloc_office_account_signs_in_with_the_operator_s_password_and_gets_a_short_lived_signed_token_with_its_post()
    {
        var tokens = await factory.Flow().SignInAsync(IdentityApiFactory.BlocOffice, IdentityApiFactory.Password);

        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        var validation = await ValidateAsync(tokens.AccessToken!);
        Assert.True(validation.IsValid, validation.Exception?.Message);
        var jwt = new JsonWebToken(tokens.AccessToken);
        Assert.Equal("bloc-office@bloc", jwt.GetClaim(Post.ClaimType).Value);
        Assert.Equal("vanphong", jwt.GetClaim("preferred_username").Value);
        Assert.Contains(Scopes.Write, jwt.GetClaim("scope").Value.Split(' '));
        Assert.InRange((jwt.ValidTo - jwt.IssuedAt).TotalMinutes, 1, 10);
        Assert.NotNull(tokens.RefreshToken);
    }

    [Fact]
    public async Task The_demo_accounts_each_hold_the_post_of_their_role_on_the_demo_organisation()
    {
        var tokens = await factory.Flow().SignInAsync("cumtruong", IdentityApiFactory.Password);

        var post = new JsonWebToken(tokens.AccessToken).GetClaim(Post.ClaimType).Value;
        Assert.Equal(Post.OnCluster(DemoIds.Of(DemoIds.FirstClusterCode)).ToString(), post);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_recorded_and_five_in_a_row_lock_the_account()
    {
        var browser = factory.Browser();
        var flow = new SignInFlow(browser);
        var page = await (await browser.GetAsync("/account/signin")).Content.ReadAsStringAsync();

        var wrong = await flow.PostSignInAsync(page, "kiemtra", "not-the-password-1");

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", await wrong.Content.ReadAsStringAsync());
        for (var i = 0; i < 4; i++) await flow.PostSignInAsync(page, "kiemtra", "not-the-password-1");
        var right = await flow.PostSignInAsync(page, "kiemtra", IdentityApiFactory.Password);
        Assert.Contains("Tài khoản tạm bị khóa", await right.Content.ReadAsStringAsync());
        var recorded = await factory.Database.ColumnAsync<string>(
            "SELECT action FROM audit_entries WHERE entity_type = 'SignIn' AND entity_id = 'kiemtra' ORDER BY id");
        Assert.Equal(Enumerable.Repeat("SignInFailed", 4).Append("LockedOut").Append("LockedOut"), recorded);
    }

    [Fact]
    public async Task A_sign_in_is_recorded_under_the_account()
    {
        await factory.Flow().SignInAsync("thuongvu", IdentityApiFactory.Password);

        Assert.Equal(["thuongvu"], await factory.Database.ColumnAsync<string>(
            "SELECT actor FROM audit_entries WHERE entity_type = 'SignIn' AND action = 'SignedIn' AND entity_id = 'thuongvu'"));
    }

    [Fact]
    public async Task A_request_the_gateway_refused_joins_the_sign_ins_on_the_audit_trail()
    {
        _ = factory.Server;
        var path = $"/api/membership/units/{Guid.NewGuid()}";

        await factory.DeliverAsync(new DoanKhoi.Contracts.Gateway.RequestRefused
        {
            Method = "GET", Path = path, Status = 401, Reason = "The access token has expired.", Caller = "anonymous",
            ClientAddress = "10.0.0.7", OccurredAt = DateTimeOffset.UtcNow,
        });

        var office = await factory.SignedInAsync(IdentityApiFactory.BlocOffice);
        var audit = await office.GetFromJsonAsync<System.Text.Json.JsonElement>($"/audit?action=refused&entityId=GET%20{Uri.EscapeDataString(path)}");
        var entry = audit.GetProperty("items").EnumerateArray().Single();
        Assert.Equal(("anonymous", 401, "10.0.0.7"), (entry.GetProperty("actor").GetString(),
            entry.GetProperty("after").GetProperty("status").GetInt32(), entry.GetProperty("after").GetProperty("address").GetString()));
    }

    [Fact]
    public async Task The_sign_in_page_never_sends_the_browser_to_another_site()
    {
        var browser = factory.Browser();
        var page = await (await browser.GetAsync("/account/signin?ReturnUrl=https%3A%2F%2Fevil.example%2F")).Content.ReadAsStringAsync();

        var response = await new SignInFlow(browser).PostSignInAsync(page, "bithu", IdentityApiFactory.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task A_refresh_token_gives_a_new_access_token_until_it_is_revoked()
    {
        var flow = factory.Flow();
        var first = await flow.SignInAsync("bithu", IdentityApiFactory.Password);

        var refreshed = await flow.RefreshAsync(first.RefreshToken!);
        Assert.Equal(HttpStatusCode.OK, refreshed.Status);
        Assert.True((await ValidateAsync(refreshed.AccessToken!)).IsValid);

        Assert.Equal(HttpStatusCode.OK, (await flow.RevokeAsync(refreshed.RefreshToken!)).StatusCode);
        var afterRevocation = await flow.RefreshAsync(refreshed.RefreshToken!);
        Assert.Equal(HttpStatusCode.BadRequest, afterRevocation.Status);
        Assert.Equal("invalid_grant", afterRevocation.Error);
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_the_person_s_renewals_and_sign_ins_on_every_device()
    {
        var office = await factory.SignedInAsync(IdentityApiFactory.BlocOffice);
        var created = await office.PostAsJsonAsync("/accounts", new { userName = "mat.dien.thoai", displayName = "Mất Điện Thoại", password = "dienthoai2026", posts = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var (phone, laptop) = (factory.Browser(), factory.Browser());
        var onPhone = await new SignInFlow(phone).SignInAsync("mat.dien.thoai", "dienthoai2026");
        var onLaptop = await new SignInFlow(laptop).SignInAsync("mat.dien.thoai", "dienthoai2026");
        // The phone's browser is still signed in to the sign-in page: asking again gives a code without the form.
        Assert.Contains("code=", (await AuthorizeAsync(phone)).OriginalString);

        var done = await factory.CreateClient().As(onLaptop.AccessToken!).PostAsync("/me/sign-out-everywhere", null);

        Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);
        var renewal = await new SignInFlow(phone).RefreshAsync(onPhone.RefreshToken!);
        Assert.Equal("invalid_grant", renewal.Error);
        Assert.Equal("invalid_grant", (await new SignInFlow(laptop).RefreshAsync(onLaptop.RefreshToken!)).Error);
        Assert.Contains("/account/signin", (await AuthorizeAsync(phone)).OriginalString);
        // Signing in again works as before.
        Assert.Equal(HttpStatusCode.OK, (await new SignInFlow(factory.Browser()).SignInAsync("mat.dien.thoai", "dienthoai2026")).Status);
    }

    /// <summary>Where the authorization endpoint sends <paramref name="browser"/> for the command-line client's code.</summary>
    private static async Task<Uri> AuthorizeAsync(HttpClient browser)
    {
        var response = await browser.GetAsync($"/connect/authorize?client_id={SignInFlow.CliClient}&response_type=code&redirect_uri={Uri.EscapeDataString(SignInFlow.CliRedirectUri)}" +
            "&scope=openid&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256&state=s2");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!;
    }

    [Fact]
    public async Task A_system_gets_a_token_with_its_own_credentials_and_only_the_scopes_it_was_given()
    {
        var flow = factory.Flow();

        var read = await flow.ClientCredentialsAsync(IdentityApiFactory.SystemClient, IdentityApiFactory.SystemSecret, Scopes.Read);
        var write = await flow.ClientCredentialsAsync(IdentityApiFactory.SystemClient, IdentityApiFactory.SystemSecret, Scopes.Write);
        var wrongSecret = await flow.ClientCredentialsAsync(IdentityApiFactory.SystemClient, "guess", Scopes.Read);

        Assert.Equal(HttpStatusCode.OK, read.Status);
        var jwt = new JsonWebToken(read.AccessToken);
        Assert.Equal((IdentityApiFactory.SystemClient, "bloc-office@bloc"), (jwt.Subject, jwt.GetClaim(Post.ClaimType).Value));
        Assert.Null(read.RefreshToken);
        Assert.Equal("invalid_request", write.Error);
        Assert.Contains("scope", write.ErrorDescription);
        Assert.Equal("invalid_client", wrongSecret.Error);
    }

    [Fact]
    public async Task The_signing_key_is_generated_once_and_kept_across_restarts()
    {
        var kid = new JsonWebKeySet(await factory.Browser().GetStringAsync("/.well-known/jwks")).Keys.Single().Kid;

        await using var restarted = IdentityApiFactory.Start(factory.Database.ConnectionString);
        var again = new JsonWebKeySet(await restarted.CreateClient().GetStringAsync("/.well-known/jwks")).Keys.Single().Kid;

        Assert.Equal(kid, again);
        Assert.Equal(2, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM server_keys"));
    }
}

/// <summary>A database with no account yet.</summary>
public class FirstStartTests
{
    [Fact]
    public async Task Without_accounts_and_without_the_operator_s_password_the_service_does_not_start_and_says_why()
    {
        var database = new PostgresDatabase();
        await using var _ = database;
        await using var factory = IdentityApiFactory.Start(database.ConnectionString);

        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.Contains("Identity:BlocOffice:Password", error.Message);
    }
}
