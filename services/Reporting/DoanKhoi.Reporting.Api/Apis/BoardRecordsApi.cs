using System.ComponentModel.DataAnnotations;
using DoanKhoi.Contracts.Activities;
using DoanKhoi.Contracts.Membership;
using DoanKhoi.Organisation;
using DoanKhoi.Files;
using DoanKhoi.Problems;
using DoanKhoi.Reporting.Domain;
using DoanKhoi.Reporting.Domain.Board;
using DoanKhoi.Reporting.Domain.Facts;
using DoanKhoi.Reporting.Domain.Programme;
using DoanKhoi.Reporting.Infrastructure;
using DoanKhoi.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Reporting.Apis;

/// <summary>What a figure of the board is made of: the activities, members, ideas or grades it counts, and
/// who is missing from a measure over each unit or cluster (or each member of a unit).</summary>
public static class BoardRecordsApi
{
    public static IEndpointRouteBuilder MapBoardRecordsApi(this IEndpointRouteBuilder app)
    {
        var measures = app.MapGroup("/board/measures").WithTags("Board").RequireAuthorization(Policies.Read);
        measures.MapGet("/{code}/records", ListRecords)
            .WithSummary("The records a measure's figure counts (activities with their amount, members, ideas, grades) at the bloc, a cluster or a unit, as of a day, a page at a time");
        measures.MapGet("/{code}/missing", ListMissing).WithMaxItems(OrganisationLimits.MaxOpenUnits)
            .WithSummary("Who has not reached a measure over each unit or cluster (or, with unitId, which of the unit's members has not), as of a day");
        measures.MapGet("/{code}/records/export", ExportRecords)
            .WithSummary($"The records a measure's figure counts as a spreadsheet (xlsx or csv), the first {MaxExportedRecords:N0}");
        measures.MapGet("/{code}/missing/export", ExportMissing).WithSummary("Who has not reached a measure, as a spreadsheet (xlsx or csv)");
        return app;
    }

    /// <summary>The most records a download holds (a bloc's whole year of activities is the API's, a page at a time).</summary>
    public const int MaxExportedRecords = 20_000;

    public static async Task<FileContentHttpResult> ExportRecords([StringLength(TargetProgramme.CodeMaxLength)] string code, Caller caller, ReportingDbContext db,
        ProgrammeStore programmes, TimeProvider clock, CancellationToken ct, [FromQuery, Range(2000, 2100)] int? year = null, [FromQuery] DateOnly? asOf = null,
        [FromQuery] Guid? clusterId = null, [FromQuery] Guid? unitId = null, [FromQuery, AllowedValues("xlsx", "csv")] string? format = null)
    {
        TableFile.CheckFormat(format);
        var (programme, day) = await BoardApi.ResolveAsync(db, programmes, clock, year, asOf, ct);
        var records = new List<BoardRecord>();
        for (var page = 1; records.Count < MaxExportedRecords; page++)
        {
            var list = (await ListRecords(code, caller, db, programmes, clock, ct, programme.Year, day, clusterId, unitId, page, Paging.MaxPageSize)).Value!;
            records.AddRange(list.Items);
            if (list.Items.Count < Paging.MaxPageSize) break;
        }
        string[] headers = ["Loại", "Tên", "Đơn vị", "Ngày", "Số lượng", "Xếp loại"];
        return TableFile.Result(format, headers, records.Take(MaxExportedRecords).Select(r => (object?[])[Kind(r.Kind), r.Name, r.UnitName,
                r.Day is { } d ? d.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) : null, r.Amount, GradeName(r.Grade)]),
            code, $"so-lieu-{code}-{programme.Year}-{day:dd-MM-yyyy}");
    }

    public static async Task<FileContentHttpResult> ExportMissing([StringLength(TargetProgramme.CodeMaxLength)] string code, Caller caller, ReportingDbContext db,
        ProgrammeStore programmes, BoardReader reader, TimeProvider clock, CancellationToken ct, [FromQuery, Range(2000, 2100)] int? year = null,
        [FromQuery] DateOnly? asOf = null, [FromQuery] Guid? clusterId = null, [FromQuery] Guid? unitId = null, [FromQuery, AllowedValues("xlsx", "csv")] string? format = null)
    {
        TableFile.CheckFormat(format);
        var (programme, day) = await BoardApi.ResolveAsync(db, programmes, clock, year, asOf, ct);
        var rows = (await ListMissing(code, caller, db, programmes, reader, clock, ct, programme.Year, day, clusterId, unitId)).Value!;
        return TableFile.Result(format, ["Loại", "Tên", "Đã đạt", "Cần đạt"], rows.Select(r => (object?[])[Kind(r.Kind), r.Name, r.Count, r.Threshold]),
            code, $"chua-dat-{code}-{programme.Year}-{day:dd-MM-yyyy}");
    }

    private static string? GradeName(Grade? grade) => grade switch
    {
        Grade.Excellent => "Hoàn thành xuất sắc nhiệm vụ",
        Grade.Good => "Hoàn thành tốt nhiệm vụ",
        Grade.Pass => "Hoàn thành nhiệm vụ",
        Grade.Fail => "Không hoàn thành nhiệm vụ",
        _ => null,
    };

    private static string Kind(string kind) => kind switch
    {
        "activity" => "Hoạt động",
        "member" => "Đoàn viên",
        "idea" => "Ý tưởng",
        "unit" => "Cơ sở Đoàn",
        "cluster" => "Cụm thi đua",
        "inspection" => "Cuộc kiểm tra, giám sát",
        "social-critique" => "Nội dung phản biện xã hội",
        _ => kind,
    };

    public static async Task<Ok<PagedList<BoardRecord>>> ListRecords([StringLength(TargetProgramme.CodeMaxLength)] string code, Caller caller, ReportingDbContext db, ProgrammeStore programmes, TimeProvider clock,
        CancellationToken ct, [FromQuery, Range(2000, 2100)] int? year = null, [FromQuery] DateOnly? asOf = null, [FromQuery] Guid? clusterId = null,
        [FromQuery] Guid? unitId = null, [FromQuery, Range(1, Paging.MaxPage)] int page = 1, [FromQuery, Range(1, Paging.MaxPageSize)] int pageSize = 50)
    {
        var errors = new FieldErrors();
        Paging.Check(errors, page, pageSize);
        errors.ThrowIfAny();
        var (programme, day) = await BoardApi.ResolveAsync(db, programmes, clock, year, asOf, ct);
        var measure = programme.Measure(code) ?? throw new NotFoundException("measure", code);
        var scope = await ScopeAsync(db, caller, clusterId, unitId, ct);
        var count = measure.Count;
        var (skip, take) = (Paging.Skip(page, pageSize), pageSize);

        switch (count.Source)
        {
            case FactSource.Activities or FactSource.Quantity:
            {
                var query = Activities(db, programme, count, day, scope).OrderBy(a => a.EndsOn).ThenBy(a => a.Id)
                    .Select(a => new ActivityRow(a.Id, a.Title, a.OrganiserLevel, a.OrganiserId, a.EndsOn, a.Quantities));
                List<ActivityRow> shown;
                int total;
                if (scope.Cluster is { } cluster)
                {
                    // A cluster's list keeps a unit's activity when the unit was in the cluster that day (a few hundred rows).
                    var kept = (await query.ToListAsync(ct))
                        .Where(a => a.OrganiserLevel == OrganiserLevel.Cluster || scope.ClusterOn(a.OrganiserId!.Value, a.EndsOn) == cluster).ToList();
                    (shown, total) = (kept.Skip(skip).Take(take).ToList(), kept.Count);
                }
                else (shown, total) = (await query.Skip(skip).Take(take).ToListAsync(ct), await query.CountAsync(ct));
                var names = await NamesAsync(db, shown.Select(a => a.OrganiserId), ct);
                return Page(shown.Select(a => new BoardRecord("activity", a.Id, a.Title, a.OrganiserId,
                    a.OrganiserId is { } o ? names.GetValueOrDefault(o) : "Đoàn Khối", a.EndsOn,
                    count.Source == FactSource.Quantity ? a.Quantities.GetValueOrDefault(count.Quantity!) : 1)).ToList(), total, page, pageSize);
            }
            case FactSource.Attendances:
            {
                var attended = Attended(db, programme, count, day, scope);
                var threshold = count.PerMember ?? 1;
                var members = attended.GroupBy(p => new { p.MemberId, p.UnitId })
                    .Select(g => new { g.Key.MemberId, g.Key.UnitId, Count = g.Select(p => p.ActivityId).Distinct().Count() })
                    .Where(m => m.Count >= threshold);
                var total = await members.CountAsync(ct);
                var rows = await members.Join(db.Members, m => m.MemberId, c => c.Id, (m, c) => new { m.MemberId, m.UnitId, m.Count, c.FullName, c.FullNameFolded })
                    .OrderBy(m => m.FullNameFolded).ThenBy(m => m.MemberId).Skip(skip).Take(take).ToListAsync(ct);
                var names = await NamesAsync(db, rows.Select(m => (Guid?)m.UnitId), ct);
                return Page(rows.Select(m => new BoardRecord("member", m.MemberId, m.FullName, m.UnitId, names.GetValueOrDefault(m.UnitId), null, m.Count)).ToList(), total, page, pageSize);
            }
            case FactSource.Ideas:
            {
                var ideas = db.Ideas.AsNoTracking().Where(i => i.Year == programme.Year && i.CountedOn != null && i.CountedOn <= day);
                ideas = scope.Unit is { } u ? ideas.Where(i => i.UnitId == u) : scope.Units is { } us ? ideas.Where(i => us.Contains(i.UnitId)) : ideas;
                var total = await ideas.CountAsync(ct);
                var rows = await ideas.OrderBy(i => i.CountedOn).ThenBy(i => i.Id).Skip(skip).Take(take).ToListAsync(ct);
                var names = await NamesAsync(db, rows.Select(i => (Guid?)i.UnitId), ct);
                return Page(rows.Select(i => new BoardRecord("idea", i.Id, i.Title, i.UnitId, names.GetValueOrDefault(i.UnitId), i.CountedOn, 1)).ToList(), total, page, pageSize);
            }
            case FactSource.Admissions or FactSource.PartyRecommendations:
            {
                var milestone = count.Source == FactSource.Admissions ? Milestone.Admitted : Milestone.RecommendedToParty;
                var rows = db.Milestones.AsNoTracking().Where(m => m.Milestone == milestone && m.EffectiveOn >= programme.StartsOn && m.EffectiveOn <= day);
                rows = scope.Unit is { } u ? rows.Where(m => m.UnitId == u) : scope.Units is { } us ? rows.Where(m => us.Contains(m.UnitId)) : rows;
                var total = await rows.CountAsync(ct);
                var list = await rows.OrderBy(m => m.EffectiveOn).ThenBy(m => m.MemberId)
                    .GroupJoin(db.Members, m => m.MemberId, c => c.Id, (m, c) => new { m, c })
                    .SelectMany(x => x.c.DefaultIfEmpty(), (x, c) => new { x.m.MemberId, x.m.UnitId, x.m.EffectiveOn, Name = c != null ? c.FullName : "" })
                    .Skip(skip).Take(take).ToListAsync(ct);
                var names = await NamesAsync(db, list.Select(m => (Guid?)m.UnitId), ct);
                return Page(list.Select(m => new BoardRecord("member", m.MemberId, m.Name, m.UnitId, names.GetValueOrDefault(m.UnitId), m.EffectiveOn, 1)).ToList(), total, page, pageSize);
            }
            case FactSource.MemberGrades:
            {
                var grades = Grades(count);
                var rows = db.MemberGrades.AsNoTracking().Where(g => g.Year == programme.Year && g.EffectiveOn <= day && grades.Contains(g.Grade));
                rows = scope.Unit is { } u ? rows.Where(g => g.UnitId == u) : scope.Units is { } us ? rows.Where(g => us.Contains(g.UnitId)) : rows;
                var total = await rows.CountAsync(ct);
                var list = await rows.GroupJoin(db.Members, g => g.MemberId, c => c.Id, (g, c) => new { g, c })
                    .SelectMany(x => x.c.DefaultIfEmpty(), (x, c) => new { x.g.MemberId, x.g.UnitId, x.g.EffectiveOn, x.g.Grade, Name = c != null ? c.FullName : "", Folded = c != null ? c.FullNameFolded : "" })
                    .OrderBy(m => m.Folded).ThenBy(m => m.MemberId).Skip(skip).Take(take).ToListAsync(ct);
                var names = await NamesAsync(db, list.Select(m => (Guid?)m.UnitId), ct);
                return Page(list.Select(m => new BoardRecord("member", m.MemberId, m.Name, m.UnitId, names.GetValueOrDefault(m.UnitId), m.EffectiveOn, 1, m.Grade)).ToList(), total, page, pageSize);
            }
            case FactSource.UnitGrades:
            {
                var grades = Grades(count);
                var rows = db.UnitGrades.AsNoTracking().Where(g => g.Year == programme.Year && g.EffectiveOn <= day && grades.Contains(g.Grade));
                rows = scope.Unit is { } u ? rows.Where(g => g.UnitId == u) : scope.Units is { } us ? rows.Where(g => us.Contains(g.UnitId)) : rows;
                var list = await rows.ToListAsync(ct);
                var names = await NamesAsync(db, list.Select(g => (Guid?)g.UnitId), ct);
                var ordered = list.OrderBy(g => names.GetValueOrDefault(g.UnitId) ?? "", StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false)).ToList();
                return Page(ordered.Skip(skip).Take(take).Select(g => new BoardRecord("unit", g.UnitId, names.GetValueOrDefault(g.UnitId) ?? "", g.UnitId,
                    names.GetValueOrDefault(g.UnitId), g.EffectiveOn, 1, g.Grade)).ToList(), ordered.Count, page, pageSize);
            }
            case FactSource.Inspections:
            {
                // The bloc's own (its inspection committee's): shown on the bloc's list, not a cluster's or a unit's.
                if (scope.Unit is not null || scope.Units is not null) return Page([], 0, page, pageSize);
                var rows = db.InspectionRecords.AsNoTracking().Where(r => r.Year == programme.Year && r.CountedOn != null && r.CountedOn <= day);
                if (count.InspectionKinds is { Count: > 0 } kinds) rows = rows.Where(r => kinds.Contains(r.Kind));
                var total = await rows.CountAsync(ct);
                var list = await rows.OrderBy(r => r.CountedOn).ThenBy(r => r.Id).Skip(skip).Take(take).ToListAsync(ct);
                return Page(list.Select(r => new BoardRecord(r.Kind == InspectionRecord.SocialCritique ? "social-critique" : "inspection", r.Id, r.Title, null,
                    "Đoàn Khối", r.CountedOn, 1)).ToList(), total, page, pageSize);
            }
            default:
                throw new DomainRuleException($"The measure {code} counts {count.Source}, which is not made of records to list.");
        }
    }

    public static async Task<Ok<List<MissingRow>>> ListMissing([StringLength(TargetProgramme.CodeMaxLength)] string code, Caller caller, ReportingDbContext db, ProgrammeStore programmes, BoardReader reader,
        TimeProvider clock, CancellationToken ct, [FromQuery, Range(2000, 2100)] int? year = null, [FromQuery] DateOnly? asOf = null,
        [FromQuery] Guid? clusterId = null, [FromQuery] Guid? unitId = null)
    {
        var (programme, day) = await BoardApi.ResolveAsync(db, programmes, clock, year, asOf, ct);
        var measure = programme.Measure(code) ?? throw new NotFoundException("measure", code);
        var scope = await ScopeAsync(db, caller, clusterId, unitId, ct);
        switch (measure.Each)
        {
            case Each.Unit:
            {
                var units = db.UnitsSeenBy(caller).AsNoTracking().Where(u => u.ClosedOn == null || u.ClosedOn > day);
                units = scope.Unit is { } one ? units.Where(u => u.Id == one) : scope.Units is { } us ? units.Where(u => us.Contains(u.Id)) : units;
                var list = await units.OrderBy(u => u.NameFolded).Select(u => new { u.Id, u.Name }).Take(OrganisationLimits.MaxOpenUnits).ToListAsync(ct);
                var sums = await reader.SumsOfAsync(programme, BoardLevel.Unit, [.. list.Select(u => u.Id)], day, ct);
                var quotas = measure.Quota == "ideas"
                    ? await db.IdeaQuotas.AsNoTracking().Where(q => q.Year == programme.Year).ToDictionaryAsync(q => q.UnitId, q => q.Count, ct) : [];
                return TypedResults.Ok(list
                    .Select(u => (u, sum: sums.GetValueOrDefault(u.Id)))
                    .Where(x => (x.sum?.GetValueOrDefault((code, TallyPart.Meeting)) ?? 0) <= 0)
                    .Select(x => new MissingRow("unit", x.u.Id, x.u.Name, x.sum?.GetValueOrDefault((code, TallyPart.Count)) ?? 0,
                        quotas.TryGetValue(x.u.Id, out var q) ? q : measure.AtLeast ?? 1)).ToList());
            }
            case Each.Cluster:
            {
                var clusters = await db.ClustersSeenBy(caller).AsNoTracking().OrderBy(c => c.Code).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
                var sums = await reader.SumsOfAsync(programme, BoardLevel.Cluster, [.. clusters.Select(c => c.Id)], day, ct);
                var threshold = measure.AtLeast ?? 1;
                return TypedResults.Ok(clusters.Select(c => new MissingRow("cluster", c.Id, c.Name, sums.GetValueOrDefault(c.Id)?.GetValueOrDefault((code, TallyPart.Count)) ?? 0, threshold))
                    .Where(r => r.Count < threshold).ToList());
            }
        }
        if (measure.Count is { Source: FactSource.Attendances, PerMember: { } perMember } count && scope.Unit is { } unit)
        {
            // The unit's members today who have not reached the count (a member's attendances are counted where they took part).
            var reached = await Attended(db, programme, count, day, scope).GroupBy(p => p.MemberId)
                .Select(g => new { MemberId = g.Key, Count = g.Select(p => p.ActivityId).Distinct().Count() }).ToDictionaryAsync(m => m.MemberId, m => m.Count, ct);
            var members = await db.Members.AsNoTracking().Where(m => m.UnitId == unit && (m.Status == MemberStatus.Active || m.Status == MemberStatus.InTransfer))
                .OrderBy(m => m.FullNameFolded).Select(m => new { m.Id, m.FullName }).Take(OrganisationLimits.MaxOpenUnits).ToListAsync(ct);
            return TypedResults.Ok(members.Select(m => new MissingRow("member", m.Id, m.FullName, reached.GetValueOrDefault(m.Id), perMember))
                .Where(r => r.Count < perMember).ToList());
        }
        throw new DomainRuleException($"The measure {code} is not reached by each unit, cluster or member: nobody is missing from it as such.");
    }

    private static IQueryable<ActivityRecord> Activities(ReportingDbContext db, TargetProgramme programme, FactCount count, DateOnly day, Scope scope)
    {
        // A quantity counts the activities that recorded some of it.
        var source = count.Source == FactSource.Quantity
            ? db.Activities.FromSql($"SELECT * FROM activity_records WHERE coalesce((quantities ->> {count.Quantity})::int, 0) > 0")
            : db.Activities;
        var query = source.AsNoTracking().Where(a => a.Year == programme.Year && a.Status == ActivityStatus.Held && a.EndsOn <= day);
        if (count.Kinds is { Count: > 0 } kinds) query = query.Where(a => kinds.Contains(a.Kind));
        if (count.Subtypes is { Count: > 0 } subtypes) query = query.Where(a => a.Subtype != null && subtypes.Contains(a.Subtype));
        if (count.Flags is { Count: > 0 } flags) query = query.Where(a => a.Flags.Any(f => flags.Contains(f)));
        if (count.Organisers is { Count: > 0 } organisers)
        {
            var levels = organisers.Select(o => Enum.Parse<OrganiserLevel>(o, ignoreCase: true)).ToList();
            query = query.Where(a => levels.Contains(a.OrganiserLevel));
        }
        if (scope.Unit is { } unit) return query.Where(a => a.OrganiserLevel == OrganiserLevel.Unit && a.OrganiserId == unit);
        if (scope.Cluster is { } cluster)
        {
            var units = scope.Units!;
            return query.Where(a => (a.OrganiserLevel == OrganiserLevel.Cluster && a.OrganiserId == cluster)
                                    || (a.OrganiserLevel == OrganiserLevel.Unit && units.Contains(a.OrganiserId!.Value)));
        }
        return query;
    }

    private static IQueryable<ParticipationRecord> Attended(ReportingDbContext db, TargetProgramme programme, FactCount count, DateOnly day, Scope scope)
    {
        var activities = Activities(db, programme, count, day, Scope.Bloc);
        var participations = db.Participations.AsNoTracking().Where(p => !p.Withdrawn && p.Attendance == Attendance.Attended);
        participations = scope.Unit is { } u ? participations.Where(p => p.UnitId == u)
            : scope.Units is { } us ? participations.Where(p => us.Contains(p.UnitId)) : participations;
        return participations.Where(p => activities.Any(a => a.Id == p.ActivityId));
    }

    private sealed record ActivityRow(Guid Id, string Title, OrganiserLevel OrganiserLevel, Guid? OrganiserId, DateOnly EndsOn, Dictionary<string, int> Quantities);

    /// <summary>The names of the units and clusters of one page.</summary>
    private static async Task<Dictionary<Guid, string>> NamesAsync(ReportingDbContext db, IEnumerable<Guid?> ids, CancellationToken ct)
    {
        var wanted = ids.OfType<Guid>().Distinct().ToArray();
        var names = await db.Units.AsNoTracking().Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        foreach (var c in await db.Clusters.AsNoTracking().Where(c => wanted.Contains(c.Id)).ToListAsync(ct)) names[c.Id] = c.Name;
        return names;
    }

    private static List<Grade> Grades(FactCount count) =>
        count.Grades is { Count: > 0 } names ? names.Select(g => Enum.Parse<Grade>(g, ignoreCase: true)).ToList() : [.. Enum.GetValues<Grade>()];

    private static Ok<PagedList<BoardRecord>> Page(List<BoardRecord> items, int total, int page, int pageSize) =>
        TypedResults.Ok(new PagedList<BoardRecord>(items, total, page, pageSize));

    /// <summary>Which part of the tree the list covers: the bloc, a cluster (the units ever in it, each
    /// fact kept when its unit was in the cluster that day) or a unit.</summary>
    private sealed record Scope(Guid? Cluster, Guid? Unit, Guid[]? Units, Dictionary<Guid, ClusterHistory>? Histories)
    {
        public static readonly Scope Bloc = new(null, null, null, null);

        public Guid ClusterOn(Guid unit, DateOnly day) => Histories?.GetValueOrDefault(unit)?.On(day) ?? Guid.Empty;
    }

    private static async Task<Scope> ScopeAsync(ReportingDbContext db, Caller caller, Guid? clusterId, Guid? unitId, CancellationToken ct)
    {
        if (clusterId is not null && unitId is not null) throw new ValidationFailedException("unitId", "Ask for a cluster or a unit, not both.");
        if (unitId is { } unit)
        {
            await db.EnsureSeesUnitAsync(caller, unit, ct);
            return new Scope(null, unit, [unit], null);
        }
        if (clusterId is { } cluster)
        {
            await db.EnsureSeesClusterAsync(caller, cluster, ct);
            var units = await db.UnitClusters.AsNoTracking().Where(r => r.ClusterId == cluster).Select(r => r.UnitId)
                .Union(db.Units.Where(u => u.ClusterId == cluster).Select(u => u.Id)).ToArrayAsync(ct);
            var records = await db.UnitClusters.AsNoTracking().Where(r => units.Contains(r.UnitId)).ToListAsync(ct);
            var current = await db.Units.AsNoTracking().Where(u => units.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.ClusterId, ct);
            var histories = units.ToDictionary(u => u, u => new ClusterHistory(records.Where(r => r.UnitId == u), current.GetValueOrDefault(u)));
            return new Scope(cluster, null, units, histories);
        }
        if (!caller.SeesWholeBloc)
            throw new ForbiddenException("The bloc's records are for the bloc's posts: choose your cluster or unit (clusterId, unitId).", "unitId");
        return Scope.Bloc;
    }
}

/// <summary>One record a figure counts: an activity (its amount, for a quantity), a member (how many
/// attendances, or their grade), an idea or a unit's grade; with the unit it counts for and its day.</summary>
public sealed record BoardRecord(
    [property: AllowedValues("activity", "member", "idea", "unit")] string Kind,
    Guid Id,
    [property: StringLength(300)] string Name,
    Guid? UnitId,
    [property: StringLength(OrganisationLimits.NameMaxLength)] string? UnitName,
    DateOnly? Day,
    long Amount,
    Grade? Grade = null);

/// <summary>A unit, cluster or member that has not reached a measure: its count and what it must reach.</summary>
public sealed record MissingRow(
    [property: AllowedValues("unit", "cluster", "member")] string Kind,
    Guid Id,
    [property: StringLength(OrganisationLimits.NameMaxLength)] string Name,
    long Count,
    long Threshold);
