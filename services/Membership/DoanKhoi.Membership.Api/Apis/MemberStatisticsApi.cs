using System.ComponentModel.DataAnnotations;
using DoanKhoi.Contracts.Membership;
using DoanKhoi.Membership.Domain;
using DoanKhoi.Membership.Domain.Members;
using DoanKhoi.Membership.Infrastructure;
using DoanKhoi.Problems;
using DoanKhoi.Security;
using DoanKhoi.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Membership.Apis;

/// <summary>The figures the bloc office sends up the line: members by unit, cluster, gender, ethnicity,
/// age band and Party status; admissions and exits in a period; and the members turning 30, ahead of
/// time, for their secretary.</summary>
public static class MemberStatisticsApi
{
    public const int MaxRows = 1000;

    /// <summary>The age bands the statistics count in: the Union's 16 to 30, in three, and those past it (holding a post).</summary>
    public static readonly (string Key, int From, int To)[] AgeBands = [("16-20", 0, 20), ("21-25", 21, 25), ("26-30", 26, 30), ("over30", 31, 200)];

    public static IEndpointRouteBuilder MapMemberStatisticsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/members").WithTags("Member statistics").RequireAuthorization(Policies.Read);
        group.MapGet("/statistics", GetStatistics)
            .WithSummary("Members counted by unit, cluster, gender, ethnicity, age band or Party status (with the list's filters; `on` a past day); each row with its women, Party members, cadres and age bands");
        group.MapGet("/movements", GetMovements)
            .WithSummary("Admissions, transfers in and out, maturity and leaving, Party recommendations and admissions in a period, by unit or cluster");
        group.MapGet("/maturing", GetMaturing)
            .WithSummary("Members who turn 30 by a day (in six months when left out), oldest first, with the post that keeps one on until its term ends");
        return app;
    }

    public static async Task<Ok<MemberStatistics>> GetStatistics(Caller caller, MembershipDbContext db, TimeProvider clock, CancellationToken ct,
        [FromQuery, AllowedValues("cluster", "unit", "gender", "ethnicity", "ageBand", "partyStatus")] string? groupBy = null,
        [FromQuery] Guid? unitId = null, [FromQuery] Guid? branchId = null, [FromQuery] Guid? clusterId = null,
        [FromQuery, AllowedValues("current", "active", "inTransfer", "matured", "left", "all")] string? status = null,
        [FromQuery, AllowedValues("male", "female")] string? gender = null,
        [FromQuery, AllowedValues("none", "recommended", "partyMember")] string? partyStatus = null,
        [FromQuery] DateOnly? on = null)
    {
        var today = VietnamTime.Today(clock);
        var day = on ?? today;
        var by = (groupBy ?? "cluster").Trim();
        var errors = new FieldErrors();
        if (by is not ("cluster" or "unit" or "gender" or "ethnicity" or "ageBand" or "partyStatus"))
            errors.Add("groupBy", $"'{groupBy}' is not a grouping: use cluster, unit, gender, ethnicity, ageBand or partyStatus.");
        if (by == "ethnicity") caller.EnsureMayUseEthnicity(unitId, "groupBy", "Counting members by ethnicity");
        var filter = new MemberFilter(null, unitId, branchId, clusterId, status, gender, null, null, null, partyStatus, null) { On = on };
        var members = db.Members.AsNoTracking();
        var scope = on is null ? await MemberScope.OfAsync(caller, db, ct) : null;
        var query = filter.Apply(on is { } d ? members.VisibleOn(caller, db, d) : scope!.Apply(members), caller, db, today, errors);
        errors.ThrowIfAny();

        var withEthnicity = by == "ethnicity";
        var bands = new AgeBandLimits(day);
        // Today's figures (but by ethnicity or within a branch) add up the members' tallies, by month of birth;
        // the members born in a month an age band begins within, and those seen outside the caller's units
        // (in transfer to them), are counted one by one.
        var tallies = scope is null || withEthnicity ? null : filter.ApplyToTallies(scope.InUnits(db.MemberTallies.AsNoTracking()), db);
        List<Tally> rows;
        if (tallies is null) rows = await CountAsync(query, db, on, bands, withEthnicity, ct);
        else
        {
            var (a, b, c) = (bands.SplitMonth(bands.BornAfter20), bands.SplitMonth(bands.BornAfter25), bands.SplitMonth(bands.BornAfter30));
            rows = await tallies.Where(t => t.BornIn != a && t.BornIn != b && t.BornIn != c)
                .GroupBy(t => new
                {
                    t.UnitId, t.Gender, t.PartyStatus, t.IsCadre,
                    Band = t.BornIn > bands.BornAfter20 ? 0 : t.BornIn > bands.BornAfter25 ? 1 : t.BornIn > bands.BornAfter30 ? 2 : 3,
                })
                .Select(g => new Tally(g.Key.UnitId, g.Key.Gender, g.Key.PartyStatus, g.Key.IsCadre, g.Key.Band, "", g.Sum(t => t.Members)))
                .ToListAsync(ct);
            var (a1, b1, c1) = (a.AddMonths(1), b.AddMonths(1), c.AddMonths(1));
            var split = filter.Apply(scope!.InUnits(members), caller, db, today, new FieldErrors())
                .Where(m => (m.DateOfBirth >= a && m.DateOfBirth < a1) || (m.DateOfBirth >= b && m.DateOfBirth < b1) || (m.DateOfBirth >= c && m.DateOfBirth < c1));
            rows.AddRange(await CountAsync(split, db, null, bands, false, ct));
            if (scope.Others.Count > 0)
            {
                var others = scope.Others;
                rows.AddRange(await CountAsync(filter.Apply(members.Where(m => others.Contains(m.Id)), caller, db, today, new FieldErrors()), db, null, bands, false, ct));
            }
        }

        var unitIds = rows.Select(r => r.UnitId).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(x => unitIds.Contains(x.Id)).Select(x => new { x.Id, x.Name, x.ClusterId }).ToDictionaryAsync(x => x.Id, ct);
        var clusterIds = units.Values.Select(x => x.ClusterId).Distinct().ToList();
        var clusters = await db.Clusters.AsNoTracking().Where(c => clusterIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);

        (string Key, string Label) KeyOf(Tally t) => by switch
        {
            "unit" => (t.UnitId.ToString(), units[t.UnitId].Name),
            "gender" => (t.Gender == Gender.Male ? "male" : "female", t.Gender == Gender.Male ? "Nam" : "Nữ"),
            "ethnicity" => (t.Ethnicity, Ethnicity.ByCode(t.Ethnicity)?.Name ?? t.Ethnicity),
            "ageBand" => (AgeBands[t.Band].Key, AgeBands[t.Band].Key == "over30" ? "Trên 30" : $"{AgeBands[t.Band].Key} tuổi"),
            "partyStatus" => (PartyKey(t.PartyStatus), t.PartyStatus switch { PartyStatus.PartyMember => "Đảng viên", PartyStatus.Recommended => "Đã giới thiệu cho Đảng", _ => "Chưa là Đảng viên" }),
            _ => (units[t.UnitId].ClusterId.ToString(), clusters.GetValueOrDefault(units[t.UnitId].ClusterId, "")),
        };

        var grouped = rows.GroupBy(KeyOf).Select(g => StatisticsRow.Of(g.Key.Key, g.Key.Label, g.ToList()))
            .OrderBy(r => by is "cluster" or "unit" or "ethnicity" ? VietnameseText.Fold(r.Label) : r.Key, StringComparer.Ordinal).Take(MaxRows).ToList();
        return TypedResults.Ok(new MemberStatistics(by, day, StatisticsRow.Of("total", "Tổng số", rows), grouped));
    }

    public static async Task<Ok<MemberMovements>> GetMovements(Caller caller, MembershipDbContext db, TimeProvider clock, CancellationToken ct,
        [FromQuery] DateOnly? from = null, [FromQuery] DateOnly? to = null,
        [FromQuery, AllowedValues("cluster", "unit")] string? groupBy = null, [FromQuery] Guid? clusterId = null, [FromQuery] Guid? unitId = null)
    {
        var today = VietnamTime.Today(clock);
        var first = from ?? new DateOnly(today.Year, 1, 1);
        var last = to ?? today;
        var by = (groupBy ?? "unit").Trim();
        var errors = new FieldErrors();
        if (last < first) errors.Add("to", $"The period ends ({last:dd/MM/yyyy}) before it begins ({first:dd/MM/yyyy}).");
        if (by is not ("cluster" or "unit")) errors.Add("groupBy", $"'{groupBy}' is not a grouping: use unit or cluster.");
        errors.ThrowIfAny();

        var units = db.Units.AsNoTracking().VisibleTo(caller, db);
        if (clusterId is { } c) units = units.Where(x => x.ClusterId == c);
        if (unitId is { } u) units = units.Where(x => x.Id == u);
        var unitList = await units.Select(x => new { x.Id, x.Name, x.ClusterId }).ToListAsync(ct);
        var ids = unitList.Select(x => x.Id).ToList();

        var admitted = await db.Members.Where(m => m.AdmissionResolution != null && m.AdmittingUnitId != null && ids.Contains(m.AdmittingUnitId.Value)
                && m.JoinedUnionOn >= first && m.JoinedUnionOn <= last)
            .GroupBy(m => m.AdmittingUnitId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var accepted = db.Transfers.Where(t => t.Status == TransferStatus.Accepted && t.DecidedOn >= first && t.DecidedOn <= last);
        var transferredIn = await accepted.Where(t => ids.Contains(t.ToUnitId!.Value)).GroupBy(t => t.ToUnitId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var transferredOut = await accepted.Where(t => ids.Contains(t.FromUnitId)).GroupBy(t => t.FromUnitId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var ended = await db.Members.Where(m => ids.Contains(m.UnitId) && m.LeftOn >= first && m.LeftOn <= last)
            .GroupBy(m => new { m.UnitId, m.Status }).Select(g => new { g.Key.UnitId, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        var party = await db.Members.Where(m => ids.Contains(m.UnitId))
            .SelectMany(m => m.History.Where(h => h.EffectiveOn >= first && h.EffectiveOn <= last
                && (h.Change == MemberChange.RecommendedToParty || h.Change == MemberChange.AdmittedToParty)).Select(h => new { m.UnitId, h.Change }))
            .GroupBy(x => new { x.UnitId, x.Change }).Select(g => new { g.Key.UnitId, g.Key.Change, Count = g.Count() }).ToListAsync(ct);

        MovementRow RowOf(string key, string label, IReadOnlyCollection<Guid> of) => new(key, label,
            of.Sum(admitted.GetValueOrDefault), of.Sum(transferredIn.GetValueOrDefault), of.Sum(transferredOut.GetValueOrDefault),
            ended.Where(e => of.Contains(e.UnitId) && e.Status == MemberStatus.Matured).Sum(e => e.Count),
            ended.Where(e => of.Contains(e.UnitId) && e.Status == MemberStatus.Left).Sum(e => e.Count),
            party.Where(p => of.Contains(p.UnitId) && p.Change == MemberChange.RecommendedToParty).Sum(p => p.Count),
            party.Where(p => of.Contains(p.UnitId) && p.Change == MemberChange.AdmittedToParty).Sum(p => p.Count));

        List<MovementRow> rows;
        if (by == "unit")
            rows = unitList.OrderBy(x => VietnameseText.Fold(x.Name), StringComparer.Ordinal).Select(x => RowOf(x.Id.ToString(), x.Name, [x.Id])).ToList();
        else
        {
            var clusterIds = unitList.Select(x => x.ClusterId).Distinct().ToList();
            var names = await db.Clusters.AsNoTracking().Where(x => clusterIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
            rows = unitList.GroupBy(x => x.ClusterId).OrderBy(g => VietnameseText.Fold(names[g.Key]), StringComparer.Ordinal)
                .Select(g => RowOf(g.Key.ToString(), names[g.Key], g.Select(x => x.Id).ToList())).ToList();
        }
        return TypedResults.Ok(new MemberMovements(by, first, last, RowOf("total", "Tổng số", ids), rows));
    }

    public static async Task<Ok<PagedList<MaturingMember>>> GetMaturing(Caller caller, MembershipDbContext db, TimeProvider clock, CancellationToken ct,
        [FromQuery] DateOnly? by = null, [FromQuery] Guid? unitId = null,
        [FromQuery, Range(1, Paging.MaxPage)] int page = 1, [FromQuery, Range(1, Paging.MaxPageSize)] int pageSize = 50)
    {
        var today = VietnamTime.Today(clock);
        var until = by ?? today.AddMonths(6);
        var errors = new FieldErrors();
        Paging.Check(errors, page, pageSize);
        if (until < today) errors.Add("by", $"The list looks ahead: a day from today ({today:dd/MM/yyyy}) on.");
        errors.ThrowIfAny();
        // Past 30 on `until` means born on or before this day, 31 years earlier.
        var bornBy = until.AddYears(-(UnionAge.Maximum + 1));
        var scope = await MemberScope.OfAsync(caller, db, ct);
        var query = scope.Apply(db.Members.AsNoTracking()).Where(m => m.Status == MemberStatus.Active && m.DateOfBirth <= bornBy);
        if (unitId is { } u) query = query.Where(m => m.UnitId == u);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(m => m.DateOfBirth).ThenBy(m => m.FullNameFolded).Skip(Paging.Skip(page, pageSize)).Take(pageSize)
            .Select(m => new { Member = m, m.Posts, Unit = db.Units.Where(x => x.Id == m.UnitId).Select(x => x.Name).First() }).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<MaturingMember>(rows.Select(r =>
        {
            var maturesOn = UnionAge.PastMaximum(r.Member.DateOfBirth);
            var post = r.Posts.FirstOrDefault(p => p.Covers(maturesOn > today ? maturesOn : today));
            return new MaturingMember(r.Member.Id, r.Member.FullName, r.Member.DateOfBirth, maturesOn, r.Member.UnitId, r.Unit,
                post?.Post, post?.To, post is null ? maturesOn : post.To?.AddDays(1));
        }).ToList(), total, page, pageSize));
    }

    /// <summary>Counts the members one by one: by the unit (of the day asked), gender, Party status, cadre,
    /// age band, and the ethnicity only when counted by it.</summary>
    private static async Task<List<Tally>> CountAsync(IQueryable<Member> query, MembershipDbContext db, DateOnly? on, AgeBandLimits bands,
        bool withEthnicity, CancellationToken ct)
    {
        var facts = on is not { } day
            ? query.Select(m => new Facts { UnitId = m.UnitId, Gender = m.Gender, PartyStatus = m.PartyStatus, IsCadre = m.IsCadre, DateOfBirth = m.DateOfBirth, Ethnicity = withEthnicity ? m.EthnicityCode : "" })
            : query.Select(m => new Facts
            {
                UnitId = db.MemberPlacements.Where(p => p.MemberId == m.Id && p.From <= day && (p.To == null || p.To > day)).Select(p => p.UnitId).First(),
                Gender = m.Gender, PartyStatus = m.PartyStatus, IsCadre = m.IsCadre, DateOfBirth = m.DateOfBirth, Ethnicity = withEthnicity ? m.EthnicityCode : "",
            });
        return await facts
            .GroupBy(x => new
            {
                x.UnitId, x.Gender, x.PartyStatus, x.IsCadre, x.Ethnicity,
                Band = x.DateOfBirth > bands.BornAfter20 ? 0 : x.DateOfBirth > bands.BornAfter25 ? 1 : x.DateOfBirth > bands.BornAfter30 ? 2 : 3,
            })
            .Select(g => new Tally(g.Key.UnitId, g.Key.Gender, g.Key.PartyStatus, g.Key.IsCadre, g.Key.Band, g.Key.Ethnicity, g.Count()))
            .ToListAsync(ct);
    }

    /// <summary>Where the age bands part on a day: born after <see cref="BornAfter20"/> is 20 or younger, and so on.</summary>
    private sealed record AgeBandLimits(DateOnly Day)
    {
        public DateOnly BornAfter20 { get; } = Day.AddYears(-(AgeBands[0].To + 1));
        public DateOnly BornAfter25 { get; } = Day.AddYears(-(AgeBands[1].To + 1));
        public DateOnly BornAfter30 { get; } = Day.AddYears(-(AgeBands[2].To + 1));

        /// <summary>The first day of the month a limit falls in: its members are on both sides of it.</summary>
        public DateOnly SplitMonth(DateOnly limit) => new(limit.Year, limit.Month, 1);
    }

    private static string PartyKey(PartyStatus status) => status switch
    {
        PartyStatus.PartyMember => "partyMember",
        PartyStatus.Recommended => "recommended",
        _ => "none",
    };

    /// <summary>What the statistics count of one member (an initialiser, so that the database groups by it).</summary>
    private sealed class Facts
    {
        public Guid UnitId { get; init; }
        public Gender Gender { get; init; }
        public PartyStatus PartyStatus { get; init; }
        public bool IsCadre { get; init; }
        public DateOnly DateOfBirth { get; init; }
        public string Ethnicity { get; init; } = "";
    }

    internal sealed record Tally(Guid UnitId, Gender Gender, PartyStatus PartyStatus, bool IsCadre, int Band, string Ethnicity, int Count);
}

/// <summary>One row of the statistics: the members counted, and among them women, Party members,
/// those recommended to the Party, Union cadres, and each age band.</summary>
public sealed record StatisticsRow(
    [property: StringLength(100)] string Key, [property: StringLength(OrganisationName.MaxLength)] string Label,
    [property: Range(0, int.MaxValue)] int Members, [property: Range(0, int.MaxValue)] int Women, [property: Range(0, int.MaxValue)] int PartyMembers,
    [property: Range(0, int.MaxValue)] int RecommendedToParty, [property: Range(0, int.MaxValue)] int Cadres,
    [property: Range(0, int.MaxValue)] int Aged16To20, [property: Range(0, int.MaxValue)] int Aged21To25,
    [property: Range(0, int.MaxValue)] int Aged26To30, [property: Range(0, int.MaxValue)] int AgedOver30)
{
    internal static StatisticsRow Of(string key, string label, IReadOnlyCollection<MemberStatisticsApi.Tally> t) => new(key, label,
        t.Sum(x => x.Count), t.Where(x => x.Gender == Gender.Female).Sum(x => x.Count),
        t.Where(x => x.PartyStatus == PartyStatus.PartyMember).Sum(x => x.Count), t.Where(x => x.PartyStatus == PartyStatus.Recommended).Sum(x => x.Count),
        t.Where(x => x.IsCadre).Sum(x => x.Count),
        t.Where(x => x.Band == 0).Sum(x => x.Count), t.Where(x => x.Band == 1).Sum(x => x.Count),
        t.Where(x => x.Band == 2).Sum(x => x.Count), t.Where(x => x.Band == 3).Sum(x => x.Count));
}

public sealed record MemberStatistics([property: StringLength(20)] string GroupBy, DateOnly On, StatisticsRow Total,
    [property: MaxLength(MemberStatisticsApi.MaxRows)] IReadOnlyList<StatisticsRow> Rows);

/// <summary>What happened to the rolls in a period, for a unit or a cluster.</summary>
public sealed record MovementRow(
    [property: StringLength(100)] string Key, [property: StringLength(OrganisationName.MaxLength)] string Label,
    [property: Range(0, int.MaxValue)] int Admitted, [property: Range(0, int.MaxValue)] int TransferredIn, [property: Range(0, int.MaxValue)] int TransferredOut,
    [property: Range(0, int.MaxValue)] int Matured, [property: Range(0, int.MaxValue)] int Left,
    [property: Range(0, int.MaxValue)] int RecommendedToParty, [property: Range(0, int.MaxValue)] int AdmittedToParty);

public sealed record MemberMovements([property: StringLength(20)] string GroupBy, DateOnly From, DateOnly To, MovementRow Total,
    [property: MaxLength(MemberStatisticsApi.MaxRows)] IReadOnlyList<MovementRow> Rows);

/// <summary>A member past 30 on <see cref="MaturesOn"/>; one holding a post stays until its term ends
/// (<see cref="MayMatureFrom"/> is then the day after; null while the term has no end).</summary>
public sealed record MaturingMember(Guid MemberId, [property: StringLength(PersonName.MaxLength)] string FullName, DateOnly DateOfBirth, DateOnly MaturesOn,
    Guid UnitId, [property: StringLength(OrganisationName.MaxLength)] string UnitName, UnionPost? Post, DateOnly? PostEndsOn, DateOnly? MayMatureFrom);
