using System.Globalization;
using DoanKhoi.Identity.Domain;
using DoanKhoi.Identity.Extensions;
using DoanKhoi.Identity.Infrastructure;
using DoanKhoi.Messaging.Audit;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Identity.Apis;

public enum CodeOutcome { Valid, Used, Expired }

/// <summary>What a typed one-time code turned out to be, with the Vietnamese message for the person.</summary>
public sealed record CodeCheck(CodeOutcome Outcome, Account? Account, string? Message);

/// <summary>A member's first sign-in (Đăng nhập lần đầu): they typed the one-time code from their slip on
/// the sign-in page and now choose their password (the same rules as every password). The code works once:
/// claiming it and setting the password commit together, and a wrong code counts towards the lockout like
/// a wrong password.</summary>
public static class FirstSignInPage
{
    private const string Wrong = "Tên đăng nhập hoặc mã một lần không đúng.";
    private const string PasswordRules = "Mật khẩu cần ít nhất 10 ký tự, có ít nhất một chữ thường và một chữ số.";

    /// <summary>Whether <paramref name="typed"/> is the account's one-time code; null when it is not (or
    /// there is no such account or code), so the sign-in answers as for a wrong password.</summary>
    public static async Task<CodeCheck?> CheckCodeAsync(AccountsDbContext db, IPasswordHasher<Account> hasher, string userName, string? typed,
        DateTimeOffset now, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(typed) || typed.Length > MemberCode.MaxInputLength || userName.Length == 0) return null;
        var normalized = userName.ToUpperInvariant();
        var found = await (from a in db.Users
                           join c in db.MemberCodes on a.Id equals c.AccountId
                           where a.NormalizedUserName == normalized
                           select new { Account = a, Code = c }).FirstOrDefaultAsync(ct);
        if (found is null || hasher.VerifyHashedPassword(found.Account, found.Code.CodeHash, MemberCode.Normalize(typed)) == PasswordVerificationResult.Failed)
            return null;
        if (found.Code.UsedAt is not null)
            return new(CodeOutcome.Used, found.Account, "Mã một lần này đã được dùng. Hãy đăng nhập bằng mật khẩu bạn đã chọn; quên mật khẩu thì nhờ Bí thư cấp mã mới.");
        if (now >= found.Code.ExpiresAt)
            return new(CodeOutcome.Expired, found.Account,
                $"Mã một lần này đã hết hạn (dùng được đến hết ngày {DoanKhoi.Text.VietnamTime.DateOf(found.Code.ExpiresAt.AddTicks(-1)).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}). Hãy nhờ Bí thư cơ sở Đoàn cấp mã mới.");
        return new(CodeOutcome.Valid, found.Account, null);
    }

    /// <summary>The page where the member chooses their password; the code travels in the form, as typed.</summary>
    public static IResult ChoosePassword(HttpContext http, IAntiforgery antiforgery, Account account, string code, string? returnUrl, string? error, int status)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        static string E(string? s) => SignInPage.Encode(s);
        return SignInPage.Layout("Chọn mật khẩu", $$"""
              <form method="post" action="{{E(http.Request.PathBase + IdentityServices.FirstSignInPath)}}">
                <h1>Chọn mật khẩu</h1>
                <input type="hidden" name="{{E(tokens.FormFieldName)}}" value="{{E(tokens.RequestToken)}}">
                <input type="hidden" name="returnUrl" value="{{E(returnUrl)}}">
                <input type="hidden" name="userName" value="{{E(account.UserName)}}">
                <input type="hidden" name="code" value="{{E(code)}}">
                <p>Chào {{E(account.DisplayName)}}. Đây là lần đăng nhập đầu tiên của tài khoản <strong>{{E(account.UserName)}}</strong>: hãy chọn mật khẩu để từ nay đăng nhập.</p>
                <label>Mật khẩu mới <input name="password" type="password" autocomplete="new-password" required autofocus></label>
                <label>Nhập lại mật khẩu mới <input name="confirmPassword" type="password" autocomplete="new-password" required></label>
                <p class="hint">{{E(PasswordRules)}}</p>
                {{SignInPage.Error(error)}}
                <button type="submit">Lưu mật khẩu và đăng nhập</button>
              </form>
            """, status);
    }

    public static async Task<IResult> ChoosePasswordAsync(
        HttpContext http, [FromForm] FirstSignInForm form, UserManager<Account> users, SignInManager<Account> signIn, AccountsDbContext db,
        IAntiforgery antiforgery, IPasswordHasher<Account> hasher, TimeProvider clock)
    {
        var ct = http.RequestAborted;
        var userName = form.UserName?.Trim().ToLowerInvariant() ?? "";
        var now = clock.GetUtcNow();
        var address = http.Connection.RemoteIpAddress?.ToString();
        var account = userName.Length == 0 ? null : await users.FindByNameAsync(userName);
        if (account is not null && await users.IsLockedOutAsync(account))
            return await RefusedAsync(AuditAction.LockedOut, SignInPage.LockedOutMessage, null);

        var check = account is null ? null : await CheckCodeAsync(db, hasher, userName, form.Code, now, ct);
        if (check is null)
        {
            if (account is not null) await users.AccessFailedAsync(account);
            return await RefusedAsync(AuditAction.SignInFailed, Wrong, null);
        }
        if (check.Outcome != CodeOutcome.Valid) return await RefusedAsync(AuditAction.SignInFailed, check.Message!, check.Outcome);

        string? problem = null;
        if (string.IsNullOrEmpty(form.Password) || form.Password.Length > Account.PasswordMaxLength) problem = PasswordRules;
        else if (form.Password != form.ConfirmPassword) problem = "Hai lần nhập mật khẩu không khớp nhau.";
        else
        {
            foreach (var validator in users.PasswordValidators)
                if (!(await validator.ValidateAsync(users, account!, form.Password)).Succeeded) problem = PasswordRules;
        }
        if (problem is not null) return ChoosePassword(http, antiforgery, account!, form.Code!, form.ReturnUrl, problem, StatusCodes.Status400BadRequest);

        // The code works once: it is claimed in the same transaction that sets the password.
        var claimed = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var rows = await db.MemberCodes.Where(c => c.AccountId == account!.Id && c.UsedAt == null && c.ExpiresAt > now)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now), ct);
            if (rows == 0) return false;
            var set = await users.AddPasswordAsync(account!, form.Password!);
            if (!set.Succeeded) return false;
            await users.ResetAccessFailedCountAsync(account!);
            db.Set<AuditEntry>().Add(SecurityEntry.Create(userName, "SignIn", userName, AuditAction.SignedIn, new { address, firstSignIn = true }, now));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        });
        if (!claimed) return await RefusedAsync(AuditAction.SignInFailed, "Mã một lần này đã được dùng. Hãy đăng nhập bằng mật khẩu bạn đã chọn.", CodeOutcome.Used);

        await signIn.SignInAsync(account!, isPersistent: false);
        return SignInPage.SignedIn(form.ReturnUrl);

        async Task<IResult> RefusedAsync(AuditAction action, string message, CodeOutcome? outcome)
        {
            db.ChangeTracker.Clear();
            db.Set<AuditEntry>().Add(SecurityEntry.Create(AuditActor.Anonymous, "SignIn", userName, action,
                new { address, firstSignIn = true, oneTimeCode = outcome?.ToString() }, now));
            await db.SaveChangesAsync(ct);
            return SignInPage.Refused(http, antiforgery, form.ReturnUrl, userName, message);
        }
    }
}

public sealed record FirstSignInForm(string? UserName, string? Code, string? Password, string? ConfirmPassword, string? ReturnUrl);
