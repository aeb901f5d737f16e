using System.ComponentModel.DataAnnotations;
using DoanKhoi.Files;
using DoanKhoi.Identity.Domain;
using DoanKhoi.Identity.Infrastructure;
using DoanKhoi.OpenApi;
using DoanKhoi.Organisation;
using DoanKhoi.Problems;
using DoanKhoi.Security;
using DoanKhoi.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;

namespace DoanKhoi.Identity.Apis;

/// <summary>Accounts and the posts they hold, kept by the bloc office; everyone reads their own.</summary>
public static class AccountsApi
{
    /// <summary>The most accounts one search lists, the first by user name: narrow it with <c>q</c>.</summary>
    public const int MaxListed = 500;

    private const string Refused = "ASP.NET Core Identity refused the change (e.g. the account changed meanwhile): `errors` says why.";

    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/me", Me).WithTags("Accounts").RequireAuthorization(Policies.Read).WithSummary("The signed-in account and its posts")
            .WithProblem(StatusCodes.Status404NotFound, "The token's account no longer exists.");

        app.MapPost("/me/sign-out-everywhere", SignOutEverywhere).WithTags("Accounts").RequireAuthorization(Policies.Write)
            .WithSummary("Sign the signed-in person out on every device: their tokens are revoked and their sign-ins end")
            .WithDescription("For a lost phone or a shared computer left signed in. Every refresh token of the account stops working at once " +
                "(an application renewing with one is refused); the sign-in page's sessions on other browsers end at their next visit; " +
                "an access token already given lives out its few minutes. A system (client credentials) has no sign-ins: 403.")
            .WithProblem(StatusCodes.Status404NotFound, "The token's account no longer exists.");

        var accounts = app.MapGroup("/accounts").WithTags("Accounts").RequireAuthorization(Policies.BlocOffice);
        accounts.MapGet("/", List).WithSummary($"Accounts, by text in the user name or the display name (diacritics and case ignored): the first {MaxListed} by user name")
            .WithMaxItems(MaxListed);
        accounts.MapGet("/export", Export).WithSummary("Every account with its posts in words, as .xlsx or .csv, by user name")
            .Produces(StatusCodes.Status200OK, contentType: TableFile.XlsxContentType, additionalContentTypes: [TableFile.CsvContentType]);
        accounts.MapGet("/{id:guid}", Get).WithName(nameof(Get)).WithSummary("One account");
        accounts.MapPost("/", Create).RequireAuthorization(Policies.Write).WithSummary("Create an account with its posts")
            .WithProblem(StatusCodes.Status409Conflict, "The user name is taken: `errors` names `userName`; or another account holds the member post: `errors` names it (`posts[i]`).");
        accounts.MapPut("/{id:guid}/posts", SetPosts).RequireAuthorization(Policies.Write).WithSummary("Replace the posts of an account (from its next token on)")
            .WithProblem(StatusCodes.Status409Conflict, "Another account holds the member post: `errors` names it (`posts[i]`).");
        accounts.MapPost("/{id:guid}/lock", Lock).RequireAuthorization(Policies.Write).WithSummary("Lock an account and revoke its tokens")
            .WithProblem(StatusCodes.Status400BadRequest, Refused);
        accounts.MapPost("/{id:guid}/unlock", Unlock).RequireAuthorization(Policies.Write).WithSummary("Unlock an account")
            .WithProblem(StatusCodes.Status400BadRequest, Refused);
        return app;
    }

    public static async Task<Results<Ok<AccountResponse>, Ok<SystemResponse>>> Me(Caller caller, AccountsDbContext db, CancellationToken ct)
    {
        if (caller.IsSystem)
            return TypedResults.Ok(new SystemResponse(caller.ClientId!, caller.Name, caller.Posts.Select(p => p.ToString()).ToList()));
        var account = await LoadAsync(db, Guid.TryParse(caller.AccountId, out var id) ? id : Guid.Empty, ct);
        return TypedResults.Ok(AccountResponse.From(account));
    }

    public static async Task<Ok<List<AccountResponse>>> List(AccountsDbContext db, CancellationToken ct,
        [FromQuery, StringLength(DoanKhoi.Text.VietnameseText.MaxQueryLength)] string? q = null)
    {
        var errors = new FieldErrors();
        errors.CheckLength("q", q, DoanKhoi.Text.VietnameseText.MaxQueryLength);
        errors.ThrowIfAny();
        var query = db.Users.AsNoTracking().Include(a => a.Posts).AsQueryable();
        foreach (var pattern in DoanKhoi.Text.VietnameseText.ContainsPatterns(q))
        {
            var userNamePattern = pattern.ToUpperInvariant();
            query = query.Where(a => EF.Functions.Like(a.DisplayNameFolded, pattern) || EF.Functions.Like(a.NormalizedUserName!, userNamePattern));
        }
        var accounts = await query.OrderBy(a => a.UserName).Take(MaxListed).ToListAsync(ct);
        return TypedResults.Ok(accounts.Select(AccountResponse.From).ToList());
    }

    private static readonly string[] ExportHeaders = ["Tên đăng nhập", "Họ và tên", "Email", "Chức vụ", "Bị khóa"];

    public static async Task<FileContentHttpResult> Export(AccountsDbContext db, TimeProvider clock, CancellationToken ct,
        [FromQuery, AllowedValues("xlsx", "csv")] string? format = "xlsx")
    {
        TableFile.CheckFormat(format);
        var accounts = await db.Users.AsNoTracking().Include(a => a.Posts).OrderBy(a => a.UserName).ToListAsync(ct);
        var places = await db.NodeNamesAsync(ct);
        var memberIds = accounts.SelectMany(a => a.Posts).Select(p => p.ToPost()).Where(p => p.Node == NodeKind.Member).Select(p => p.NodeId!.Value).ToList();
        var members = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.FullName, ct);
        var now = clock.GetUtcNow();
        var rows = accounts.Select(a => new object?[]
        {
            a.UserName, TableFile.Neutralise(a.DisplayName), TableFile.Neutralise(a.Email),
            TableFile.Neutralise(string.Join("; ", a.Posts.Select(p => Describe(p.ToPost())).Order(StringComparer.Ordinal))),
            a.LockoutEnd > now ? "x" : null,
        });
        return TableFile.Result(format, ExportHeaders, rows, "Tài khoản", $"tai-khoan-{VietnamTime.Today(clock):yyyy-MM-dd}");

        string Describe(Post post)
        {
            var place = post.NodeId is not { } id ? null
                : post.Node == NodeKind.Member ? members.GetValueOrDefault(id)
                : places.GetValueOrDefault(id);
            return post.Node == NodeKind.Bloc ? post.Role.VietnameseName() : $"{post.Role.VietnameseName()} — {place ?? post.NodeId.ToString()}";
        }
    }

    public static async Task<Ok<AccountResponse>> Get(Guid id, AccountsDbContext db, CancellationToken ct) =>
        TypedResults.Ok(AccountResponse.From(await LoadAsync(db, id, ct)));

    public static async Task<CreatedAtRoute<AccountResponse>> Create(CreateAccountRequest request, UserManager<Account> users, AccountsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var userName = request.UserName?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(userName)) errors.Add("userName", "A user name is required.");
        errors.CheckLength("userName", userName, Account.UserNameMaxLength);
        var displayName = request.DisplayName is null ? null : DoanKhoi.Text.VietnameseText.Clean(request.DisplayName);
        if (string.IsNullOrEmpty(displayName)) errors.Add("displayName", "A display name is required, e.g. 'Nguyễn Thị Hà'.");
        errors.CheckLength("displayName", displayName, Account.DisplayNameMaxLength);
        errors.CheckLength("email", request.Email, Account.EmailMaxLength);
        if (string.IsNullOrEmpty(request.Password)) errors.Add("password", "A first password is required.");
        errors.CheckLength("password", request.Password, Account.PasswordMaxLength);
        var posts = await ParsePostsAsync(db, request.Posts, errors, ct);
        errors.ThrowIfAny();
        if (await users.FindByNameAsync(userName!) is not null) throw new ConflictException($"The user name '{userName}' is taken.", "userName");

        var now = clock.GetUtcNow();
        var account = Account.Create(userName!, displayName!, request.Email, now);
        foreach (var post in posts) account.Posts.Add(PostAssignment.For(account, post, now));
        ThrowIfFailed(await users.CreateAsync(account, request.Password!));
        return TypedResults.CreatedAtRoute(AccountResponse.From(account), nameof(Get), new { id = account.Id });
    }

    public static async Task<Ok<AccountResponse>> SetPosts(Guid id, SetPostsRequest request, AccountsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var account = await LoadAsync(db, id, ct);
        var posts = await ParsePostsAsync(db, request.Posts, errors, ct, account.Id);
        errors.ThrowIfAny();
        db.PostAssignments.RemoveRange(account.Posts.Where(p => !posts.Contains(p.ToPost())));
        foreach (var post in posts.Where(p => !account.CurrentPosts.Contains(p)))
            db.PostAssignments.Add(PostAssignment.For(account, post, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(AccountResponse.From(await LoadAsync(db, id, ct)));
    }

    public static async Task<NoContent> SignOutEverywhere(Caller caller, AccountsDbContext db, UserManager<Account> users, IOpenIddictTokenManager tokens, CancellationToken ct)
    {
        if (caller.IsSystem) throw new ForbiddenException("A system signs in with its client credentials, not on devices: there is nothing to sign out.");
        var account = await LoadAsync(db, Guid.TryParse(caller.AccountId, out var id) ? id : Guid.Empty, ct);
        // A new security stamp ends the sign-in page's cookie in every browser (checked on each visit).
        ThrowIfFailed(await users.UpdateSecurityStampAsync(account));
        await tokens.RevokeBySubjectAsync(account.Id.ToString(), ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<AccountResponse>> Lock(Guid id, AccountsDbContext db, UserManager<Account> users, IOpenIddictTokenManager tokens, CancellationToken ct)
    {
        var account = await LoadAsync(db, id, ct);
        ThrowIfFailed(await users.SetLockoutEnabledAsync(account, true));
        ThrowIfFailed(await users.SetLockoutEndDateAsync(account, DateTimeOffset.MaxValue));
        await tokens.RevokeBySubjectAsync(account.Id.ToString(), ct);
        return TypedResults.Ok(AccountResponse.From(account));
    }

    public static async Task<Ok<AccountResponse>> Unlock(Guid id, AccountsDbContext db, UserManager<Account> users, CancellationToken ct)
    {
        var account = await LoadAsync(db, id, ct);
        ThrowIfFailed(await users.SetLockoutEndDateAsync(account, null));
        ThrowIfFailed(await users.ResetAccessFailedCountAsync(account));
        return TypedResults.Ok(AccountResponse.From(account));
    }

    private static async Task<Account> LoadAsync(AccountsDbContext db, Guid id, CancellationToken ct) =>
        await db.Users.Include(a => a.Posts).FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("account", id);

    /// <summary>Reads the posts and checks each against identity's copy of the organisation: a cluster, unit
    /// or branch that exists, a member who exists and is on the rolls (active or in transfer) and whose member
    /// post no other account holds (409). <paramref name="accountId"/> is the account being changed.</summary>
    private static async Task<List<Post>> ParsePostsAsync(AccountsDbContext db, IReadOnlyList<string>? texts, FieldErrors errors, CancellationToken ct, Guid? accountId = null)
    {
        var posts = new List<Post>();
        if (texts?.Count > Account.MaxPosts)
        {
            errors.Add("posts", $"An account holds at most {Account.MaxPosts} posts; {texts.Count} were sent.");
            return posts;
        }
        ConflictException? taken = null;
        for (var i = 0; i < (texts?.Count ?? 0); i++)
        {
            if (texts![i]?.Length > Post.MaxLength)
                errors.Add($"posts[{i}]", $"A post is at most {Post.MaxLength} characters long.");
            else if (Post.TryParse(texts[i], out var post))
            {
                var checkable = post.Node is NodeKind.Cluster or NodeKind.Unit or NodeKind.Branch;
                var member = post.Node == NodeKind.Member ? await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == post.NodeId, ct) : null;
                if (checkable && !await db.HasNodeAsync(post.Node, post.NodeId!.Value, ct))
                    errors.Add($"posts[{i}]", $"There is no {post.Node.ToString().ToLowerInvariant()} with id '{post.NodeId}' in the organisation (or membership has not told identity of it yet).");
                else if (post.Node == NodeKind.Member && member is null)
                    errors.Add($"posts[{i}]", $"There is no member with id '{post.NodeId}' (or membership has not told identity of them yet).");
                else if (member?.WhyNoPost() is { } why)
                    errors.Add($"posts[{i}]", why);
                else
                {
                    if (member is not null && await db.PostAssignments.AnyAsync(
                            p => p.Role == Role.Member && p.Node == NodeKind.Member && p.NodeId == member.Id && p.AccountId != accountId, ct))
                        taken ??= new ConflictException($"Another account already holds the post '{post}': a member has one account.", $"posts[{i}]");
                    posts.Add(post);
                }
            }
            else errors.Add($"posts[{i}]", $"'{texts[i]}' is not a post: write role@node, e.g. 'bloc-office@bloc', 'cluster-lead@cluster:<id>', 'unit-secretary@unit:<id>', 'unit-secretary@branch:<id>' or 'member@member:<id>'.");
        }
        if (!errors.Any && taken is not null) throw taken;
        return posts.Distinct().ToList();
    }

    /// <summary>ASP.NET Core Identity's refusals (a weak password, a bad user name) as field errors.</summary>
    private static void ThrowIfFailed(IdentityResult result)
    {
        if (result.Succeeded) return;
        var errors = new FieldErrors();
        foreach (var e in result.Errors)
            errors.Add(e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : e.Code.Contains("UserName", StringComparison.Ordinal) ? "userName" : "account", e.Description);
        errors.ThrowIfAny();
    }
}

public sealed record CreateAccountRequest(
    [property: StringLength(Account.UserNameMaxLength)] string? UserName,
    [property: StringLength(Account.DisplayNameMaxLength)] string? DisplayName,
    [property: StringLength(Account.EmailMaxLength)] string? Email,
    [property: StringLength(Account.PasswordMaxLength)] string? Password,
    [property: MaxLength(Account.MaxPosts), ItemMaxLength(Post.MaxLength)] IReadOnlyList<string>? Posts);

public sealed record SetPostsRequest([property: MaxLength(Account.MaxPosts), ItemMaxLength(Post.MaxLength)] IReadOnlyList<string>? Posts);

public sealed record AccountResponse(
    Guid Id,
    [property: StringLength(Account.UserNameMaxLength)] string UserName,
    [property: StringLength(Account.DisplayNameMaxLength)] string DisplayName,
    [property: StringLength(Account.EmailMaxLength)] string? Email,
    [property: MaxLength(Account.MaxPosts), ItemMaxLength(Post.MaxLength)] IReadOnlyList<string> Posts,
    bool Locked)
{
    public static AccountResponse From(Account a) => new(a.Id, a.UserName!, a.DisplayName, a.Email,
        a.Posts.Select(p => p.ToPost().ToString()).Order(StringComparer.Ordinal).ToList(), a.LockoutEnd > DateTimeOffset.UtcNow);
}

public sealed record SystemResponse(
    [property: StringLength(DoanKhoi.Identity.Extensions.SystemClientOptions.ClientIdMaxLength)] string ClientId,
    [property: StringLength(Account.DisplayNameMaxLength)] string? Name,
    [property: MaxLength(Account.MaxPosts), ItemMaxLength(Post.MaxLength)] IReadOnlyList<string> Posts);
