using System.ComponentModel.DataAnnotations;
using DoanKhoi.Problems;
using DoanKhoi.Reporting.Domain.Programme;
using DoanKhoi.Reporting.Domain.Reports;
using DoanKhoi.Reporting.Infrastructure;
using DoanKhoi.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Reporting.Apis;

/// <summary>The reminders a unit or cluster received (the portal shows them) and the address they are e-mailed to.</summary>
public static class RemindersApi
{
    public const int MaxReminders = 200;

    public static IEndpointRouteBuilder MapRemindersApi(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/reports").WithTags("Reports").RequireAuthorization(Policies.Read);
        reports.MapGet("/reminders", ListReminders).WithMaxItems(MaxReminders)
            .WithSummary("The reminders a unit (unitId) or cluster (clusterId) received for reports it had not sent, newest first");
        reports.MapGet("/contacts/{nodeId:guid}", GetContact).WithSummary("Where a unit's or cluster's reminders are e-mailed");
        reports.MapPut("/contacts/{nodeId:guid}", SetContact).RequireAuthorization(Policies.Write)
            .WithSummary("Set where a unit's or cluster's reminders are e-mailed (its secretary or lead, or the bloc office)");
        return app;
    }

    public static async Task<Ok<List<ReminderView>>> ListReminders(Caller caller, ReportingDbContext db, ProgrammeStore programmes, CancellationToken ct,
        [FromQuery] Guid? unitId = null, [FromQuery] Guid? clusterId = null)
    {
        var (_, submitter, _, _) = await ReportsApi.SubmitterAsync(db, caller, unitId, clusterId, ct);
        var reminders = await db.Reminders.AsNoTracking().Where(r => r.SubmitterId == submitter).OrderByDescending(r => r.CreatedAt).Take(MaxReminders).ToListAsync(ct);
        var names = new Dictionary<(int, string), string>();
        foreach (var year in reminders.Select(r => r.Year).Distinct())
            if (await programmes.FindAsync(db, year, ct) is { } programme)
                foreach (var report in programme.Reports) names[(year, report.Code)] = report.Name;
        return TypedResults.Ok(reminders.Select(r => new ReminderView(r.Year, r.Code, names.GetValueOrDefault((r.Year, r.Code)) ?? r.Code, r.Stage, r.Due,
            r.CreatedAt, r.EmailTo, r.EmailSentAt)).ToList());
    }

    public static async Task<Ok<ContactView>> GetContact(Guid nodeId, Caller caller, ReportingDbContext db, CancellationToken ct)
    {
        await EnsureSeesNodeAsync(db, caller, nodeId, ct);
        var contact = await db.ReportContacts.AsNoTracking().FirstOrDefaultAsync(c => c.NodeId == nodeId, ct) ?? throw new NotFoundException("contact", nodeId);
        return TypedResults.Ok(new ContactView(contact.NodeId, contact.Email, contact.ChangedBy, contact.ChangedAt));
    }

    public static async Task<Ok<ContactView>> SetContact(Guid nodeId, ContactRequest request, Caller caller, ReportingDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var level = await EnsureSeesNodeAsync(db, caller, nodeId, ct);
        if (!caller.IsBlocOffice) Domain.ReportingPermissions.EnsureSubmitsFor(caller, level, nodeId);
        var contact = await db.ReportContacts.FirstOrDefaultAsync(c => c.NodeId == nodeId, ct);
        if (contact is null) db.ReportContacts.Add(contact = ReportContact.For(nodeId, request.Email, caller.AuditName, clock.GetUtcNow()));
        else contact.Change(request.Email, caller.AuditName, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new ContactView(contact.NodeId, contact.Email, contact.ChangedBy, contact.ChangedAt));
    }

    private static async Task<SubmitterLevel> EnsureSeesNodeAsync(ReportingDbContext db, Caller caller, Guid node, CancellationToken ct)
    {
        if (await db.Units.AnyAsync(u => u.Id == node, ct))
        {
            await Domain.ReportingPermissions.EnsureSeesUnitAsync(db, caller, node, ct);
            return SubmitterLevel.Unit;
        }
        await Domain.ReportingPermissions.EnsureSeesClusterAsync(db, caller, node, ct);
        return SubmitterLevel.Cluster;
    }
}

public sealed record ReminderView([property: Range(2000, 2100)] int Year, [property: StringLength(TargetProgramme.CodeMaxLength)] string Code,
    [property: StringLength(TargetProgramme.NameMaxLength)] string Report, ReminderStage Stage, DateOnly Due, DateTimeOffset CreatedAt,
    [property: StringLength(Reminder.EmailMaxLength)] string? EmailTo, DateTimeOffset? EmailSentAt);

public sealed record ContactRequest([property: StringLength(Reminder.EmailMaxLength)] string? Email);

public sealed record ContactView(Guid NodeId, [property: StringLength(Reminder.EmailMaxLength)] string Email, [property: StringLength(200)] string ChangedBy,
    DateTimeOffset ChangedAt);
