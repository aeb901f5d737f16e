using System.ComponentModel.DataAnnotations;
using DoanKhoi.Activities.Domain.Ideas;
using DoanKhoi.Activities.Infrastructure;
using DoanKhoi.Contracts.Activities;
using DoanKhoi.Contracts.Membership;
using DoanKhoi.OpenApi;
using DoanKhoi.Organisation;
using DoanKhoi.Problems;
using DoanKhoi.Security;
using DoanKhoi.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Activities.Apis;

/// <summary>Creative ideas (Tuổi trẻ sáng tạo, target K06): a unit submits its members' ideas posted on
/// ytuongsangtao.net, the bloc office reviews them with possible duplicates shown, sets each unit's quota.</summary>
public static class IdeasApi
{
    public const int MaxQuotasPerRequest = 200;

    public static IEndpointRouteBuilder MapIdeasApi(this IEndpointRouteBuilder app)
    {
        var ideas = app.MapGroup("/ideas").WithTags("Creative ideas").RequireAuthorization(Policies.Read);
        ideas.MapPost("/", Submit).RequireAuthorization(Policies.Write).WithSummary("Submit a unit's idea posted on ytuongsangtao.net (the unit's secretary or the bloc office)")
            .WithProblem(StatusCodes.Status422UnprocessableEntity, "An author is not a current member of the unit, or the unit is not in the organisation.");
        ideas.MapGet("/", List).WithSummary("The ideas the caller sees, with how many possible duplicates each has: by year, unit, status, text without diacritics");
        ideas.MapGet("/{id:guid}", Get).WithName(nameof(Get)).WithSummary("An idea, with its possible duplicates (the same link, or the same title ignoring diacritics, case and spacing)");
        ideas.MapPost("/{id:guid}/review", Review).RequireAuthorization(Policies.Write).WithSummary("Accept an idea, or reject it with a reason (the bloc office)")
            .WithProblem(StatusCodes.Status409Conflict, "Someone else changed the idea meanwhile: reload it and try again.")
            .WithProblem(StatusCodes.Status422UnprocessableEntity, "The idea is applied in practice already.");
        ideas.MapPost("/{id:guid}/applied", MarkApplied).RequireAuthorization(Policies.Write).WithSummary("Record that an accepted idea is applied in practice (its unit's secretary or the bloc office)")
            .WithProblem(StatusCodes.Status422UnprocessableEntity, "Only an accepted idea is applied.");
        ideas.MapGet("/quotas", ListQuotas).WithSummary("Each unit's quota of ideas for a year, with how many it submitted and had accepted")
            .WithMaxItems(OrganisationLimits.MaxOpenUnits);
        ideas.MapPut("/quotas", SetQuotas).RequireAuthorization(Policies.Write).WithSummary("Set units' quotas of ideas for a year (the bloc office)")
            .WithMaxItems(OrganisationLimits.MaxOpenUnits);
        return app;
    }

    public static async Task<CreatedAtRoute<IdeaView>> Submit(SubmitIdeaRequest request, Caller caller, ActivitiesDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (request.UnitId is not { } unitId || unitId == Guid.Empty) throw new ValidationFailedException("unitId", "Say which unit the idea is from.");
        if (!caller.IsBlocOffice && !caller.Posts.Contains(Post.OnUnit(unitId)))
            throw new ForbiddenException("Only the unit's secretary or the bloc office submits the unit's ideas.", "unitId");
        var now = clock.GetUtcNow();
        var idea = Idea.Submit(VietnamTime.Today(clock).Year, unitId, request.Title, request.Summary, request.Field, request.Link, request.AuthorIds, now);
        if (!await db.Units.AnyAsync(u => u.Id == unitId, ct))
            throw new DomainRuleException($"There is no unit with id '{unitId}' in the organisation (or membership has not told activities of it yet).");
        var authors = await db.Members.AsNoTracking().Where(m => idea.AuthorIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        for (var i = 0; i < idea.AuthorIds.Count; i++)
            if (!authors.TryGetValue(idea.AuthorIds[i], out var author) || !author.IsCurrent || author.UnitId != unitId)
                throw new DomainRuleException($"An author is not a current member of the unit: '{idea.AuthorIds[i]}'.").Of($"authorIds[{i}]");
        db.Ideas.Add(idea);
        await db.SaveChangesAsync(ct);
        return TypedResults.CreatedAtRoute(await IdeaView.FromAsync(idea, db, ct), nameof(Get), new { id = idea.Id });
    }

    public static async Task<Ok<PagedList<IdeaSummary>>> List(Caller caller, ActivitiesDbContext db, TimeProvider clock, CancellationToken ct,
        [FromQuery, Range(2000, 2100)] int? year = null, [FromQuery] Guid? unitId = null,
        [FromQuery, AllowedValues("submitted", "accepted", "rejected", "applied")] string? status = null,
        [FromQuery] bool duplicatesOnly = false,
        [FromQuery, StringLength(VietnameseText.MaxQueryLength)] string? q = null,
        [FromQuery, Range(1, Paging.MaxPage)] int page = 1, [FromQuery, Range(1, Paging.MaxPageSize)] int pageSize = 50)
    {
        var errors = new FieldErrors();
        errors.CheckLength("q", q, VietnameseText.MaxQueryLength);
        Paging.Check(errors, page, pageSize);
        var wanted = errors.Check(() => ParseStatus(status));
        errors.ThrowIfAny();

        var query = (await VisibleAsync(db, caller, ct)).Where(i => i.Year == (year ?? VietnamTime.Today(clock).Year));
        if (unitId is { } u) query = query.Where(i => i.UnitId == u);
        if (wanted is { } s) query = query.Where(i => i.Status == s);
        foreach (var pattern in VietnameseText.ContainsPatterns(q))
            query = query.Where(i => EF.Functions.Like(i.TitleKey, pattern));
        var counted = query.Select(i => new { Idea = i, Duplicates = db.Ideas.Count(o => o.Id != i.Id && (o.LinkKey == i.LinkKey || o.TitleKey == i.TitleKey)) });
        if (duplicatesOnly) counted = counted.Where(x => x.Duplicates > 0);
        var total = await counted.CountAsync(ct);
        var rows = await counted.OrderBy(x => x.Idea.SubmittedAt).ThenBy(x => x.Idea.Id).Skip(Paging.Skip(page, pageSize)).Take(pageSize).ToListAsync(ct);
        var names = await db.NodeNamesAsync(ct);
        return TypedResults.Ok(new PagedList<IdeaSummary>(rows.Select(x => new IdeaSummary(
            x.Idea.Id, x.Idea.Title, x.Idea.UnitId, names.GetValueOrDefault(x.Idea.UnitId, ""), x.Idea.Field, x.Idea.Link, x.Idea.Status,
            x.Duplicates, x.Idea.SubmittedAt, x.Idea.Version)).ToList(), total, page, pageSize));
    }

    public static async Task<Ok<IdeaView>> Get(Guid id, Caller caller, ActivitiesDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await IdeaView.FromAsync(await ReachableAsync(db, caller, id, ct), db, ct));

    public static async Task<Ok<IdeaView>> Review(Guid id, ReviewIdeaRequest request, Caller caller, ActivitiesDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var idea = await ReachableAsync(db, caller, id, ct, tracked: true);
        if (!caller.IsBlocOffice) throw new ForbiddenException("Only the bloc office (Văn phòng Đoàn Khối) reviews ideas.");
        var accept = request.Decision?.Trim().ToLowerInvariant() switch
        {
            "accept" => true,
            "reject" => false,
            _ => throw new ValidationFailedException("decision", $"'{request.Decision}' is not a decision: use accept or reject."),
        };
        idea.Review(accept, request.Reason, caller.AuditName, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await IdeaView.FromAsync(idea, db, ct));
    }

    public static async Task<Ok<IdeaView>> MarkApplied(Guid id, Caller caller, ActivitiesDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var idea = await ReachableAsync(db, caller, id, ct, tracked: true);
        if (!caller.IsBlocOffice && !caller.Posts.Contains(Post.OnUnit(idea.UnitId)))
            throw new ForbiddenException("Only the unit's secretary or the bloc office records that the unit's idea is applied.");
        idea.MarkApplied(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await IdeaView.FromAsync(idea, db, ct));
    }

    public static async Task<Ok<List<QuotaView>>> ListQuotas(Caller caller, ActivitiesDbContext db, TimeProvider clock, CancellationToken ct,
        [FromQuery, Range(2000, 2100)] int? year = null)
    {
        var y = year ?? VietnamTime.Today(clock).Year;
        var units = await db.Units.AsNoTracking().VisibleTo(caller, db).Where(u => u.Status == UnitStatus.Open)
            .OrderBy(u => u.NameFolded).Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        var ids = units.Select(u => u.Id).ToList();
        var quotas = await db.IdeaQuotas.AsNoTracking().Where(q => q.Year == y && ids.Contains(q.UnitId)).ToDictionaryAsync(q => q.UnitId, q => q.Count, ct);
        var counts = await db.Ideas.AsNoTracking().Where(i => i.Year == y && ids.Contains(i.UnitId)).GroupBy(i => i.UnitId)
            .Select(g => new { UnitId = g.Key, Submitted = g.Count(), Accepted = g.Count(i => i.Status == IdeaStatus.Accepted || i.Status == IdeaStatus.Applied) })
            .ToDictionaryAsync(c => c.UnitId, ct);
        return TypedResults.Ok(units.Select(u => new QuotaView(u.Id, u.Name, y, quotas.GetValueOrDefault(u.Id),
            counts.GetValueOrDefault(u.Id)?.Submitted ?? 0, counts.GetValueOrDefault(u.Id)?.Accepted ?? 0)).ToList());
    }

    public static async Task<Ok<List<QuotaView>>> SetQuotas(SetQuotasRequest request, Caller caller, ActivitiesDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (!caller.IsBlocOffice) throw new ForbiddenException("Only the bloc office (Văn phòng Đoàn Khối) sets the units' quotas of ideas.");
        var errors = new FieldErrors();
        if (request.Year is not (>= 2000 and <= 2100)) errors.Add("year", "The year is between 2000 and 2100.");
        var quotas = request.Quotas ?? [];
        if (quotas.Count > MaxQuotasPerRequest) errors.Add("quotas", $"At most {MaxQuotasPerRequest} quotas in one request; {quotas.Count} were sent.");
        var known = await db.Units.Select(u => u.Id).ToListAsync(ct);
        for (var i = 0; i < quotas.Count && i < MaxQuotasPerRequest; i++)
        {
            if (quotas[i].UnitId is not { } unit || !known.Contains(unit)) errors.Add($"quotas[{i}].unitId", $"There is no unit with id '{quotas[i].UnitId}' in the organisation.");
            if (quotas[i].Count is < 0 or > IdeaQuota.MaxCount) errors.Add($"quotas[{i}].count", $"A quota is between 0 and {IdeaQuota.MaxCount}.");
        }
        if (quotas.GroupBy(q => q.UnitId).Any(g => g.Count() > 1)) errors.Add("quotas", "A unit is given two quotas.");
        errors.ThrowIfAny();
        var year = request.Year!.Value;
        var existing = await db.IdeaQuotas.Where(q => q.Year == year).ToDictionaryAsync(q => q.UnitId, ct);
        foreach (var quota in quotas)
        {
            if (existing.TryGetValue(quota.UnitId!.Value, out var stored)) stored.Change(quota.Count, clock.GetUtcNow());
            else db.IdeaQuotas.Add(IdeaQuota.Set(year, quota.UnitId.Value, quota.Count, clock.GetUtcNow()));
        }
        await db.SaveChangesAsync(ct);
        return await ListQuotas(caller, db, clock, ct, year);
    }

    /// <summary>The bloc's posts see every idea; a cluster lead their units'; a secretary their unit's; a member the ideas they wrote.</summary>
    private static async Task<IQueryable<Idea>> VisibleAsync(ActivitiesDbContext db, Caller caller, CancellationToken ct, bool tracked = false)
    {
        var ideas = tracked ? db.Ideas : db.Ideas.AsNoTracking();
        if (caller.SeesWholeBloc) return ideas;
        var units = await db.Units.VisibleTo(caller, db).Select(u => u.Id).ToListAsync(ct);
        var members = caller.NodesOf(NodeKind.Member).ToList();
        return ideas.Where(i => units.Contains(i.UnitId) || i.AuthorIds.Any(a => members.Contains(a)));
    }

    private static async Task<Idea> ReachableAsync(ActivitiesDbContext db, Caller caller, Guid id, CancellationToken ct, bool tracked = false) =>
        await (await VisibleAsync(db, caller, ct, tracked)).FirstOrDefaultAsync(i => i.Id == id, ct)
        ?? (await db.Ideas.AnyAsync(i => i.Id == id, ct) ? throw new OutOfReachException("idea", id) : throw new NotFoundException("idea", id));

    private static IdeaStatus? ParseStatus(string? status) => status?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "submitted" => IdeaStatus.Submitted,
        "accepted" => IdeaStatus.Accepted,
        "rejected" => IdeaStatus.Rejected,
        "applied" => IdeaStatus.Applied,
        _ => throw new ValidationFailedException("status", $"'{status}' is not a status: use submitted, accepted, rejected or applied."),
    };
}

public sealed record SubmitIdeaRequest(
    Guid? UnitId,
    [property: StringLength(Idea.TitleMaxLength)] string? Title,
    [property: StringLength(Idea.SummaryMaxLength)] string? Summary,
    [property: AllowedValues("professional-work", "labour", "production", "union-work")] string? Field,
    [property: StringLength(Idea.LinkMaxLength)] string? Link,
    [property: MaxLength(Idea.MaxAuthors)] IReadOnlyList<Guid>? AuthorIds);

public sealed record ReviewIdeaRequest(
    [property: AllowedValues("accept", "reject")] string? Decision,
    [property: StringLength(Idea.ReasonMaxLength)] string? Reason);

public sealed record QuotaRequest(Guid? UnitId, [property: Range(0, IdeaQuota.MaxCount)] int Count);

public sealed record SetQuotasRequest([property: Range(2000, 2100)] int? Year, [property: MaxLength(IdeasApi.MaxQuotasPerRequest)] IReadOnlyList<QuotaRequest>? Quotas);

public sealed record QuotaView(
    Guid UnitId,
    [property: StringLength(OrganisationLimits.NameMaxLength)] string UnitName,
    [property: Range(2000, 2100)] int Year,
    [property: Range(0, IdeaQuota.MaxCount)] int Quota,
    [property: Range(0, int.MaxValue)] int Submitted,
    [property: Range(0, int.MaxValue)] int Accepted);

public sealed record IdeaSummary(
    Guid Id,
    [property: StringLength(Idea.TitleMaxLength)] string Title,
    Guid UnitId,
    [property: StringLength(OrganisationLimits.NameMaxLength)] string UnitName,
    [property: StringLength(50)] string Field,
    [property: StringLength(Idea.LinkMaxLength)] string Link,
    IdeaStatus Status,
    [property: Range(0, int.MaxValue)] int PossibleDuplicates,
    DateTimeOffset SubmittedAt,
    [property: Range(1, int.MaxValue)] int Version);

public sealed record IdeaView(
    Guid Id,
    [property: Range(2000, 2100)] int Year,
    Guid UnitId,
    [property: StringLength(OrganisationLimits.NameMaxLength)] string UnitName,
    [property: StringLength(Idea.TitleMaxLength)] string Title,
    [property: StringLength(Idea.SummaryMaxLength)] string Summary,
    [property: StringLength(50)] string Field,
    [property: StringLength(Idea.LinkMaxLength)] string Link,
    [property: MaxLength(Idea.MaxAuthors)] IReadOnlyList<IdeaAuthor> Authors,
    IdeaStatus Status,
    [property: StringLength(Idea.ReasonMaxLength)] string? RejectReason,
    [property: MaxLength(IdeaView.MaxDuplicatesShown)] IReadOnlyList<IdeaSummary> PossibleDuplicates,
    DateTimeOffset SubmittedAt,
    [property: Range(1, int.MaxValue)] int Version)
{
    public const int MaxDuplicatesShown = 20;

    public static async Task<IdeaView> FromAsync(Idea idea, ActivitiesDbContext db, CancellationToken ct)
    {
        var authors = await db.Members.AsNoTracking().Where(m => idea.AuthorIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.FullName, ct);
        var duplicates = await db.Ideas.AsNoTracking().Where(o => o.Id != idea.Id && (o.LinkKey == idea.LinkKey || o.TitleKey == idea.TitleKey))
            .OrderBy(o => o.SubmittedAt).Take(MaxDuplicatesShown).ToListAsync(ct);
        // Only the units this view names: the idea's and its possible duplicates'.
        var units = duplicates.Select(d => d.UnitId).Append(idea.UnitId).Distinct().ToList();
        var names = await db.Units.AsNoTracking().Where(u => units.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return new(idea.Id, idea.Year, idea.UnitId, names.GetValueOrDefault(idea.UnitId, ""), idea.Title, idea.Summary, idea.Field, idea.Link,
            idea.AuthorIds.Select(a => new IdeaAuthor(a, authors.GetValueOrDefault(a, ""))).ToList(), idea.Status, idea.RejectReason,
            duplicates.Select(d => new IdeaSummary(d.Id, d.Title, d.UnitId, names.GetValueOrDefault(d.UnitId, ""), d.Field, d.Link, d.Status, 0, d.SubmittedAt, d.Version)).ToList(),
            idea.SubmittedAt, idea.Version);
    }
}

public sealed record IdeaAuthor(Guid MemberId, [property: StringLength(MemberCopy.FullNameMaxLength)] string FullName);
