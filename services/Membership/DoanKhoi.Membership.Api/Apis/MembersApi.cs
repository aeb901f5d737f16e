using System.ComponentModel.DataAnnotations;
using DoanKhoi.Contracts.Membership;
using DoanKhoi.Membership.Domain;
using DoanKhoi.Membership.Domain.Members;
using DoanKhoi.Membership.Infrastructure;
using DoanKhoi.Messaging.Audit;
using DoanKhoi.Problems;
using DoanKhoi.Security;
using DoanKhoi.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Membership.Apis;

/// <summary>Members (đoàn viên): recorded and admitted into a unit, found as people type, read in full
/// by the posts that need the personal data, corrected.</summary>
public static class MembersApi
{
    public const int MaxPageSize = Paging.MaxPageSize;

    /// <summary>Up to this many people found by a search are read as keys (the total and the page at once); more are counted.</summary>
    private const int SearchKeys = 2000;

    private const string Taken = "The CCCD or the card number is another member's already: `errors` names `citizenId` or `cardNumber`.";
    private const string NoLongerAMember = "The member matured out or left: their record no longer changes.";

    public static IEndpointRouteBuilder MapMembersApi(this IEndpointRouteBuilder app)
    {
        var units = app.MapGroup("/units/{unitId:guid}").WithTags("Members").RequireAuthorization(Policies.Write);
        units.MapPost("/members", RegisterMember).WithSummary("Record a member who already belongs to the Union (bloc office or the unit's secretary)")
            .WithProblem(StatusCodes.Status409Conflict, Taken)
            .WithProblem(StatusCodes.Status422UnprocessableEntity, "The unit is closed: it takes no new members.");
        units.MapPost("/admissions", AdmitMember).WithSummary("Admit a young person of 16 to 30 to the Union (kết nạp) by the unit's resolution")
            .WithProblem(StatusCodes.Status409Conflict, Taken)
            .WithProblem(StatusCodes.Status422UnprocessableEntity, "Outside the Union's age of 16 to 30 on the day of the resolution, or the unit is closed.");

        var members = app.MapGroup("/members").WithTags("Members").RequireAuthorization(Policies.Read);
        members.MapGet("/", ListMembers).WithSummary("Find members as people type (name without diacritics, CCCD, phone, card number) and filter them, today or as they were on a past day (`on`); the CCCD masked, no ethnicity");
        members.MapGet("/{id:guid}", GetMember).WithName(nameof(GetMember)).WithSummary("A member's whole record; the CCCD and ethnicity only for the member, the unit's secretary and the bloc office (the reading is recorded)");
        members.MapPut("/{id:guid}", CorrectMember).RequireAuthorization(Policies.Write).WithSummary("Correct a member's profile (bloc office or the unit's secretary)")
            .WithProblem(StatusCodes.Status409Conflict, Taken)
            .WithProblem(StatusCodes.Status422UnprocessableEntity, NoLongerAMember);
        members.MapPut("/{id:guid}/contact", CorrectContact).RequireAuthorization(Policies.Write).WithSummary("Correct a member's phone and e-mail (the member themself, or the unit's secretary)")
            .WithProblem(StatusCodes.Status422UnprocessableEntity, NoLongerAMember);
        members.MapPut("/{id:guid}/posts", SetPosts).RequireAuthorization(Policies.Write).WithSummary("Set a member's Union posts and their terms (bloc office or the unit's secretary)")
            .WithProblem(StatusCodes.Status422UnprocessableEntity, NoLongerAMember);
        members.MapGet("/{id:guid}/history", GetHistory).WithSummary("The steps of a member's life in the Union, oldest first");

        app.MapGet("/ethnicities", () => TypedResults.Ok(Ethnicity.All)).WithTags("Members").RequireAuthorization(Policies.Read)
            .WithSummary("Vietnam's 54 ethnic groups, by code").WithMaxItems(54);
        return app;
    }

    public static async Task<CreatedAtRoute<MemberResponse>> RegisterMember(Guid unitId, RegisterMemberRequest request, Caller caller,
        MembershipDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (unit, branch) = await LoadUnitAsync(db, caller, unitId, request.BranchId, ct);
        caller.EnsureKeepsMembersOf(unit, "record its members");
        var errors = new FieldErrors();
        var profile = MemberInput.Parse(request, errors, VietnamTime.Today(clock));
        errors.ThrowIfAny();
        await EnsureUniqueAsync(db, caller, profile!, null, ct);
        var now = clock.GetUtcNow();
        var member = Member.Register(profile!, unit, branch, new Decision(profile!.JoinedUnionOn, caller.AuditName, now));
        db.Members.Add(member);
        await db.SaveChangesAsync(ct);
        return TypedResults.CreatedAtRoute(MemberResponse.From(member, unit, branch, true), nameof(GetMember), new { id = member.Id });
    }

    public static async Task<CreatedAtRoute<MemberResponse>> AdmitMember(Guid unitId, AdmitMemberRequest request, Caller caller,
        MembershipDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (unit, branch) = await LoadUnitAsync(db, caller, unitId, request.BranchId, ct);
        caller.EnsureKeepsMembersOf(unit, "admit members to it");
        var today = VietnamTime.Today(clock);
        var errors = new FieldErrors();
        if (request.AdmittedOn is not { } admittedOn) errors.Add("admittedOn", "The date of the admission resolution is required.");
        else if (admittedOn > today) errors.Add("admittedOn", $"The admission date {admittedOn:dd/MM/yyyy} is in the future.");
        if (string.IsNullOrWhiteSpace(request.ResolutionNumber)) errors.Add("resolutionNumber", "The number of the admission resolution (số nghị quyết/quyết định kết nạp) is required.");
        var profile = MemberInput.Parse(request, errors, today, admission: true);
        errors.ThrowIfAny();
        await EnsureUniqueAsync(db, caller, profile!, null, ct);
        var member = Member.Admit(profile!, unit, branch, request.ResolutionNumber!, new Decision(request.AdmittedOn!.Value, caller.AuditName, clock.GetUtcNow()));
        db.Members.Add(member);
        await db.SaveChangesAsync(ct);
        return TypedResults.CreatedAtRoute(MemberResponse.From(member, unit, branch, true), nameof(GetMember), new { id = member.Id });
    }

    public static async Task<Ok<PagedList<MemberListItem>>> ListMembers(
        Caller caller, MembershipDbContext db, TimeProvider clock, CancellationToken ct,
        [FromQuery, StringLength(MemberFilter.MaxQueryLength)] string? q = null, [FromQuery] Guid? unitId = null, [FromQuery] Guid? branchId = null,
        [FromQuery] Guid? clusterId = null,
        [FromQuery, AllowedValues("current", "active", "inTransfer", "matured", "left", "all")] string? status = null,
        [FromQuery, AllowedValues("male", "female")] string? gender = null, [FromQuery, StringLength(MemberLimits.EthnicityText)] string? ethnicity = null,
        [FromQuery, Range(0, 120)] int? ageFrom = null, [FromQuery, Range(0, 120)] int? ageTo = null,
        [FromQuery, AllowedValues("none", "recommended", "partyMember")] string? partyStatus = null,
        [FromQuery, AllowedValues("secretary", "deputySecretary", "committeeMember")] string? post = null,
        [FromQuery] DateOnly? on = null,
        [FromQuery, Range(1, Paging.MaxPage)] int page = 1, [FromQuery, Range(1, MaxPageSize)] int pageSize = 50)
    {
        var filter = new MemberFilter(q, unitId, branchId, clusterId, status, gender, ethnicity, ageFrom, ageTo, partyStatus, post) { On = on };
        var errors = new FieldErrors();
        Paging.Check(errors, page, pageSize, MaxPageSize);
        var members = db.Members.AsNoTracking();
        var scope = on is null ? await MemberScope.OfAsync(caller, db, ct) : null;
        var query = filter.Apply(on is { } day ? members.VisibleOn(caller, db, day) : scope!.Apply(members), caller, db, VietnamTime.Today(clock), errors);
        errors.ThrowIfAny();

        // The total of a plain list (a unit's, a cluster's, the bloc's) is the sum of a few tallies, not a count of every member.
        var tallies = scope is { Others.Count: 0 } ? filter.ApplyToTallies(scope.InUnits(db.MemberTallies.AsNoTracking()), db) : null;
        var ordered = query.InListOrder();
        IQueryable<Member> pageQuery = ordered.Skip(Paging.Skip(page, pageSize)).Take(pageSize);
        int total;
        if (tallies is not null) total = await tallies.SumAsync(t => t.Members, ct);
        else if (!string.IsNullOrWhiteSpace(q))
        {
            // A search finds a few hundred people at most: their keys, in order, are the total and the page in one reading.
            var keys = await ordered.Select(m => m.Id).Take(SearchKeys + 1).ToListAsync(ct);
            if (keys.Count > SearchKeys) total = await query.CountAsync(ct);
            else
            {
                total = keys.Count;
                var ids = keys.Skip(Paging.Skip(page, pageSize)).Take(pageSize).ToList();
                pageQuery = members.Where(m => ids.Contains(m.Id)).InListOrder();
            }
        }
        else total = await query.CountAsync(ct);
        // Only the list's columns: a whole member would bring its history and placements along.
        var today = VietnamTime.Today(clock);
        var rows = await pageQuery
            .Select(m => new
            {
                m.Id, m.FullName, m.DateOfBirth, m.Gender, m.CitizenId, m.Phone, m.CardNumber, m.UnitId, m.BranchId, m.Status, m.PartyStatus, m.IsCadre, m.JoinedUnionOn,
                UnitName = db.Units.Where(u => u.Id == m.UnitId).Select(u => u.Name).First(),
                BranchName = db.Branches.Where(b => b.Id == m.BranchId).Select(b => b.Name).FirstOrDefault(),
                Post = m.Posts.Where(p => p.From <= today && (p.To == null || p.To >= today)).Select(p => (UnionPost?)p.Post).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return TypedResults.Ok(new PagedList<MemberListItem>(rows.Select(r => new MemberListItem(
            r.Id, r.FullName, r.DateOfBirth, UnionAge.On(r.DateOfBirth, today), r.Gender, r.CitizenId is { } c ? Domain.Members.CitizenId.Mask(c) : null,
            caller.SeesPersonalDataIn(r.UnitId) || caller.IsMemberThemself(r.Id) ? r.Phone : null, r.CardNumber, r.UnitId, r.UnitName, r.BranchId, r.BranchName,
            r.Status, r.PartyStatus, r.IsCadre, r.Post, r.JoinedUnionOn)).ToList(), total, page, pageSize));
    }

    public static async Task<Ok<MemberResponse>> GetMember(Guid id, Caller caller, MembershipDbContext db, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        var (member, unit, branch) = await LoadAsync(db, caller, id, ct);
        var personal = caller.SeesPersonalDataOf(member);
        if (personal && !caller.IsMemberThemself(member.Id))
        {
            // Nghị định 13/2023: who read a member's personal data, and when, is on the record.
            db.RecordPersonalDataAccess(actor, AuditAction.ReadPersonalData, nameof(Member), member.Id.ToString(), member.UnitId,
                new { fields = new[] { "citizenId", "ethnicity", "phone", "email" } }, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.Ok(MemberResponse.From(member, unit, branch, personal));
    }

    public static async Task<Ok<MemberResponse>> CorrectMember(Guid id, CorrectMemberRequest request, Caller caller, MembershipDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (member, unit, _) = await LoadAsync(db, caller, id, ct);
        caller.EnsureKeepsMembersOf(unit, "correct its members' profiles");
        var errors = new FieldErrors();
        var profile = MemberInput.Parse(request, errors, VietnamTime.Today(clock));
        Branch? branch = null;
        if (request.BranchId is { } branchId && (branch = await db.Branches.FirstOrDefaultAsync(b => b.Id == branchId && b.UnitId == unit.Id, ct)) is null)
            errors.Add("branchId", $"The unit {unit.Name} has no branch with id '{branchId}'.");
        errors.ThrowIfAny();
        await EnsureUniqueAsync(db, caller, profile!, member.Id, ct);
        if (member.Correct(profile!, branch, new Decision(VietnamTime.Today(clock), caller.AuditName, clock.GetUtcNow())))
            await db.SaveChangesAsync(ct);
        return TypedResults.Ok(MemberResponse.From(member, unit, branch, true));
    }

    public static async Task<Ok<MemberResponse>> CorrectContact(Guid id, ContactRequest request, Caller caller, MembershipDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (member, unit, branch) = await LoadAsync(db, caller, id, ct);
        caller.EnsureMayCorrectContact(member, unit);
        var errors = new FieldErrors();
        var phone = errors.Check(() => PhoneNumber.FromOptional(request.Phone));
        var email = errors.Check(() => EmailAddress.FromOptional(request.Email));
        errors.ThrowIfAny();
        if (member.CorrectContact(phone, email, new Decision(VietnamTime.Today(clock), caller.AuditName, clock.GetUtcNow())))
            await db.SaveChangesAsync(ct);
        return TypedResults.Ok(MemberResponse.From(member, unit, branch, caller.SeesPersonalDataOf(member)));
    }

    public static async Task<Ok<MemberResponse>> SetPosts(Guid id, SetPostsRequest request, Caller caller, MembershipDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (member, unit, branch) = await LoadAsync(db, caller, id, ct);
        caller.EnsureKeepsMembersOf(unit, "give its members Union posts");
        var errors = new FieldErrors();
        var terms = new List<UnionPostTerm>();
        foreach (var (term, i) in (request.Posts ?? []).Select((t, i) => (t, i)))
        {
            var post = errors.Check<UnionPost?>(() => MemberInput.ParsePost(term.Post, $"posts[{i}].post"));
            if (term.From is not { } from) errors.Add($"posts[{i}].from", "The first day of the term is required.");
            else if (term.To is { } to && to < from) errors.Add($"posts[{i}].to", $"The term ends ({to:dd/MM/yyyy}) before it begins ({from:dd/MM/yyyy}).");
            if (post is { } p && term.From is { } f) terms.Add(new UnionPostTerm(p, f, term.To));
        }
        errors.ThrowIfAny();
        if (member.SetPosts(terms, new Decision(VietnamTime.Today(clock), caller.AuditName, clock.GetUtcNow())))
            await db.SaveChangesAsync(ct);
        return TypedResults.Ok(MemberResponse.From(member, unit, branch, caller.SeesPersonalDataOf(member)));
    }

    public static async Task<Ok<PagedList<MemberHistoryResponse>>> GetHistory(Guid id, Caller caller, MembershipDbContext db, CancellationToken ct,
        [FromQuery, Range(1, Paging.MaxPage)] int page = 1, [FromQuery, Range(1, MaxPageSize)] int pageSize = 50)
    {
        var errors = new FieldErrors();
        Paging.Check(errors, page, pageSize, MaxPageSize);
        errors.ThrowIfAny();
        var (member, _, _) = await LoadAsync(db, caller, id, ct);
        var steps = member.History.OrderBy(h => h.Id).Skip(Paging.Skip(page, pageSize)).Take(pageSize)
            .Select(h => new MemberHistoryResponse(h.Version, h.Change, h.EffectiveOn, h.Detail, h.By, h.At)).ToList();
        return TypedResults.Ok(new PagedList<MemberHistoryResponse>(steps, member.History.Count, page, pageSize));
    }

    /// <summary>A CCCD or card number is one person's: a second member with it is refused, naming the
    /// field, and the unit that has that person only when the caller reaches it.</summary>
    private static async Task EnsureUniqueAsync(MembershipDbContext db, Caller caller, MemberProfile profile, Guid? self, CancellationToken ct)
    {
        if (profile.CitizenId is { } cccd && await db.Members.Where(m => m.CitizenId == cccd.Value && m.Id != self).Select(m => (Guid?)m.UnitId).FirstOrDefaultAsync(ct) is { } unitOfCccd)
        {
            var where = await VisibleNameAsync(db, caller, unitOfCccd, ct);
            throw where is null
                ? new ConflictException($"A member with the CCCD number {cccd} is already recorded in another unit.", "citizenId")
                : new ConflictException($"A member with the CCCD number {cccd} is already recorded in {where}.", "citizenId");
        }
        if (profile.CardNumber is { } card && await db.Members.Where(m => m.CardNumber == card && m.Id != self).Select(m => (Guid?)m.UnitId).FirstOrDefaultAsync(ct) is { } unitOfCard)
        {
            var where = await VisibleNameAsync(db, caller, unitOfCard, ct);
            throw where is null
                ? new ConflictException($"The card number {card} is already another member's in another unit.", "cardNumber")
                : new ConflictException($"The card number {card} is already another member's in {where}.", "cardNumber");
        }
    }

    /// <summary>The unit's name when the caller reaches it.</summary>
    private static Task<string?> VisibleNameAsync(MembershipDbContext db, Caller caller, Guid unitId, CancellationToken ct) =>
        db.Units.VisibleTo(caller, db).Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync(ct);

    internal static async Task<(Unit Unit, Branch? Branch)> LoadUnitAsync(MembershipDbContext db, Caller caller, Guid unitId, Guid? branchId, CancellationToken ct)
    {
        var unit = await db.Units.ReachableAsync(caller, db, unitId, ct);
        if (branchId is not { } id) return (unit, null);
        var branch = await db.Branches.FirstOrDefaultAsync(b => b.Id == id && b.UnitId == unitId, ct)
            ?? throw new ValidationFailedException("branchId", $"The unit {unit.Name} has no branch with id '{id}'.");
        return (unit, branch);
    }

    /// <summary>A member list's order: by name as people read it (folded), then date of birth; the id keeps pages stable.</summary>
    internal static IOrderedQueryable<Member> InListOrder(this IQueryable<Member> members) =>
        members.OrderBy(m => m.FullNameFolded).ThenBy(m => m.DateOfBirth).ThenBy(m => m.Id);

    /// <summary>The member, if the caller reaches them; one out of reach is "not found", like one that does not exist.</summary>
    internal static async Task<(Member Member, Unit Unit, Branch? Branch)> LoadAsync(MembershipDbContext db, Caller caller, Guid id, CancellationToken ct)
    {
        var scope = await MemberScope.OfAsync(caller, db, ct);
        var member = await scope.Apply(db.Members).Include(m => m.Posts).Include(m => m.History).Include(m => m.Placements)
                .AsSplitQuery().FirstOrDefaultAsync(m => m.Id == id, ct)
            ?? (await db.Members.AnyAsync(m => m.Id == id, ct) ? throw new OutOfReachException("member", id) : throw new NotFoundException("member", id));
        var unit = await db.Units.FirstAsync(u => u.Id == member.UnitId, ct);
        var branch = member.BranchId is { } b ? await db.Branches.FirstAsync(x => x.Id == b, ct) : null;
        return (member, unit, branch);
    }
}
