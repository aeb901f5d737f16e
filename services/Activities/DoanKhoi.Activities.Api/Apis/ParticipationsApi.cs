using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using DoanKhoi.Activities.Domain;
using DoanKhoi.Activities.Domain.Activities;
using DoanKhoi.Activities.Domain.Participations;
using DoanKhoi.Activities.Infrastructure;
using DoanKhoi.Contracts.Activities;
using DoanKhoi.OpenApi;
using DoanKhoi.Organisation;
using DoanKhoi.Problems;
using DoanKhoi.Security;
using DoanKhoi.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Activities.Apis;

/// <summary>Who takes part in an activity: registrations, the attendance sheet, self check-in with the
/// activity's QR code, and a member's own activities.</summary>
public static class ParticipationsApi
{
    public const int MaxPerRequest = 2000;
    public const int MaxCheckInHours = 24;

    public static IEndpointRouteBuilder MapParticipationsApi(this IEndpointRouteBuilder app)
    {
        var activity = app.MapGroup("/activities/{id:guid}").WithTags("Participation").RequireAuthorization(Policies.Read);
        activity.MapPost("/participants", Register).RequireAuthorization(Policies.Write)
            .WithSummary("Register members for a planned activity: a member themselves (no memberIds), or their secretary, or the activity's organiser")
            .WithProblem(StatusCodes.Status409Conflict, "A member is registered already: `errors` names `memberIds[i]`.")
            .WithProblem(StatusCodes.Status422UnprocessableEntity, "The activity is not planned, or a member is not on the rolls of a unit its organiser reaches.");
        activity.MapGet("/participants", ListParticipants).WithSummary("The participants and how each took part, by name (posts, not members), a page at a time");
        activity.MapDelete("/participants/{memberId:guid}", Withdraw).RequireAuthorization(Policies.Write)
            .WithSummary("Withdraw a registration before the activity")
            .WithProblem(StatusCodes.Status422UnprocessableEntity, "The activity is no longer planned, or the member was marked already.");
        activity.MapPut("/attendance", RecordAttendance).RequireAuthorization(Policies.Write)
            .WithSummary("The attendance sheet in one step: everyone registered is marked `everyoneElse`, except the `marks`; marks for members not registered add them as walk-ins")
            .WithProblem(StatusCodes.Status422UnprocessableEntity, "The activity is cancelled or has not started, or a member is not on the rolls of a unit its organiser reaches.");
        activity.MapPut("/check-in", SetCheckIn).RequireAuthorization(Policies.Write)
            .WithSummary("Open self check-in (a new QR code) for some hours, or close it (the activity's organiser)")
            .WithProblem(StatusCodes.Status422UnprocessableEntity, "The activity does not run today, or is cancelled.");
        activity.MapPost("/check-ins", CheckIn).RequireAuthorization(Policies.Write)
            .WithSummary("Check oneself in with the code of the activity's QR code (a member, once, while check-in is open)")
            .WithProblem(StatusCodes.Status409Conflict, "The member checked in already.")
            .WithProblem(StatusCodes.Status422UnprocessableEntity, "Check-in is not open, the code is not the current one, or the member is not on the rolls of a unit the organiser reaches.");
        app.MapGet("/members/{memberId:guid}/participations", ListMemberParticipations).WithTags("Participation").RequireAuthorization(Policies.Read)
            .WithSummary("A member's activities, newest first: the member themselves, or the posts that reach their unit");
        return app;
    }

    public static async Task<Ok<AttendanceCounts>> Register(Guid id, RegisterRequest request, Caller caller, ActivitiesDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var activity = await db.ReachableAsync(caller, id, ct, tracked: true);
        var memberIds = request.MemberIds is { Count: > 0 } ids ? ids : [caller.OwnMemberId()];
        CheckCount(memberIds);
        var members = await EligibleAsync(db, caller, activity, memberIds, ct);
        var registered = await db.Participations.Where(p => p.ActivityId == id && memberIds.Contains(p.MemberId)).Select(p => p.MemberId).ToListAsync(ct);
        for (var i = 0; i < memberIds.Count; i++)
            if (registered.Contains(memberIds[i]))
                throw new ConflictException($"{members[memberIds[i]].FullName} is registered for this activity already.", $"memberIds[{i}]");
        var now = clock.GetUtcNow();
        foreach (var memberId in memberIds.Distinct()) db.Participations.Add(Participation.Register(activity, members[memberId], now));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await AttendanceCounts.OfAsync(db, id, ct));
    }

    public static async Task<Ok<PagedList<ParticipantView>>> ListParticipants(Guid id, Caller caller, ActivitiesDbContext db, CancellationToken ct,
        [FromQuery, AllowedValues("registered", "attended", "absent", "excused")] string? attendance = null,
        [FromQuery, StringLength(VietnameseText.MaxQueryLength)] string? q = null,
        [FromQuery, Range(1, Paging.MaxPage)] int page = 1, [FromQuery, Range(1, Paging.MaxPageSize)] int pageSize = 50)
    {
        var errors = new FieldErrors();
        errors.CheckLength("q", q, VietnameseText.MaxQueryLength);
        Paging.Check(errors, page, pageSize);
        var wanted = errors.Check(() => ParseAttendance(attendance, "attendance"));
        errors.ThrowIfAny();
        await db.ReachableAsync(caller, id, ct);
        if (caller.Posts.All(p => p.Node == NodeKind.Member))
            throw new ForbiddenException("A member sees their own participation (GET /members/<id>/participations), not the whole list.");

        var query = db.Participations.AsNoTracking().Where(p => p.ActivityId == id)
            .Join(db.Members, p => p.MemberId, m => m.Id, (p, m) => new { p, m });
        if (wanted is { } a) query = query.Where(x => x.p.Attendance == a);
        foreach (var pattern in VietnameseText.ContainsPatterns(q))
            query = query.Where(x => EF.Functions.Like(x.m.FullNameFolded, pattern));
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(x => x.m.FullNameFolded).ThenBy(x => x.m.Id).Skip(Paging.Skip(page, pageSize)).Take(pageSize)
            .Select(x => new ParticipantView(x.m.Id, x.m.FullName, x.p.UnitId, x.p.Attendance, x.p.WalkIn, x.p.CheckedInAt, x.p.Version)).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<ParticipantView>(rows, total, page, pageSize));
    }

    public static async Task<NoContent> Withdraw(Guid id, Guid memberId, Caller caller, ActivitiesDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var activity = await db.ReachableAsync(caller, id, ct);
        var participation = await db.Participations.FirstOrDefaultAsync(p => p.ActivityId == id && p.MemberId == memberId, ct)
            ?? throw new NotFoundException("participant", memberId);
        var member = await db.Members.FirstAsync(m => m.Id == memberId, ct);
        if (!caller.ActsFor(member, activity))
            throw new ForbiddenException("Only the member, their secretary or the activity's organiser changes the member's registration.");
        participation.Withdraw(activity, clock.GetUtcNow());
        db.Participations.Remove(participation);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<AttendanceCounts>> RecordAttendance(Guid id, AttendanceRequest request, Caller caller, ActivitiesDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        var activity = await db.ReachableAsync(caller, id, ct, tracked: true);
        caller.EnsureKeeps(new Organiser(activity.OrganiserLevel, activity.OrganiserId));
        var marks = request.Marks ?? [];
        CheckCount(marks.Select(m => m.MemberId ?? Guid.Empty).ToList(), "marks");
        var errors = new FieldErrors();
        var everyoneElse = errors.Check(() => ParseAttendance(request.EveryoneElse, "everyoneElse"));
        var parsed = new Dictionary<Guid, Attendance>();
        for (var i = 0; i < marks.Count; i++)
        {
            if (marks[i].MemberId is not { } memberId || memberId == Guid.Empty) errors.Add($"marks[{i}].memberId", "Say which member.");
            else if (errors.Check(() => ParseAttendance(marks[i].Attendance, $"marks[{i}].attendance")) is not { } mark)
            {
                if (marks[i].Attendance is null) errors.Add($"marks[{i}].attendance", "Say how the member took part: attended, absent or excused.");
            }
            else if (mark == Attendance.Registered) errors.Add($"marks[{i}].attendance", "Mark attended, absent or excused.");
            else if (!parsed.TryAdd(memberId, mark)) errors.Add($"marks[{i}].memberId", "The member is marked twice.");
        }
        if (everyoneElse == Attendance.Registered) errors.Add("everyoneElse", "Mark attended, absent or excused.");
        errors.ThrowIfAny();
        activity.EnsureAttendanceCanBeRecorded(VietnamTime.Today(clock));

        var now = clock.GetUtcNow();
        var participations = await db.Participations.Where(p => p.ActivityId == id).ToDictionaryAsync(p => p.MemberId, ct);
        var arriving = parsed.Keys.Where(m => !participations.ContainsKey(m)).ToList();
        var members = await EligibleAsync(db, caller, activity, arriving, ct, field: "marks", positions: marks.Select(m => m.MemberId ?? Guid.Empty).ToList());
        foreach (var memberId in arriving) db.Participations.Add(Participation.Arrive(activity, members[memberId], parsed[memberId], now));
        foreach (var (memberId, participation) in participations)
        {
            if (parsed.TryGetValue(memberId, out var mark)) participation.Mark(mark, now);
            else if (everyoneElse is { } rest && participation.Attendance == Attendance.Registered) participation.Mark(rest, now);
        }
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await AttendanceCounts.OfAsync(db, id, ct));
    }

    public static async Task<Ok<CheckInView>> SetCheckIn(Guid id, CheckInRequest request, Caller caller, ActivitiesDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var activity = await db.ReachableAsync(caller, id, ct, tracked: true);
        caller.EnsureKeeps(new Organiser(activity.OrganiserLevel, activity.OrganiserId));
        if (request.Hours is < 1 or > MaxCheckInHours)
            throw new ValidationFailedException("hours", $"Check-in stays open between 1 and {MaxCheckInHours} hours.");
        if (request.Open)
            activity.OpenCheckIn(Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant(),
                clock.GetUtcNow().AddHours(request.Hours ?? 3), VietnamTime.Today(clock));
        else activity.CloseCheckIn();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new CheckInView(activity.CheckInCode, activity.CheckInOpenUntil));
    }

    public static async Task<Ok<ParticipantView>> CheckIn(Guid id, CheckInCodeRequest request, Caller caller, ActivitiesDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var memberId = caller.OwnMemberId();
        var activity = await db.ReachableAsync(caller, id, ct, tracked: true);
        var now = clock.GetUtcNow();
        activity.EnsureCheckInOpen(request.Code?.Trim(), now);
        var participation = await db.Participations.FirstOrDefaultAsync(p => p.ActivityId == id && p.MemberId == memberId, ct);
        var member = (await EligibleAsync(db, caller, activity, [memberId], ct))[memberId];
        if (participation is null)
        {
            participation = Participation.Arrive(activity, member, Attendance.Attended, now);
            db.Participations.Add(participation);
        }
        participation.CheckIn(now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new ParticipantView(member.Id, member.FullName, participation.UnitId, participation.Attendance, participation.WalkIn,
            participation.CheckedInAt, participation.Version));
    }

    public static async Task<Ok<PagedList<MemberParticipationView>>> ListMemberParticipations(Guid memberId, Caller caller, ActivitiesDbContext db, CancellationToken ct,
        [FromQuery, Range(1, Paging.MaxPage)] int page = 1, [FromQuery, Range(1, Paging.MaxPageSize)] int pageSize = 50)
    {
        var errors = new FieldErrors();
        Paging.Check(errors, page, pageSize);
        errors.ThrowIfAny();
        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId, ct) ?? throw new NotFoundException("member", memberId);
        if (!caller.Posts.Contains(Post.OfMember(memberId)) && !await db.Units.VisibleTo(caller, db).AnyAsync(u => u.Id == member.UnitId, ct))
            throw new OutOfReachException("member", memberId);

        var query = db.Participations.AsNoTracking().Where(p => p.MemberId == memberId)
            .Join(db.Activities, p => p.ActivityId, a => a.Id, (p, a) => new { p, a });
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(x => x.a.StartsOn).ThenBy(x => x.a.Id).Skip(Paging.Skip(page, pageSize)).Take(pageSize).ToListAsync(ct);
        var names = await db.NodeNamesAsync(ct);
        return TypedResults.Ok(new PagedList<MemberParticipationView>(rows.Select(x => new MemberParticipationView(
            x.a.Id, x.a.Title, x.a.Kind, x.a.StartsOn, x.a.EndsOn, ActivitySummary.OrganiserNameOf(x.a.OrganiserLevel, x.a.OrganiserId, names),
            x.a.Status, x.p.Attendance, x.p.WalkIn, x.p.CheckedInAt)).ToList(), total, page, pageSize));
    }

    private static void CheckCount(IReadOnlyList<Guid> ids, string field = "memberIds")
    {
        if (ids.Count > MaxPerRequest) throw new ValidationFailedException(field, $"At most {MaxPerRequest} members in one request; {ids.Count} were sent.");
    }

    /// <summary>The members, each on the rolls of a unit the organiser reaches and one the caller acts for;
    /// each refusal named on its position in the request.</summary>
    private static async Task<Dictionary<Guid, MemberCopy>> EligibleAsync(ActivitiesDbContext db, Caller caller, Activity activity, IReadOnlyList<Guid> memberIds,
        CancellationToken ct, string field = "memberIds", IReadOnlyList<Guid>? positions = null)
    {
        var members = await db.Members.Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var unitIds = members.Values.Select(m => m.UnitId).Distinct().ToList();
        var units = await db.Units.Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        string At(Guid memberId) => positions is null ? $"{field}[{IndexOf(memberIds, memberId)}]" : $"{field}[{IndexOf(positions, memberId)}].memberId";
        foreach (var memberId in memberIds)
        {
            if (!members.TryGetValue(memberId, out var member))
                throw new DomainRuleException($"There is no member with id '{memberId}' (or membership has not told activities of them yet).").Of(At(memberId));
            if (!member.IsCurrent)
                throw new DomainRuleException($"{member.FullName} is no longer on the Union's rolls in the bloc.").Of(At(memberId));
            if (!units.TryGetValue(member.UnitId, out var unit) || !activity.Reaches(unit))
                throw new DomainRuleException($"{member.FullName} is not a member of a unit the activity's organiser reaches.").Of(At(memberId));
            if (!caller.ActsFor(member, activity))
                throw new ForbiddenException("Only the member, their secretary or the activity's organiser changes the member's registration.", At(memberId));
        }
        return members;
    }

    private static int IndexOf(IReadOnlyList<Guid> ids, Guid id)
    {
        for (var i = 0; i < ids.Count; i++) if (ids[i] == id) return i;
        return 0;
    }

    private static Attendance? ParseAttendance(string? value, string field) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "registered" => Attendance.Registered,
        "attended" => Attendance.Attended,
        "absent" => Attendance.Absent,
        "excused" => Attendance.Excused,
        _ => throw new ValidationFailedException(field, $"'{value}' is not an attendance: use attended, absent or excused."),
    };
}

public sealed record RegisterRequest([property: MaxLength(ParticipationsApi.MaxPerRequest)] IReadOnlyList<Guid>? MemberIds);

public sealed record AttendanceMark(Guid? MemberId, [property: AllowedValues("attended", "absent", "excused")] string? Attendance);

public sealed record AttendanceRequest(
    [property: AllowedValues("attended", "absent", "excused")] string? EveryoneElse,
    [property: MaxLength(ParticipationsApi.MaxPerRequest)] IReadOnlyList<AttendanceMark>? Marks);

public sealed record CheckInRequest(bool Open, [property: Range(1, ParticipationsApi.MaxCheckInHours)] int? Hours);

public sealed record CheckInCodeRequest([property: StringLength(64)] string? Code);

/// <summary>The code the activity's QR code carries (null while closed) and until when it is open.</summary>
public sealed record CheckInView([property: StringLength(64)] string? Code, DateTimeOffset? OpenUntil);

public sealed record ParticipantView(
    Guid MemberId,
    [property: StringLength(MemberCopy.FullNameMaxLength)] string FullName,
    Guid UnitId,
    Attendance Attendance,
    bool WalkIn,
    DateTimeOffset? CheckedInAt,
    [property: Range(1, int.MaxValue)] int Version);

public sealed record MemberParticipationView(
    Guid ActivityId,
    [property: StringLength(ActivityLimits.TitleMaxLength)] string Title,
    [property: StringLength(50)] string Kind,
    DateOnly StartsOn,
    DateOnly EndsOn,
    [property: StringLength(300)] string OrganiserName,
    ActivityStatus Status,
    Attendance Attendance,
    bool WalkIn,
    DateTimeOffset? CheckedInAt);

/// <summary>How many took part in each way, after a change.</summary>
public sealed record AttendanceCounts(
    [property: Range(0, int.MaxValue)] int Registered,
    [property: Range(0, int.MaxValue)] int Attended,
    [property: Range(0, int.MaxValue)] int Absent,
    [property: Range(0, int.MaxValue)] int Excused,
    [property: Range(0, int.MaxValue)] int WalkIns)
{
    public static async Task<AttendanceCounts> OfAsync(ActivitiesDbContext db, Guid activityId, CancellationToken ct)
    {
        var rows = await db.Participations.Where(p => p.ActivityId == activityId).GroupBy(p => new { p.Attendance, p.WalkIn })
            .Select(g => new { g.Key.Attendance, g.Key.WalkIn, Count = g.Count() }).ToListAsync(ct);
        int Of(Attendance a) => rows.Where(r => r.Attendance == a).Sum(r => r.Count);
        return new(Of(Attendance.Registered), Of(Attendance.Attended), Of(Attendance.Absent), Of(Attendance.Excused), rows.Where(r => r.WalkIn).Sum(r => r.Count));
    }
}
