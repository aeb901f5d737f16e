using System.ComponentModel.DataAnnotations;
using DoanKhoi.Contracts.Membership;
using DoanKhoi.Identity.Domain;
using DoanKhoi.Identity.Extensions;
using DoanKhoi.Identity.Infrastructure;
using DoanKhoi.Organisation;
using DoanKhoi.Problems;
using DoanKhoi.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DoanKhoi.Identity.Apis;

/// <summary>Members' accounts, given in bulk by their unit's secretary (or the bloc office): an account
/// for each member with their member post and a one-time code, returned once for printing. The member
/// signs in the first time with the code and chooses a password (<see cref="SignInPage"/>).</summary>
public static class MemberAccountsApi
{
    /// <summary>The most members one request gives accounts to (each code is hashed like a password).</summary>
    public const int MaxPerRequest = 300;

    /// <summary>The most members of a unit listed with their accounts.</summary>
    public const int MaxListed = 2000;

    private const string Once = "The codes are shown only in this answer (they are kept hashed): print them now. Answered with `Cache-Control: no-store`.";

    public static IEndpointRouteBuilder MapMemberAccountsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/member-accounts").WithTags("Member accounts");
        group.MapGet("/", List).RequireAuthorization(Policies.Read).WithMaxItems(MaxListed)
            .WithSummary("The members of a unit (as identity last heard from membership) and where each stands with their account")
            .WithDescription("For the unit's secretary (`unit-secretary@unit:<id>`) and the bloc's posts. Members who matured out or left are not listed.")
            .WithProblem(StatusCodes.Status404NotFound, "There is no unit with this id that the caller gives accounts in.");
        group.MapPost("/", Issue).RequireAuthorization(Policies.Write)
            .WithSummary("Give members accounts with a one-time code each: listed members, or every current member of a unit who has none")
            .WithDescription($"Send `memberIds` (at most {MaxPerRequest}) or `unitId`. A listed member who already has an account they have not " +
                "signed in to yet gets a new code (the old one stops working); `unitId` skips members who already sign in or hold a code " +
                $"still valid. All the accounts are made, or none. {Once}")
            .WithProblem(StatusCodes.Status403Forbidden, "Only the bloc office or a unit's secretary (`unit-secretary@unit:<id>`) gives members accounts.")
            .WithProblem(StatusCodes.Status404NotFound, "A member or the unit does not exist or is not the caller's (a secretary issues for their own unit's members).")
            .WithProblem(StatusCodes.Status409Conflict, "A listed member already signs in with their account: `errors` names `memberIds[i]`.")
            .WithProblem(StatusCodes.Status422UnprocessableEntity, $"A listed member matured out or left the Union's rolls (`detail` names `memberIds[i]`), or the unit has more than {MaxPerRequest} members to issue for.");
        group.MapPost("/print", Print).RequireAuthorization(Policies.Write)
            .WithSummary("The same as POST /member-accounts, answered as a printable page (Vietnamese): one slip per member")
            .WithDescription($"Each slip has the member's name, user name, code, the last day the code works (dd/MM/yyyy, Vietnam time) and where to sign in. {Once}")
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .WithProblem(StatusCodes.Status403Forbidden, "Only the bloc office or a unit's secretary (`unit-secretary@unit:<id>`) gives members accounts.")
            .WithProblem(StatusCodes.Status404NotFound, "A member or the unit does not exist or is not the caller's (a secretary issues for their own unit's members).")
            .WithProblem(StatusCodes.Status409Conflict, "A listed member already signs in with their account: `errors` names `memberIds[i]`.")
            .WithProblem(StatusCodes.Status422UnprocessableEntity, $"A listed member matured out or left the Union's rolls (`detail` names `memberIds[i]`), or the unit has more than {MaxPerRequest} members to issue for.");
        return app;
    }

    public static async Task<Ok<List<MemberAccountResponse>>> List([FromQuery, Required] Guid? unitId, Caller caller, AccountsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (unitId is null) throw new ValidationFailedException("unitId", "Say which unit: ?unitId=<id>.");
        await EnsureUnitAsync(db, caller, unitId.Value, ct);
        var members = await db.Members.AsNoTracking()
            .Where(m => m.UnitId == unitId && (m.Status == MemberStatus.Active || m.Status == MemberStatus.InTransfer))
            .OrderBy(m => m.FullName).Take(MaxListed).ToListAsync(ct);
        var accounts = await AccountsOfAsync(db, members.Select(m => m.Id).ToList(), ct);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(members.Select(m => MemberAccountResponse.From(m, accounts.GetValueOrDefault(m.Id), now)).ToList());
    }

    public static async Task<Ok<MemberAccountsIssued>> Issue(IssueMemberAccountsRequest request, Caller caller, AccountsDbContext db,
        UserManager<Account> users, IPasswordHasher<Account> hasher, IOptions<IdentityServiceOptions> options, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var issued = await IssueAsync(request, caller, db, users, hasher, options.Value, clock, ct);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(issued);
    }

    public static async Task<ContentHttpResult> Print(IssueMemberAccountsRequest request, Caller caller, AccountsDbContext db,
        UserManager<Account> users, IPasswordHasher<Account> hasher, IOptions<IdentityServiceOptions> options, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var issued = await IssueAsync(request, caller, db, users, hasher, options.Value, clock, ct);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Content(MemberSlips.Render(issued), "text/html; charset=utf-8");
    }

    private static async Task<MemberAccountsIssued> IssueAsync(IssueMemberAccountsRequest request, Caller caller, AccountsDbContext db,
        UserManager<Account> users, IPasswordHasher<Account> hasher, IdentityServiceOptions options, TimeProvider clock, CancellationToken ct)
    {
        caller.EnsureIssuesMemberAccounts();
        var errors = new FieldErrors();
        var ids = request.MemberIds ?? [];
        if ((request.UnitId is null) == (request.MemberIds is null))
            errors.Add("body", "Send either `memberIds` (the members to give accounts to) or `unitId` (every current member of the unit without one).");
        if (request.MemberIds is { Count: 0 }) errors.Add("memberIds", "List at least one member.");
        if (ids.Count > MaxPerRequest) errors.Add("memberIds", $"At most {MaxPerRequest} members in one request; {ids.Count} were sent.");
        errors.ThrowIfAny();

        var now = clock.GetUtcNow();
        List<MemberCopy> members;
        if (request.UnitId is { } unitId)
        {
            await EnsureUnitAsync(db, caller, unitId, ct);
            var current = await db.Members.Where(m => m.UnitId == unitId && (m.Status == MemberStatus.Active || m.Status == MemberStatus.InTransfer))
                .OrderBy(m => m.FullName).ToListAsync(ct);
            var known = await AccountsOfAsync(db, current.Select(m => m.Id).ToList(), ct);
            members = current.Where(m => known.GetValueOrDefault(m.Id) is not { } held || (held.Account.PasswordHash is null && held.Code?.IsPending(now) != true)).ToList();
            if (members.Count > MaxPerRequest)
                throw new DomainRuleException($"The unit has {members.Count} members to give accounts to; at most {MaxPerRequest} in one request: list them by `memberIds`, a few hundred at a time.");
        }
        else
        {
            var distinct = ids.Distinct().ToList();
            var found = await db.Members.Where(m => distinct.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
            members = [];
            for (var i = 0; i < ids.Count; i++)
            {
                if (!found.TryGetValue(ids[i], out var member)) throw new NotFoundException("member", ids[i]);
                caller.EnsureReaches(member);
                if (member.WhyNoPost() is { } why) throw new DomainRuleException(why).Of($"memberIds[{i}]");
                if (!members.Contains(member)) members.Add(member);
            }
        }

        var accounts = await AccountsOfAsync(db, members.Select(m => m.Id).ToList(), ct);
        foreach (var member in members)
        {
            if (accounts.GetValueOrDefault(member.Id) is { Account.PasswordHash: not null } inUse)
                throw new ConflictException($"{member.FullName} already signs in with the account '{inUse.Account.UserName}'.", $"memberIds[{ids.ToList().IndexOf(member.Id)}]");
        }

        var expiresAt = MemberCode.ExpiryFor(now, options.MemberCodeValidDays);
        var issuedBy = caller.AuditName;
        var result = new List<IssuedMemberAccount>();
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            result.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var taken = await TakenUserNamesAsync(db, members, ct);
            foreach (var member in members)
            {
                var existing = accounts.GetValueOrDefault(member.Id);
                var account = existing?.Account;
                if (account is null)
                {
                    var userName = MemberUserNames.FirstFree(MemberUserNames.BaseFor(member.FullName), taken);
                    taken.Add(userName);
                    account = Account.Create(userName, member.FullName, email: null, now);
                    account.Posts.Add(PostAssignment.For(account, Post.OfMember(member.Id), now));
                    var created = await users.CreateAsync(account);
                    if (!created.Succeeded)
                        throw new InvalidOperationException($"The account of member {member.Id} could not be made: {string.Join(" ", created.Errors.Select(e => e.Description))}");
                }
                var code = MemberCode.Generate();
                var stored = existing?.Code ?? db.MemberCodes.Add(MemberCode.For(account.Id, member.Id)).Entity;
                stored.Issue(hasher.HashPassword(account, code), issuedBy, now, expiresAt);
                result.Add(new IssuedMemberAccount(member.Id, member.FullName, account.UserName!, MemberCode.Format(code), expiresAt,
                    DoanKhoi.Text.VietnamTime.DateOf(expiresAt.AddTicks(-1)).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)));
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        });
        return new MemberAccountsIssued(SignInAddress(options), result);
    }

    /// <summary>Where members sign in, through the gateway: the issuer's sign-in page.</summary>
    public static string SignInAddress(IdentityServiceOptions options) =>
        (options.Issuer ?? "/").TrimEnd('/') + IdentityServices.SignInPath;

    private static async Task EnsureUnitAsync(AccountsDbContext db, Caller caller, Guid unitId, CancellationToken ct)
    {
        caller.EnsureIssuesMemberAccounts();
        if (!await db.Units.AnyAsync(u => u.Id == unitId, ct)) throw new NotFoundException("unit", unitId);
        if (!caller.Reaches(unitId)) throw new OutOfReachException("unit", unitId);
    }

    /// <summary>The account holding each member's post, with its one-time code if it has one.</summary>
    private static async Task<Dictionary<Guid, HeldAccount>> AccountsOfAsync(AccountsDbContext db, List<Guid> memberIds, CancellationToken ct)
    {
        var rows = await (from p in db.PostAssignments
                          join a in db.Users on p.AccountId equals a.Id
                          join c in db.MemberCodes on a.Id equals c.AccountId into codes
                          from c in codes.DefaultIfEmpty()
                          where p.Role == Role.Member && p.Node == NodeKind.Member && memberIds.Contains(p.NodeId!.Value)
                          select new { MemberId = p.NodeId!.Value, Account = a, Code = c }).ToListAsync(ct);
        return rows.GroupBy(r => r.MemberId).ToDictionary(g => g.Key, g => new HeldAccount(g.First().Account, g.First().Code));
    }

    private static async Task<HashSet<string>> TakenUserNamesAsync(AccountsDbContext db, List<MemberCopy> members, CancellationToken ct)
    {
        // The bases hold only a-z, 0-9 and dots: nothing LIKE reads as a wildcard.
        var patterns = members.Select(m => MemberUserNames.BaseFor(m.FullName).ToUpperInvariant() + "%").Distinct().ToList();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in patterns.Chunk(100))
        {
            var names = await db.Users.Where(u => chunk.Any(p => EF.Functions.Like(u.NormalizedUserName!, p))).Select(u => u.UserName!).ToListAsync(ct);
            taken.UnionWith(names.Select(n => n.ToLowerInvariant()));
        }
        return taken;
    }
}

/// <summary>An account and its one-time code, if it has one.</summary>
internal sealed record HeldAccount(Account Account, MemberCode? Code);

public sealed record IssueMemberAccountsRequest(
    [property: MaxLength(MemberAccountsApi.MaxPerRequest)] IReadOnlyList<Guid>? MemberIds,
    Guid? UnitId);

public sealed record MemberAccountsIssued(
    [property: StringLength(500)] string SignInAddress,
    [property: MaxLength(MemberAccountsApi.MaxPerRequest)] IReadOnlyList<IssuedMemberAccount> Accounts);

/// <summary>One member's new account: <c>Code</c> is shown only here; <c>ExpiresOn</c> is the last day it works (dd/MM/yyyy, Vietnam time).</summary>
public sealed record IssuedMemberAccount(
    Guid MemberId,
    [property: StringLength(MemberCopy.FullNameMaxLength)] string FullName,
    [property: StringLength(Account.UserNameMaxLength)] string UserName,
    [property: StringLength(MemberCode.Length + 1)] string Code,
    DateTimeOffset ExpiresAt,
    [property: StringLength(10)] string ExpiresOn);

public enum MemberAccountStatus
{
    /// <summary>No account yet.</summary>
    None,
    /// <summary>An account with a one-time code not used yet, still valid.</summary>
    CodeIssued,
    /// <summary>An account whose one-time code expired unused: issue again.</summary>
    CodeExpired,
    /// <summary>The member signs in with their own password.</summary>
    Active,
}

public sealed record MemberAccountResponse(
    Guid MemberId,
    [property: StringLength(MemberCopy.FullNameMaxLength)] string FullName,
    Guid? BranchId,
    MemberStatus MemberStatus,
    MemberAccountStatus Account,
    [property: StringLength(Account.UserNameMaxLength)] string? UserName,
    DateTimeOffset? CodeExpiresAt)
{
    internal static MemberAccountResponse From(MemberCopy m, HeldAccount? held, DateTimeOffset now)
    {
        var (account, code) = (held?.Account, held?.Code);
        var status = account is null ? MemberAccountStatus.None
            : account.PasswordHash is not null ? MemberAccountStatus.Active
            : code?.IsPending(now) == true ? MemberAccountStatus.CodeIssued
            : MemberAccountStatus.CodeExpired;
        return new(m.Id, m.FullName, m.BranchId, m.Status, status, account?.UserName, status == MemberAccountStatus.CodeIssued ? code!.ExpiresAt : null);
    }
}
