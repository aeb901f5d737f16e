using System.Text.Encodings.Web;
using System.Text.Unicode;
using DoanKhoi.Identity.Domain;
using DoanKhoi.Identity.Extensions;
using DoanKhoi.Identity.Infrastructure;
using DoanKhoi.Messaging.Audit;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace DoanKhoi.Identity.Apis;

/// <summary>The sign-in page (Đăng nhập): a plain form, in Vietnamese, that works without JavaScript.
/// Every sign-in, failed sign-in and lockout is written to the audit trail. A member who got a one-time
/// code types it as the password and is asked to choose one (<see cref="FirstSignInPage"/>).</summary>
public static class SignInPage
{
    /// <summary>Escapes markup but leaves Vietnamese letters as they are.</summary>
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static IEndpointRouteBuilder MapSignInPage(this IEndpointRouteBuilder app)
    {
        var page = app.MapGroup("/account").WithTags("Sign-in").AllowAnonymous().ExcludeFromDescription();
        page.MapGet("/signin", Show);
        page.MapPost("/signin", SignIn);
        page.MapPost("/first-signin", FirstSignInPage.ChoosePasswordAsync);
        return app;
    }

    private static IResult Show(HttpContext http, IAntiforgery antiforgery, [FromQuery(Name = "ReturnUrl")] string? returnUrl) =>
        Page(http, antiforgery, returnUrl, userName: null, error: null, StatusCodes.Status200OK);

    /// <summary>The sign-in page again, with what went wrong (401).</summary>
    internal static IResult Refused(HttpContext http, IAntiforgery antiforgery, string? returnUrl, string? userName, string error) =>
        Page(http, antiforgery, returnUrl, userName, error, StatusCodes.Status401Unauthorized);

    private static async Task<IResult> SignIn(
        HttpContext http, [FromForm] SignInForm form, SignInManager<Account> signIn, AccountsDbContext db,
        IAntiforgery antiforgery, IPasswordHasher<Account> hasher, TimeProvider clock)
    {
        var userName = form.UserName?.Trim().ToLowerInvariant() ?? "";
        var result = userName.Length == 0 || string.IsNullOrEmpty(form.Password) || form.Password.Length > Account.PasswordMaxLength
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(userName, form.Password, isPersistent: false, lockoutOnFailure: true);

        // A member's first sign-in: the one-time code typed where the password goes.
        var code = result is { Succeeded: false, IsLockedOut: false }
            ? await FirstSignInPage.CheckCodeAsync(db, hasher, userName, form.Password, clock.GetUtcNow(), http.RequestAborted)
            : null;
        if (code is { Outcome: CodeOutcome.Valid })
            return FirstSignInPage.ChoosePassword(http, antiforgery, code.Account!, form.Password!, form.ReturnUrl, error: null, StatusCodes.Status200OK);

        var address = http.Connection.RemoteIpAddress?.ToString();
        var (action, actor) = result switch
        {
            { Succeeded: true } => (AuditAction.SignedIn, userName),
            { IsLockedOut: true } => (AuditAction.LockedOut, AuditActor.Anonymous),
            _ => (AuditAction.SignInFailed, AuditActor.Anonymous),
        };
        object details = code is null ? new { address } : new { address, oneTimeCode = code.Outcome.ToString() };
        db.Set<AuditEntry>().Add(SecurityEntry.Create(actor, "SignIn", userName, action, details, clock.GetUtcNow()));
        await db.SaveChangesAsync();

        if (result.Succeeded) return SignedIn(form.ReturnUrl);
        var error = result.IsLockedOut ? LockedOutMessage : code?.Message ?? "Tên đăng nhập hoặc mật khẩu không đúng.";
        return Page(http, antiforgery, form.ReturnUrl, userName, error, StatusCodes.Status401Unauthorized);
    }

    internal const string LockedOutMessage = "Tài khoản tạm bị khóa vì đăng nhập sai nhiều lần. Hãy thử lại sau 15 phút.";

    /// <summary>Back where the person came from (the authorization request), or a page that says they are in.</summary>
    internal static IResult SignedIn(string? returnUrl) => IsLocal(returnUrl)
        ? Results.LocalRedirect(returnUrl!)
        : Results.Content("<!doctype html><html lang=\"vi\"><meta charset=\"utf-8\"><title>DoanKhoi</title><p>Bạn đã đăng nhập.</p></html>", "text/html; charset=utf-8");

    /// <summary>Only a path of this site: never an open redirect to somebody else's.</summary>
    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    internal static string Encode(string? s) => Html.Encode(s ?? "");

    /// <summary>A page of the sign-in pages' look around <paramref name="form"/>.</summary>
    internal static IResult Layout(string title, string form, int status)
    {
        var html = $$"""
            <!doctype html>
            <html lang="vi">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>{{Encode(title)}} - DoanKhoi</title>
              <style>
                body { font-family: system-ui, sans-serif; background: #f3f6fb; display: grid; place-items: center; min-height: 100vh; margin: 0; }
                form { background: #fff; padding: 2rem; border-radius: 8px; box-shadow: 0 2px 12px #0002; width: min(22rem, 90vw); }
                h1 { font-size: 1.3rem; margin-top: 0; color: #0b3d91; }
                label { display: block; margin-top: 1rem; }
                input { width: 100%; box-sizing: border-box; padding: .5rem; margin-top: .25rem; font-size: 1rem; }
                button { margin-top: 1.5rem; width: 100%; padding: .6rem; font-size: 1rem; background: #0b3d91; color: #fff; border: 0; border-radius: 4px; }
                .hint { color: #444; font-size: .85rem; margin-top: 1rem; }
                .error { color: #b00020; margin-top: 1rem; }
              </style>
            </head>
            <body>
            {{form}}
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }

    internal static string Error(string? error) => error is null ? "" : $"<p class=\"error\" role=\"alert\">{Encode(error)}</p>";

    private static IResult Page(HttpContext http, IAntiforgery antiforgery, string? returnUrl, string? userName, string? error, int status)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        string E(string? s) => Encode(s);
        return Layout("Đăng nhập", $$"""
              <form method="post" action="{{E(http.Request.PathBase + IdentityServices.SignInPath)}}">
                <h1>Đăng nhập DoanKhoi</h1>
                <input type="hidden" name="{{E(tokens.FormFieldName)}}" value="{{E(tokens.RequestToken)}}">
                <input type="hidden" name="returnUrl" value="{{E(returnUrl)}}">
                <label>Tên đăng nhập <input name="userName" autocomplete="username" required autofocus value="{{E(userName)}}"></label>
                <label>Mật khẩu <input name="password" type="password" autocomplete="current-password" required></label>
                {{Error(error)}}
                <button type="submit">Đăng nhập</button>
                <p class="hint">Đăng nhập lần đầu? Nhập tên đăng nhập và mã một lần trên phiếu Bí thư đã đưa vào ô mật khẩu, rồi chọn mật khẩu của mình.</p>
              </form>
            """, status);
    }
}

public sealed record SignInForm(string? UserName, string? Password, string? ReturnUrl);
