using System.ComponentModel.DataAnnotations;
using DoanKhoi.Activities.Domain;
using DoanKhoi.Activities.Domain.Activities;
using DoanKhoi.Activities.Domain.Programme;
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

/// <summary>Activities (hoạt động): planned on the calendar, held with what happened, or cancelled;
/// recorded once by the bloc, cluster or unit that organised them.</summary>
public static class ActivitiesApi
{
    private const string Cancelled = "The activity was cancelled: it can no longer change.";

    public static IEndpointRouteBuilder MapActivitiesApi(this IEndpointRouteBuilder app)
    {
        var activities = app.MapGroup("/activities").WithTags("Activities").RequireAuthorization(Policies.Read);
        activities.MapPost("/", PlanActivity).RequireAuthorization(Policies.Write)
            .WithSummary("Put an activity on the calendar (the bloc office for the bloc, a cluster lead for the cluster, a unit's secretary for the unit)")
            .WithProblem(StatusCodes.Status422UnprocessableEntity, "The organiser is not in the organisation (or membership has not told activities of it yet).");
        activities.MapGet("/", ListActivities).WithSummary("The activities the caller sees: by dates, status, kind, movement, organiser and text that ignores diacritics, by first day");
        activities.MapGet("/{id:guid}", GetActivity).WithName(nameof(GetActivity)).WithSummary("Get an activity");
        activities.MapPut("/{id:guid}", ChangeActivity).RequireAuthorization(Policies.Write).WithSummary("Change what an activity is: title, kind, dates, place, … (its organiser's keeper)")
            .WithProblem(StatusCodes.Status409Conflict, "Someone else changed the activity meanwhile: reload it and try again.")
            .WithProblem(StatusCodes.Status422UnprocessableEntity, Cancelled);
        activities.MapPut("/{id:guid}/outcome", RecordOutcome).RequireAuthorization(Policies.Write)
            .WithSummary("Record that the activity was held and what happened: quantities its kind records, flags, evidence (recording again corrects it)")
            .WithProblem(StatusCodes.Status409Conflict, "Someone else changed the activity meanwhile: reload it and try again.")
            .WithProblem(StatusCodes.Status422UnprocessableEntity, "The activity was cancelled, or has not started yet.");
        activities.MapPost("/{id:guid}/cancellation", CancelActivity).RequireAuthorization(Policies.Write).WithSummary("Cancel a planned activity, with the reason")
            .WithProblem(StatusCodes.Status409Conflict, "Someone else changed the activity meanwhile: reload it and try again.")
            .WithProblem(StatusCodes.Status422UnprocessableEntity, "The activity was held or cancelled already.");
        return app;
    }

    public static async Task<CreatedAtRoute<ActivityView>> PlanActivity(PlanActivityRequest request, Caller caller, ActivitiesDbContext db,
        ProgrammeCatalogue programme, TimeProvider clock, CancellationToken ct)
    {
        var organiser = ParseOrganiser(request.OrganiserLevel, request.OrganiserId);
        caller.EnsureKeeps(organiser);
        var details = ActivityDetails.Create(programme, request.Title, request.Movement, request.Programme, request.Kind, request.Subtype,
            request.BigActivity, request.CoOrganiserIds, request.StartsOn, request.EndsOn, request.Place, request.Note, request.Evidence);
        await EnsureInOrganisationAsync(db, organiser, details.CoOrganiserIds, ct);
        var activity = Activity.Plan(details, organiser, clock.GetUtcNow());
        db.Activities.Add(activity);
        await db.SaveChangesAsync(ct);
        return TypedResults.CreatedAtRoute(await ActivityView.FromAsync(activity, db, ct), nameof(GetActivity), new { id = activity.Id });
    }

    public static async Task<Ok<PagedList<ActivitySummary>>> ListActivities(Caller caller, ActivitiesDbContext db, CancellationToken ct,
        [FromQuery] DateOnly? from = null, [FromQuery] DateOnly? to = null,
        [FromQuery, AllowedValues("planned", "held", "cancelled")] string? status = null,
        [FromQuery, StringLength(ProgrammeYear.CodeMaxLength)] string? kind = null,
        [FromQuery, StringLength(ProgrammeYear.CodeMaxLength)] string? movement = null,
        [FromQuery] Guid? organiserId = null,
        [FromQuery, StringLength(VietnameseText.MaxQueryLength)] string? q = null,
        [FromQuery, Range(1, Paging.MaxPage)] int page = 1, [FromQuery, Range(1, Paging.MaxPageSize)] int pageSize = 50)
    {
        var errors = new FieldErrors();
        errors.CheckLength("q", q, VietnameseText.MaxQueryLength);
        Paging.Check(errors, page, pageSize);
        if (from > to) errors.Add("to", $"The end of the period ({to:dd/MM/yyyy}) is before its start ({from:dd/MM/yyyy}).");
        var wanted = errors.Check(() => ParseStatus(status));
        errors.ThrowIfAny();

        var query = await db.Activities.AsNoTracking().VisibleToAsync(caller, db, ct);
        if (from is { } f) query = query.Where(a => a.EndsOn >= f);
        if (to is { } t) query = query.Where(a => a.StartsOn <= t);
        if (wanted is { } s) query = query.Where(a => a.Status == s);
        if (!string.IsNullOrWhiteSpace(kind)) query = query.Where(a => a.Kind == kind);
        if (!string.IsNullOrWhiteSpace(movement)) query = query.Where(a => a.Movement == movement);
        if (organiserId is { } o) query = query.Where(a => a.OrganiserId == o);
        foreach (var pattern in VietnameseText.ContainsPatterns(q))
            query = query.Where(a => EF.Functions.Like(a.TitleFolded, pattern));
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(a => a.StartsOn).ThenBy(a => a.Id).Skip(Paging.Skip(page, pageSize)).Take(pageSize).ToListAsync(ct);
        var names = await db.NodeNamesAsync(ct);
        return TypedResults.Ok(new PagedList<ActivitySummary>(rows.Select(a => ActivitySummary.From(a, names)).ToList(), total, page, pageSize));
    }

    public static async Task<Ok<ActivityView>> GetActivity(Guid id, Caller caller, ActivitiesDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await ActivityView.FromAsync(await db.ReachableAsync(caller, id, ct), db, ct));

    public static async Task<Ok<ActivityView>> ChangeActivity(Guid id, ChangeActivityRequest request, Caller caller, ActivitiesDbContext db,
        ProgrammeCatalogue programme, TimeProvider clock, CancellationToken ct)
    {
        var activity = await db.ReachableAsync(caller, id, ct, tracked: true);
        caller.EnsureKeeps(new Organiser(activity.OrganiserLevel, activity.OrganiserId));
        var details = ActivityDetails.Create(programme, request.Title, request.Movement, request.Programme, request.Kind, request.Subtype,
            request.BigActivity, request.CoOrganiserIds, request.StartsOn, request.EndsOn, request.Place, request.Note, request.Evidence);
        await EnsureInOrganisationAsync(db, null, details.CoOrganiserIds, ct);
        activity.Change(details, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ActivityView.FromAsync(activity, db, ct));
    }

    public static async Task<Ok<ActivityView>> RecordOutcome(Guid id, OutcomeRequest request, Caller caller, ActivitiesDbContext db,
        ProgrammeCatalogue programme, TimeProvider clock, CancellationToken ct)
    {
        var activity = await db.ReachableAsync(caller, id, ct, tracked: true);
        caller.EnsureKeeps(new Organiser(activity.OrganiserLevel, activity.OrganiserId));
        var errors = new FieldErrors();
        var quantities = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < (request.Quantities?.Count ?? 0); i++)
        {
            var (code, value) = (request.Quantities![i].Code?.Trim() ?? "", request.Quantities[i].Value);
            if (code.Length == 0) errors.Add($"quantities[{i}].code", "Say which quantity, e.g. 'trees-planted'.");
            else if (!quantities.TryAdd(code, value)) errors.Add($"quantities[{i}].code", $"'{code}' is given twice.");
        }
        errors.ThrowIfAny();
        var outcome = ActivityOutcome.Create(quantities, request.Flags, request.Evidence, request.Note);
        activity.Hold(outcome, programme.For(activity.Year), VietnamTime.Today(clock), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ActivityView.FromAsync(activity, db, ct));
    }

    public static async Task<Ok<ActivityView>> CancelActivity(Guid id, CancelActivityRequest request, Caller caller, ActivitiesDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        var activity = await db.ReachableAsync(caller, id, ct, tracked: true);
        caller.EnsureKeeps(new Organiser(activity.OrganiserLevel, activity.OrganiserId));
        var reason = request.Reason is null ? "" : VietnameseText.Clean(request.Reason);
        var errors = new FieldErrors();
        if (reason.Length == 0) errors.Add("reason", "Say why the activity is cancelled.");
        errors.CheckLength("reason", reason, ActivityLimits.ReasonMaxLength);
        errors.ThrowIfAny();
        activity.Cancel(reason, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ActivityView.FromAsync(activity, db, ct));
    }

    private static Organiser ParseOrganiser(string? level, Guid? id)
    {
        var errors = new FieldErrors();
        Organiser? organiser = level?.Trim().ToLowerInvariant() switch
        {
            "bloc" => Organiser.Bloc,
            "cluster" or "unit" when id is null || id == Guid.Empty => null,
            "cluster" => new Organiser(OrganiserLevel.Cluster, id),
            "unit" => new Organiser(OrganiserLevel.Unit, id),
            _ => null,
        };
        if (organiser is null && level?.Trim().ToLowerInvariant() is "cluster" or "unit")
            errors.Add("organiserId", "Say which cluster or unit organises the activity.");
        else if (organiser is null)
            errors.Add("organiserLevel", $"'{level}' is not an organiser: use bloc, cluster or unit.");
        errors.ThrowIfAny();
        return organiser!;
    }

    private static ActivityStatus? ParseStatus(string? status) => status?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "planned" => ActivityStatus.Planned,
        "held" => ActivityStatus.Held,
        "cancelled" => ActivityStatus.Cancelled,
        _ => throw new ValidationFailedException("status", $"'{status}' is not a status: use planned, held or cancelled."),
    };

    /// <summary>The organiser and co-organisers must be clusters or units membership has told activities of.</summary>
    private static async Task EnsureInOrganisationAsync(ActivitiesDbContext db, Organiser? organiser, IReadOnlyList<Guid> coOrganisers, CancellationToken ct)
    {
        if (organiser is { Level: OrganiserLevel.Cluster, Id: { } cluster } && !await db.Clusters.AnyAsync(c => c.Id == cluster, ct))
            throw new DomainRuleException($"There is no cluster with id '{cluster}' in the organisation (or membership has not told activities of it yet).");
        if (organiser is { Level: OrganiserLevel.Unit, Id: { } unit } && !await db.Units.AnyAsync(u => u.Id == unit, ct))
            throw new DomainRuleException($"There is no unit with id '{unit}' in the organisation (or membership has not told activities of it yet).");
        var known = await db.Units.Where(u => coOrganisers.Contains(u.Id)).Select(u => u.Id)
            .Concat(db.Clusters.Where(c => coOrganisers.Contains(c.Id)).Select(c => c.Id)).ToListAsync(ct);
        var errors = new FieldErrors();
        for (var i = 0; i < coOrganisers.Count; i++)
            if (!known.Contains(coOrganisers[i]))
                errors.Add($"coOrganiserIds[{i}]", $"There is no cluster or unit with id '{coOrganisers[i]}' in the organisation.");
        errors.ThrowIfAny();
    }
}
