using System.ComponentModel.DataAnnotations;
using DoanKhoi.Inspection.Domain;
using DoanKhoi.Inspection.Domain.Supervision;
using DoanKhoi.Inspection.Infrastructure;
using DoanKhoi.Problems;
using DoanKhoi.Security;
using DoanKhoi.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Inspection.Apis;

public sealed record ReceiveCritiqueRequest(
    [property: StringLength(SocialCritique.DocumentMaxLength)] string? Document,
    [property: StringLength(SocialCritique.SenderMaxLength)] string? SentBy, DateOnly? ReceivedOn);

public sealed record CritiqueOpinionsRequest([property: StringLength(SocialCritique.OpinionsMaxLength)] string? Opinions, DateOnly? SentOn);

public sealed record CritiqueResponseRequest([property: StringLength(SocialCritique.OpinionsMaxLength)] string? Response, DateOnly? RespondedOn);

public sealed record SocialCritiqueView(
    Guid Id, int Year, [property: StringLength(SocialCritique.DocumentMaxLength)] string Document,
    [property: StringLength(SocialCritique.SenderMaxLength)] string SentBy, DateOnly ReceivedOn,
    [property: StringLength(SocialCritique.OpinionsMaxLength)] string? Opinions, DateOnly? OpinionsSentOn,
    [property: StringLength(SocialCritique.OpinionsMaxLength)] string? Response, DateOnly? ResponseOn, bool Withdrawn, int Version)
{
    public static SocialCritiqueView Of(SocialCritique s) =>
        new(s.Id, s.Year, s.Document, s.SentBy, s.ReceivedOn, s.Opinions, s.OpinionsSentOn, s.Response, s.ResponseOn, s.Withdrawn, s.Version);
}

public sealed record ForumOpinionRequest([property: StringLength(YouthForum.OpinionMaxLength)] string? Text, [property: StringLength(YouthForum.TopicMaxLength)] string? Topic);

public sealed record YouthForumRequest(
    [property: StringLength(YouthForum.TitleMaxLength)] string? Title, DateOnly? HeldOn, Guid? UnitId,
    [property: Range(0, YouthForum.MaxParticipants)] int? Participants,
    [property: MaxLength(YouthForum.MaxOpinions)] List<ForumOpinionRequest>? Opinions, Guid? InspectionId);

public sealed record YouthForumView(
    Guid Id, int Year, [property: StringLength(YouthForum.TitleMaxLength)] string Title, DateOnly HeldOn, Guid? UnitId, int Participants,
    Guid? InspectionId, [property: MaxLength(YouthForum.MaxOpinions)] IReadOnlyList<ForumOpinionView> Opinions, int Version)
{
    public static YouthForumView Of(YouthForum f) => new(f.Id, f.Year, f.Title, f.HeldOn, f.UnitId, f.Participants, f.InspectionId,
        f.Opinions.Select(o => new ForumOpinionView(o.Text, o.Topic)).ToList(), f.Version);
}

public sealed record ForumOpinionView([property: StringLength(YouthForum.OpinionMaxLength)] string Text, [property: StringLength(YouthForum.TopicMaxLength)] string? Topic);

/// <summary>Supervision input and social critique: the register of documents critiqued (K14) with the
/// opinions sent and the responses received, and the youth forums ("Tiếng nói thanh niên") with the
/// opinions heard, linked to the inspection or supervision they fed. Recorded by the inspection committee
/// or the bloc office; read by the bloc's posts (a forum, also by whoever sees the unit that held it).</summary>
public static class SupervisionApi
{
    /// <summary>The most items of a year a register lists (a bloc has a handful a year).</summary>
    public const int MaxPerYear = 1000;

    public static IEndpointRouteBuilder MapSupervisionApi(this IEndpointRouteBuilder app)
    {
        var critiques = app.MapGroup("/social-critiques").WithTags("Social critique").RequireAuthorization(Policies.Read);
        critiques.MapGet("/", ListCritiques).WithSummary("The register of social critique for a year (phản biện xã hội, K14)").WithMaxItems(MaxPerYear);
        critiques.MapGet("/{id:guid}", GetCritique).WithName("GetSocialCritique").WithSummary("A social-critique item");
        critiques.MapPost("/", Receive).RequireAuthorization(Policies.Write).WithSummary("Record a document received for critique (the inspection committee or the bloc office)");
        critiques.MapPost("/{id:guid}/opinions", SendOpinions).RequireAuthorization(Policies.Write)
            .WithSummary("Record the opinions the bloc sent and the day: from then on the item counts toward K14")
            .WithProblem(StatusCodes.Status422UnprocessableEntity, "The item was withdrawn.");
        critiques.MapPost("/{id:guid}/response", RecordResponse).RequireAuthorization(Policies.Write).WithSummary("Record the response received to the bloc's opinions")
            .WithProblem(StatusCodes.Status422UnprocessableEntity, "No opinions were sent yet, or the item was withdrawn.");
        critiques.MapPost("/{id:guid}/withdraw", Withdraw).RequireAuthorization(Policies.Write).WithSummary("Withdraw an item entered by mistake: it no longer counts")
            .WithProblem(StatusCodes.Status422UnprocessableEntity, "The item was withdrawn already.");

        var forums = app.MapGroup("/youth-forums").WithTags("Youth forums").RequireAuthorization(Policies.Read);
        forums.MapGet("/", ListForums).WithSummary("The youth forums of a year with the opinions heard").WithMaxItems(MaxPerYear);
        forums.MapGet("/{id:guid}", GetForum).WithName("GetYouthForum").WithSummary("A youth forum with the opinions heard");
        forums.MapPost("/", RecordForum).RequireAuthorization(Policies.Write).WithSummary("Record a youth forum held and the opinions heard (the inspection committee or the bloc office)");
        forums.MapPut("/{id:guid}", CorrectForum).RequireAuthorization(Policies.Write).WithSummary("Correct a youth forum, or link it to the inspection it fed")
            .WithProblem(StatusCodes.Status422UnprocessableEntity, "The inspection named was cancelled.");
        return app;
    }

    public static async Task<Ok<List<SocialCritiqueView>>> ListCritiques(Caller caller, InspectionDbContext db, TimeProvider clock, CancellationToken ct,
        [FromQuery, Range(2000, 2100)] int? year = null)
    {
        caller.EnsureReadsBlocRegisters();
        var y = year ?? VietnamTime.Today(clock).Year;
        var rows = await db.SocialCritiques.AsNoTracking().Where(s => s.Year == y).OrderBy(s => s.ReceivedOn).ThenBy(s => s.Id).Take(MaxPerYear).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(SocialCritiqueView.Of).ToList());
    }

    public static async Task<Ok<SocialCritiqueView>> GetCritique(Guid id, Caller caller, InspectionDbContext db, CancellationToken ct)
    {
        caller.EnsureReadsBlocRegisters();
        return TypedResults.Ok(SocialCritiqueView.Of(await db.SocialCritiques.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct)
                                              ?? throw new NotFoundException("social-critique item", id)));
    }

    public static async Task<CreatedAtRoute<SocialCritiqueView>> Receive(ReceiveCritiqueRequest request, Caller caller, InspectionDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        caller.EnsureRecordsSupervisionInput();
        var item = SocialCritique.Receive(request.Document, request.SentBy, request.ReceivedOn, VietnamTime.Today(clock), clock.GetUtcNow());
        db.SocialCritiques.Add(item);
        await db.SaveChangesAsync(ct);
        return TypedResults.CreatedAtRoute(SocialCritiqueView.Of(item), "GetSocialCritique", new { id = item.Id });
    }

    public static Task<Ok<SocialCritiqueView>> SendOpinions(Guid id, CritiqueOpinionsRequest request, Caller caller, InspectionDbContext db, TimeProvider clock,
        CancellationToken ct) =>
        ChangeCritiqueAsync(id, caller, db, ct, item => item.SendOpinions(request.Opinions, request.SentOn, VietnamTime.Today(clock), clock.GetUtcNow()));

    public static Task<Ok<SocialCritiqueView>> RecordResponse(Guid id, CritiqueResponseRequest request, Caller caller, InspectionDbContext db, TimeProvider clock,
        CancellationToken ct) =>
        ChangeCritiqueAsync(id, caller, db, ct, item => item.RecordResponse(request.Response, request.RespondedOn, VietnamTime.Today(clock), clock.GetUtcNow()));

    public static Task<Ok<SocialCritiqueView>> Withdraw(Guid id, Caller caller, InspectionDbContext db, TimeProvider clock, CancellationToken ct) =>
        ChangeCritiqueAsync(id, caller, db, ct, item => item.Withdraw(clock.GetUtcNow()));

    private static async Task<Ok<SocialCritiqueView>> ChangeCritiqueAsync(Guid id, Caller caller, InspectionDbContext db, CancellationToken ct,
        Action<SocialCritique> change)
    {
        var item = await db.SocialCritiques.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException("social-critique item", id);
        caller.EnsureRecordsSupervisionInput();
        change(item);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(SocialCritiqueView.Of(item));
    }

    public static async Task<Ok<List<YouthForumView>>> ListForums(Caller caller, InspectionDbContext db, TimeProvider clock, CancellationToken ct,
        [FromQuery, Range(2000, 2100)] int? year = null)
    {
        var y = year ?? VietnamTime.Today(clock).Year;
        var units = await caller.UnitsSeenAsync(db, ct);
        var query = db.YouthForums.AsNoTracking().Where(f => f.Year == y);
        if (units is not null) query = query.Where(f => f.UnitId == null || units.Contains(f.UnitId.Value));
        var rows = await query.OrderBy(f => f.HeldOn).ThenBy(f => f.Id).Take(MaxPerYear).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(YouthForumView.Of).ToList());
    }

    public static async Task<Ok<YouthForumView>> GetForum(Guid id, Caller caller, InspectionDbContext db, CancellationToken ct)
    {
        var forum = await db.YouthForums.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct) ?? throw new NotFoundException("youth forum", id);
        var units = await caller.UnitsSeenAsync(db, ct);
        if (units is not null && forum.UnitId is { } unit && !units.Contains(unit)) throw new OutOfReachException("youth forum", id);
        return TypedResults.Ok(YouthForumView.Of(forum));
    }

    public static async Task<CreatedAtRoute<YouthForumView>> RecordForum(YouthForumRequest request, Caller caller, InspectionDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        caller.EnsureRecordsSupervisionInput();
        await CheckUnitAsync(db, request.UnitId, ct);
        var forum = YouthForum.Record(request.Title, request.HeldOn, request.UnitId, request.Participants, Opinions(request), VietnamTime.Today(clock), clock.GetUtcNow());
        if (request.InspectionId is { } inspection) forum.LinkTo(await InspectionAsync(db, inspection, ct), clock.GetUtcNow());
        db.YouthForums.Add(forum);
        await db.SaveChangesAsync(ct);
        return TypedResults.CreatedAtRoute(YouthForumView.Of(forum), "GetYouthForum", new { id = forum.Id });
    }

    public static async Task<Ok<YouthForumView>> CorrectForum(Guid id, YouthForumRequest request, Caller caller, InspectionDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var forum = await db.YouthForums.FirstOrDefaultAsync(f => f.Id == id, ct) ?? throw new NotFoundException("youth forum", id);
        caller.EnsureRecordsSupervisionInput();
        await CheckUnitAsync(db, request.UnitId, ct);
        forum.Correct(request.Title, request.HeldOn, request.UnitId, request.Participants, Opinions(request), VietnamTime.Today(clock), clock.GetUtcNow());
        forum.LinkTo(request.InspectionId is { } inspection ? await InspectionAsync(db, inspection, ct) : null, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(YouthForumView.Of(forum));
    }

    private static List<OpinionInput> Opinions(YouthForumRequest request) => [.. (request.Opinions ?? []).Select(o => new OpinionInput(o.Text, o.Topic))];

    private static async Task CheckUnitAsync(InspectionDbContext db, Guid? unitId, CancellationToken ct)
    {
        if (unitId is { } unit && !await db.Units.AnyAsync(u => u.Id == unit, ct))
            throw new ValidationFailedException("unitId", $"There is no unit with id '{unit}'.");
    }

    private static async Task<Domain.Inspections.Inspection> InspectionAsync(InspectionDbContext db, Guid id, CancellationToken ct) =>
        await db.Inspections.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct)
        ?? throw new ValidationFailedException("inspectionId", $"There is no inspection with id '{id}'.");
}
