using System.ComponentModel.DataAnnotations;
using DoanKhoi.Contracts.Membership;
using DoanKhoi.Inspection.Domain;
using DoanKhoi.Inspection.Domain.Recommendations;
using DoanKhoi.Inspection.Infrastructure;
using DoanKhoi.Organisation;
using DoanKhoi.Problems;
using DoanKhoi.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Inspection.Apis;

public sealed record ReminderView(
    Guid Id, Guid RecommendationId, EscalationStage Stage, Guid UnitId, [property: StringLength(300)] string UnitName,
    [property: StringLength(Recommendation.ActionMaxLength)] string Action, DateOnly DueOn, DateTimeOffset CreatedAt, bool Emailed);

public sealed record StandingView(
    Guid UnitId, [property: StringLength(300)] string UnitName, int OpenSeriousFindings, int OverdueRecommendations, int OpenRecommendations, DateOnly AsOf);

public sealed record ContactRequest([property: StringLength(FollowUpReminder.EmailMaxLength)] string? Email);

public sealed record ContactView(Guid NodeId, [property: StringLength(FollowUpReminder.EmailMaxLength)] string Email);

/// <summary>What the follow-up makes felt: the reminders each post received (a secretary's for their
/// unit, a cluster lead's for the cluster's units, the bloc office's), each unit's standing (its open
/// serious findings and overdue recommendations), and where a post's reminders are e-mailed.</summary>
public static class FollowUpApi
{
    public const int MaxReminders = 200;

    public static IEndpointRouteBuilder MapFollowUpApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/").WithTags("Follow-up").RequireAuthorization(Policies.Read);
        group.MapGet("/reminders", Reminders).WithSummary("The reminders of recommendations not done that reached the caller's posts, newest first")
            .WithMaxItems(MaxReminders);
        group.MapGet("/standing", Standing)
            .WithSummary("Each unit the caller sees with what weighs on it after inspections: open serious findings, overdue and open recommendations (units with none are left out)")
            .WithMaxItems(OrganisationLimits.MaxOpenUnits);
        group.MapGet("/contacts/{nodeId:guid}", GetContact).WithSummary("Where a post's reminders are e-mailed (a unit, a cluster, or the empty id for the bloc office)");
        group.MapPut("/contacts/{nodeId:guid}", SetContact).RequireAuthorization(Policies.Write)
            .WithSummary("Set where a post's reminders are e-mailed (the post itself or the inspection committee)");
        return app;
    }

    public static async Task<Ok<List<ReminderView>>> Reminders(Caller caller, InspectionDbContext db, CancellationToken ct)
    {
        var nodes = caller.NodesOf(NodeKind.Unit).Concat(caller.NodesOf(NodeKind.Cluster)).ToList();
        if (caller.IsBlocOffice || caller.Inspects()) nodes.Add(Guid.Empty);
        var reminders = await db.FollowUpReminders.AsNoTracking().Where(r => nodes.Contains(r.NodeId))
            .Join(db.Recommendations, r => r.RecommendationId, x => x.Id, (r, x) => new { Reminder = r, x.Action })
            .OrderByDescending(x => x.Reminder.CreatedAt).ThenBy(x => x.Reminder.Id).Take(MaxReminders).ToListAsync(ct);
        var names = await db.NodeNamesAsync(ct);
        return TypedResults.Ok(reminders.Select(x => new ReminderView(x.Reminder.Id, x.Reminder.RecommendationId, x.Reminder.Stage, x.Reminder.UnitId,
            names.GetValueOrDefault(x.Reminder.UnitId, ""), x.Action, x.Reminder.DueOn, x.Reminder.CreatedAt, x.Reminder.EmailSentAt is not null)).ToList());
    }

    public static async Task<Ok<List<StandingView>>> Standing(Caller caller, InspectionDbContext db, CancellationToken ct, [FromQuery] Guid? unitId = null)
    {
        var units = await caller.UnitsSeenAsync(db, ct);
        var query = db.UnitStandings.AsNoTracking().Where(s => s.OpenSeriousFindings > 0 || s.OpenRecommendations > 0);
        if (units is not null) query = query.Where(s => units.Contains(s.UnitId));
        if (unitId is { } u) query = query.Where(s => s.UnitId == u);
        var rows = await query.Join(db.Units, s => s.UnitId, x => x.Id, (s, x) => new { Standing = s, x.Name, x.NameFolded })
            .OrderByDescending(x => x.Standing.OpenSeriousFindings + x.Standing.OverdueRecommendations).ThenBy(x => x.NameFolded)
            .Take(OrganisationLimits.MaxOpenUnits).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(x => new StandingView(x.Standing.UnitId, x.Name, x.Standing.OpenSeriousFindings, x.Standing.OverdueRecommendations,
            x.Standing.OpenRecommendations, x.Standing.AsOf)).ToList());
    }

    public static async Task<Ok<ContactView>> GetContact(Guid nodeId, Caller caller, InspectionDbContext db, CancellationToken ct)
    {
        EnsureKeepsContact(caller, nodeId);
        var contact = await db.FollowUpContacts.AsNoTracking().FirstOrDefaultAsync(c => c.NodeId == nodeId, ct)
                      ?? throw new NotFoundException("contact", nodeId);
        return TypedResults.Ok(new ContactView(contact.NodeId, contact.Email));
    }

    public static async Task<Ok<ContactView>> SetContact(Guid nodeId, ContactRequest request, Caller caller, InspectionDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        EnsureKeepsContact(caller, nodeId);
        if (nodeId != Guid.Empty && !await db.Units.AnyAsync(u => u.Id == nodeId, ct) && !await db.Clusters.AnyAsync(c => c.Id == nodeId, ct))
            throw new NotFoundException("unit or cluster", nodeId);
        var contact = await db.FollowUpContacts.FirstOrDefaultAsync(c => c.NodeId == nodeId, ct);
        if (contact is null) db.FollowUpContacts.Add(contact = FollowUpContact.For(nodeId));
        contact.Set(request.Email, caller.AuditName, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new ContactView(contact.NodeId, contact.Email));
    }

    private static void EnsureKeepsContact(Caller caller, Guid nodeId)
    {
        if (caller.Inspects()) return;
        if (nodeId == Guid.Empty ? caller.IsBlocOffice : caller.Posts.Contains(Post.OnUnit(nodeId)) || caller.Posts.Contains(Post.OnCluster(nodeId))) return;
        throw new ForbiddenException("A post sets where its own reminders go; the inspection committee sets any.");
    }
}
