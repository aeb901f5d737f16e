using System.ComponentModel.DataAnnotations;
using DoanKhoi.Contracts.Membership;
using DoanKhoi.Membership.Domain;
using DoanKhoi.Membership.Domain.Evaluations;
using DoanKhoi.Membership.Domain.Members;
using DoanKhoi.Membership.Infrastructure;
using DoanKhoi.Problems;
using DoanKhoi.Security;
using DoanKhoi.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Membership.Apis;

/// <summary>The yearly evaluation (đánh giá, xếp loại): a unit grades its members (a whole branch in one
/// request), the standing committee grades the units and closes the year, which locks its grades.</summary>
public static class EvaluationsApi
{
    public const int MaxGradesPerRequest = 500;
    private const string Locked = "The year's evaluation is closed (reopen it first), or a member is no longer one or joined after the year; `detail` says which, and `errors` names the grade (`grades[i].memberId`).";

    public static IEndpointRouteBuilder MapEvaluationsApi(this IEndpointRouteBuilder app)
    {
        var unit = app.MapGroup("/units/{unitId:guid}/evaluations/{year:int}").WithTags("Evaluations");
        unit.MapGet("/", GetUnitSheet).RequireAuthorization(Policies.Read)
            .WithSummary("A unit's evaluation for a year: its grade, its members' counts by grade, and who got which (for the unit's secretaries and the bloc's posts)");
        unit.MapPut("/members", GradeMembers).RequireAuthorization(Policies.Write).WithProblem(StatusCodes.Status422UnprocessableEntity, Locked)
            .WithSummary("Grade the unit's members for a year, many (a whole branch) in one request; all or none (the unit's secretary or the bloc office, never one's own)");

        app.MapGet("/members/{id:guid}/evaluations", GetMemberEvaluations).WithTags("Evaluations").RequireAuthorization(Policies.Read)
            .WithSummary("A member's grades, year by year (the member, the unit's secretaries, the bloc's posts)").WithMaxItems(100);

        var year = app.MapGroup("/evaluations/{year:int}").WithTags("Evaluations");
        year.MapGet("/", GetYear).RequireAuthorization(Policies.Read)
            .WithSummary("A year's evaluation: open or closed (its record), the units' grades and the counts of members and units by grade");
        year.MapPut("/units", GradeUnits).RequireAuthorization(Policies.Write).WithProblem(StatusCodes.Status422UnprocessableEntity, Locked)
            .WithSummary("Grade units for a year, many in one request; all or none (the standing committee)");
        year.MapPost("/close", Close).RequireAuthorization(Policies.Write).WithProblem(StatusCodes.Status422UnprocessableEntity, "The year is closed already.")
            .WithSummary("Close a year's evaluation: every grade of the year is locked (the standing committee)");
        year.MapPost("/reopen", Reopen).RequireAuthorization(Policies.Write).WithProblem(StatusCodes.Status422UnprocessableEntity, "The year is open.")
            .WithSummary("Reopen a closed year's evaluation, with the reason, on the year's record (the standing committee)");
        return app;
    }

    public static async Task<Ok<UnitEvaluationSheet>> GetUnitSheet(Guid unitId, int year, Caller caller, MembershipDbContext db, TimeProvider clock, CancellationToken ct,
        [FromQuery] Guid? branchId = null, [FromQuery, Range(1, Paging.MaxPage)] int page = 1, [FromQuery, Range(1, Paging.MaxPageSize)] int pageSize = Paging.MaxPageSize)
    {
        var errors = new FieldErrors();
        Paging.Check(errors, page, pageSize);
        errors.ThrowIfAny();
        EvaluationYear.EnsureEvaluable(year, VietnamTime.Today(clock));
        var unit = await db.Units.ReachableAsync(caller, db, unitId, ct);
        return TypedResults.Ok(await SheetAsync(db, caller, unit, year, branchId, page, pageSize, ct));
    }

    public static async Task<Ok<UnitEvaluationSheet>> GradeMembers(Guid unitId, int year, GradeMembersRequest request, Caller caller,
        MembershipDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var today = VietnamTime.Today(clock);
        EvaluationYear.EnsureEvaluable(year, today);
        var unit = await db.Units.ReachableAsync(caller, db, unitId, ct);
        caller.EnsureKeepsMembersOf(unit, "grade its members");
        var errors = new FieldErrors();
        var parsed = ParseGrades(request.Grades, errors, "member", g => g.MemberId, g => g.Grade, g => g.Note);
        foreach (var p in parsed) caller.EnsureNotOwnEvaluation(p.Id, $"grades[{p.Index}].memberId");

        var ids = parsed.Select(p => p.Id).ToList();
        var members = await db.Members.Where(m => ids.Contains(m.Id) && m.UnitId == unit.Id).ToDictionaryAsync(m => m.Id, ct);
        foreach (var p in parsed.Where(p => !members.ContainsKey(p.Id)))
            errors.Add($"grades[{p.Index}].memberId", $"There is no member with id '{p.Id}' in {unit.Name}; a unit grades its own members.");
        errors.ThrowIfAny();

        var evaluationYear = await YearAsync(db, year, today, ct);
        var existing = await db.MemberEvaluations.Where(e => e.Year == year && ids.Contains(e.MemberId)).ToDictionaryAsync(e => e.MemberId, ct);
        var decision = new Decision(today, caller.AuditName, clock.GetUtcNow());
        evaluationYear.EnsureOpen();
        Give(parsed, errors, "memberId", p =>
        {
            var (evaluation, changed) = MemberEvaluation.Give(evaluationYear, existing.GetValueOrDefault(p.Id), members[p.Id], p.Grade, p.Note, decision);
            if (changed && !existing.ContainsKey(p.Id)) db.MemberEvaluations.Add(evaluation);
        });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await SheetAsync(db, caller, unit, year, null, 1, Paging.MaxPageSize, ct));
    }

    public static async Task<Ok<IReadOnlyList<MemberGradeResponse>>> GetMemberEvaluations(Guid id, Caller caller, MembershipDbContext db, CancellationToken ct)
    {
        var (member, unit, _) = await MembersApi.LoadAsync(db, caller, id, ct);
        var branches = await db.Branches.Where(b => b.UnitId == unit.Id).Select(b => b.Id).ToListAsync(ct);
        if (!caller.IsMemberThemself(member.Id) && !caller.SeesGradesIn(unit.Id, branches))
            throw new ForbiddenException("A member's grades are for the member, their unit's secretaries and the bloc's posts; a cluster lead sees a unit's counts by grade.");
        var grades = await db.MemberEvaluations.AsNoTracking().Where(e => e.MemberId == id).OrderByDescending(e => e.Year).Take(100)
            .Select(e => new MemberGradeResponse(e.Year, e.Grade, e.Note, e.UnitId, db.Units.Where(u => u.Id == e.UnitId).Select(u => u.Name).First(),
                e.GradedBy, e.GradedAt, db.EvaluationYears.Any(y => y.Year == e.Year && y.IsClosed)))
            .ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<MemberGradeResponse>>(grades);
    }

    public static async Task<Ok<EvaluationYearResponse>> GetYear(int year, Caller caller, MembershipDbContext db, TimeProvider clock, CancellationToken ct)
    {
        EvaluationYear.EnsureEvaluable(year, VietnamTime.Today(clock));
        return TypedResults.Ok(await YearResponseAsync(db, caller, year, ct));
    }

    public static async Task<Ok<EvaluationYearResponse>> GradeUnits(int year, GradeUnitsRequest request, Caller caller, MembershipDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var today = VietnamTime.Today(clock);
        EvaluationYear.EnsureEvaluable(year, today);
        caller.EnsureStandingCommittee("grade the units");
        var errors = new FieldErrors();
        var parsed = ParseGrades(request.Grades, errors, "unit", g => g.UnitId, g => g.Grade, g => g.Note);
        var ids = parsed.Select(p => p.Id).ToList();
        var units = await db.Units.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        foreach (var p in parsed.Where(p => !units.ContainsKey(p.Id)))
            errors.Add($"grades[{p.Index}].unitId", $"There is no unit with id '{p.Id}' in the bloc.");
        errors.ThrowIfAny();

        var evaluationYear = await YearAsync(db, year, today, ct);
        var existing = await db.UnitEvaluations.Where(e => e.Year == year && ids.Contains(e.UnitId)).ToDictionaryAsync(e => e.UnitId, ct);
        var decision = new Decision(today, caller.AuditName, clock.GetUtcNow());
        evaluationYear.EnsureOpen();
        Give(parsed, errors, "unitId", p =>
        {
            var (evaluation, changed) = UnitEvaluation.Give(evaluationYear, existing.GetValueOrDefault(p.Id), units[p.Id], p.Grade, p.Note, decision);
            if (changed && !existing.ContainsKey(p.Id)) db.UnitEvaluations.Add(evaluation);
        });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await YearResponseAsync(db, caller, year, ct));
    }

    public static async Task<Ok<EvaluationYearResponse>> Close(int year, Caller caller, MembershipDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var today = VietnamTime.Today(clock);
        EvaluationYear.EnsureEvaluable(year, today);
        caller.EnsureStandingCommittee("close a year's evaluation");
        var evaluationYear = await YearAsync(db, year, today, ct);
        evaluationYear.Close(new Decision(today, caller.AuditName, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await YearResponseAsync(db, caller, year, ct));
    }

    public static async Task<Ok<EvaluationYearResponse>> Reopen(int year, ReopenYearRequest request, Caller caller, MembershipDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var today = VietnamTime.Today(clock);
        EvaluationYear.EnsureEvaluable(year, today);
        caller.EnsureStandingCommittee("reopen a year's evaluation");
        var evaluationYear = await YearAsync(db, year, today, ct);
        evaluationYear.Reopen(request.Reason, new Decision(today, caller.AuditName, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await YearResponseAsync(db, caller, year, ct));
    }

    /// <summary>A grade of a request, with its place in the request for the field names of what is wrong with it.</summary>
    private readonly record struct GivenGrade(int Index, Guid Id, Grade Grade, string? Note);

    /// <summary>The grades of a request (a member's or a unit's, the <paramref name="noun"/>), each checked: there
    /// is at least one and at most <see cref="MaxGradesPerRequest"/>, each names whom it grades, once, with one of
    /// the four grades. What is wrong goes to <paramref name="errors"/>, as <c>grades[i].…</c>.</summary>
    private static List<GivenGrade> ParseGrades<T>(IReadOnlyList<T>? requested, FieldErrors errors, string noun,
        Func<T, Guid?> idOf, Func<T, string?> gradeOf, Func<T, string?> noteOf)
    {
        var items = requested ?? [];
        var idField = noun + "Id";
        if (items.Count == 0) errors.Add("grades", $"Give at least one {noun}'s grade.");
        if (items.Count > MaxGradesPerRequest) errors.Add("grades", $"At most {MaxGradesPerRequest} grades in one request.");
        var parsed = new List<GivenGrade>();
        for (var i = 0; i < items.Count && items.Count <= MaxGradesPerRequest; i++)
        {
            var (item, index) = (items[i], i);
            var id = idOf(item);
            if (id is not { } given || given == Guid.Empty) errors.Add($"grades[{i}].{idField}", $"The {noun} is required.");
            var grade = errors.Check<Grade?>(() => ParseGrade(gradeOf(item), $"grades[{index}].grade"));
            if (id is { } twice && parsed.Any(p => p.Id == twice)) errors.Add($"grades[{i}].{idField}", $"This {noun} is graded twice in the request.");
            if (id is { } x && x != Guid.Empty && grade is { } g) parsed.Add(new GivenGrade(i, x, g, noteOf(item)));
        }
        return parsed;
    }

    /// <summary>Gives each grade; a field one gets wrong is reported on its <c>grades[i]</c>, and when any is,
    /// nothing is given. A rule one breaks (a member who left, or joined after the year) is refused (422)
    /// naming its <c>grades[i].</c><paramref name="idField"/>, so the sender knows which line to change.</summary>
    private static void Give(List<GivenGrade> parsed, FieldErrors errors, string idField, Action<GivenGrade> give)
    {
        foreach (var p in parsed)
        {
            try
            {
                give(p);
            }
            catch (ValidationFailedException e)
            {
                foreach (var (field, messages) in e.Texts)
                    foreach (var message in messages) errors.Add($"grades[{p.Index}].{field}", message);
            }
            catch (DomainRuleException e) when (e.Field is null)
            {
                throw e.Of($"grades[{p.Index}].{idField}");
            }
        }
        errors.ThrowIfAny();
    }

    public static Grade ParseGrade(string? text, string field) => VietnameseText.Fold(text ?? "").Replace(" ", "") switch
    {
        "excellent" or "hoanthanhxuatsacnhiemvu" or "xuatsac" => Grade.Excellent,
        "good" or "hoanthanhtotnhiemvu" or "tot" => Grade.Good,
        "pass" or "hoanthanhnhiemvu" => Grade.Pass,
        "fail" or "khonghoanthanhnhiemvu" => Grade.Fail,
        "" => throw new ValidationFailedException(field, "The grade is required: excellent, good, pass or fail."),
        _ => throw new ValidationFailedException(field, $"'{text}' is not a grade: use excellent, good, pass or fail (Hoàn thành xuất sắc / tốt / Hoàn thành / Không hoàn thành nhiệm vụ)."),
    };

    /// <summary>The year's evaluation, opened (tracked, saved with the change) the first time it is touched.</summary>
    private static async Task<EvaluationYear> YearAsync(MembershipDbContext db, int year, DateOnly today, CancellationToken ct)
    {
        if (await db.EvaluationYears.Include(y => y.Steps).FirstOrDefaultAsync(y => y.Year == year, ct) is { } found) return found;
        var opened = EvaluationYear.Open(year, today);
        db.EvaluationYears.Add(opened);
        return opened;
    }

    /// <summary>The unit's sheet: those who are its members now and joined by the year's end, and those it graded that year.</summary>
    private static async Task<UnitEvaluationSheet> SheetAsync(MembershipDbContext db, Caller caller, Unit unit, int year, Guid? branchId, int page, int pageSize, CancellationToken ct)
    {
        var yearEnd = new DateOnly(year, 12, 31);
        var evaluations = db.MemberEvaluations.AsNoTracking().Where(e => e.Year == year);
        var members = db.Members.AsNoTracking().Where(m =>
            (m.UnitId == unit.Id && (m.Status == MemberStatus.Active || m.Status == MemberStatus.InTransfer) && m.JoinedUnionOn <= yearEnd)
            || evaluations.Any(e => e.MemberId == m.Id && e.UnitId == unit.Id));
        if (branchId is { } branch) members = members.Where(m => m.BranchId == branch);
        var counts = await evaluations.Where(e => e.UnitId == unit.Id && (branchId == null || e.BranchId == branchId))
            .GroupBy(e => e.Grade).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var total = await members.CountAsync(ct);
        var branches = await db.Branches.AsNoTracking().Where(b => b.UnitId == unit.Id).ToDictionaryAsync(b => b.Id, b => b.Name, ct);
        PagedList<MemberGradeRow>? rows = null;
        if (caller.SeesGradesIn(unit.Id, branches.Keys))
        {
            var page_ = await members.OrderBy(m => m.FullNameFolded).ThenBy(m => m.Id).Skip(Paging.Skip(page, pageSize)).Take(pageSize)
                .Select(m => new { m.Id, m.FullName, m.BranchId, Evaluation = evaluations.FirstOrDefault(e => e.MemberId == m.Id) })
                .ToListAsync(ct);
            rows = new PagedList<MemberGradeRow>(page_.Select(r => new MemberGradeRow(
                r.Id, r.FullName, r.BranchId, r.BranchId is { } b ? branches.GetValueOrDefault(b) : null,
                r.Evaluation?.Grade, r.Evaluation?.Note, r.Evaluation?.GradedBy, r.Evaluation?.GradedAt)).ToList(), total, page, pageSize);
        }
        var unitGrade = await db.UnitEvaluations.AsNoTracking().FirstOrDefaultAsync(e => e.UnitId == unit.Id && e.Year == year, ct);
        var closed = await db.EvaluationYears.AnyAsync(y => y.Year == year && y.IsClosed, ct);
        return new UnitEvaluationSheet(year, closed, unit.Id, unit.Name, unitGrade?.Grade, unitGrade?.Note, total, GradeCounts.From(counts), rows);
    }

    private static async Task<EvaluationYearResponse> YearResponseAsync(MembershipDbContext db, Caller caller, int year, CancellationToken ct)
    {
        var found = await db.EvaluationYears.AsNoTracking().Include(y => y.Steps).FirstOrDefaultAsync(y => y.Year == year, ct);
        var units = db.Units.AsNoTracking().VisibleTo(caller, db);
        var unitRows = await units.OrderBy(u => u.NameFolded)
            .Select(u => new { u.Id, u.Name, u.ClusterId, Evaluation = db.UnitEvaluations.FirstOrDefault(e => e.UnitId == u.Id && e.Year == year) })
            .ToListAsync(ct);
        var memberCounts = await db.MemberEvaluations.AsNoTracking().Where(e => e.Year == year && units.Any(u => u.Id == e.UnitId))
            .GroupBy(e => e.Grade).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var unitCounts = unitRows.Where(r => r.Evaluation is not null).GroupBy(r => r.Evaluation!.Grade).ToDictionary(g => g.Key, g => g.Count());
        return new EvaluationYearResponse(
            year, found?.IsClosed ?? false, found?.ClosedOn, found?.ClosedBy,
            (found?.Steps ?? []).OrderBy(s => s.Version).Select(s => new EvaluationYearStepResponse(s.Change, s.Reason, s.By, s.At)).ToList(),
            GradeCounts.From(unitCounts), GradeCounts.From(memberCounts),
            unitRows.Select(r => new UnitGradeRow(r.Id, r.Name, r.ClusterId, r.Evaluation?.Grade, r.Evaluation?.Note, r.Evaluation?.GradedBy, r.Evaluation?.GradedAt)).ToList());
    }
}

public sealed record MemberGradeRequest(Guid? MemberId, [property: AllowedValues("excellent", "good", "pass", "fail")] string? Grade,
    [property: StringLength(MemberEvaluation.MaxNoteLength)] string? Note);

public sealed record GradeMembersRequest([property: MaxLength(EvaluationsApi.MaxGradesPerRequest)] IReadOnlyList<MemberGradeRequest>? Grades);

public sealed record UnitGradeRequest(Guid? UnitId, [property: AllowedValues("excellent", "good", "pass", "fail")] string? Grade,
    [property: StringLength(MemberEvaluation.MaxNoteLength)] string? Note);

public sealed record GradeUnitsRequest([property: MaxLength(EvaluationsApi.MaxGradesPerRequest)] IReadOnlyList<UnitGradeRequest>? Grades);

public sealed record ReopenYearRequest([property: StringLength(EvaluationYear.MaxReasonLength)] string? Reason);

/// <summary>How many got each grade.</summary>
public sealed record GradeCounts([property: Range(0, int.MaxValue)] int Excellent, [property: Range(0, int.MaxValue)] int Good,
    [property: Range(0, int.MaxValue)] int Pass, [property: Range(0, int.MaxValue)] int Fail)
{
    public static GradeCounts From(IReadOnlyDictionary<Grade, int> counts) =>
        new(counts.GetValueOrDefault(Grade.Excellent), counts.GetValueOrDefault(Grade.Good), counts.GetValueOrDefault(Grade.Pass), counts.GetValueOrDefault(Grade.Fail));
}

public sealed record MemberGradeRow(Guid MemberId, [property: StringLength(PersonName.MaxLength)] string FullName, Guid? BranchId,
    [property: StringLength(OrganisationName.MaxLength)] string? BranchName, Grade? Grade, [property: StringLength(MemberEvaluation.MaxNoteLength)] string? Note,
    [property: StringLength(MemberLimits.Actor)] string? GradedBy, DateTimeOffset? GradedAt);

/// <summary>A unit's evaluation for a year. <see cref="Members"/> is null for a caller who sees only the counts.</summary>
public sealed record UnitEvaluationSheet(int Year, bool Closed, Guid UnitId, [property: StringLength(OrganisationName.MaxLength)] string UnitName,
    Grade? UnitGrade, [property: StringLength(MemberEvaluation.MaxNoteLength)] string? UnitGradeNote, [property: Range(0, int.MaxValue)] int MemberCount,
    GradeCounts MemberGrades, PagedList<MemberGradeRow>? Members);

public sealed record MemberGradeResponse(int Year, Grade Grade, [property: StringLength(MemberEvaluation.MaxNoteLength)] string? Note, Guid UnitId,
    [property: StringLength(OrganisationName.MaxLength)] string UnitName, [property: StringLength(MemberLimits.Actor)] string GradedBy, DateTimeOffset GradedAt, bool YearClosed);

public sealed record UnitGradeRow(Guid UnitId, [property: StringLength(OrganisationName.MaxLength)] string UnitName, Guid ClusterId, Grade? Grade,
    [property: StringLength(MemberEvaluation.MaxNoteLength)] string? Note, [property: StringLength(MemberLimits.Actor)] string? GradedBy, DateTimeOffset? GradedAt);

public sealed record EvaluationYearStepResponse(EvaluationYearChange Change, [property: StringLength(EvaluationYear.MaxReasonLength)] string? Reason,
    [property: StringLength(MemberLimits.Actor)] string By, DateTimeOffset At);

/// <summary>A year's evaluation as the caller reaches it: the units they reach, the counts over those units.</summary>
public sealed record EvaluationYearResponse(int Year, bool Closed, DateOnly? ClosedOn, [property: StringLength(MemberLimits.Actor)] string? ClosedBy,
    [property: MaxLength(1000)] IReadOnlyList<EvaluationYearStepResponse> Record, GradeCounts UnitGrades, GradeCounts MemberGrades,
    [property: MaxLength(OrganisationLimits.MaxOpenUnits * 4)] IReadOnlyList<UnitGradeRow> Units);
