using System.ComponentModel.DataAnnotations;
using DoanKhoi.Activities.Domain.Activities;
using DoanKhoi.Activities.Domain.Programme;
using DoanKhoi.Activities.Infrastructure;
using DoanKhoi.Contracts.Activities;
using DoanKhoi.OpenApi;
using DoanKhoi.Organisation;
using DoanKhoi.Security;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Activities.Apis;

public sealed record PlanActivityRequest(
    [property: StringLength(ActivityLimits.TitleMaxLength)] string? Title,
    [property: AllowedValues("bloc", "cluster", "unit")] string? OrganiserLevel,
    Guid? OrganiserId,
    [property: StringLength(ProgrammeYear.CodeMaxLength)] string? Kind,
    [property: StringLength(ProgrammeYear.CodeMaxLength)] string? Movement,
    [property: StringLength(ProgrammeYear.CodeMaxLength)] string? Programme,
    [property: StringLength(ProgrammeYear.CodeMaxLength)] string? Subtype,
    [property: Range(1, 100)] int? BigActivity,
    [property: MaxLength(ActivityLimits.MaxCoOrganisers)] IReadOnlyList<Guid>? CoOrganiserIds,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    [property: StringLength(ActivityLimits.PlaceMaxLength)] string? Place,
    [property: StringLength(ActivityLimits.NoteMaxLength)] string? Note,
    [property: MaxLength(ActivityLimits.MaxEvidence), ItemMaxLength(ActivityLimits.EvidenceMaxLength)] IReadOnlyList<string>? Evidence);

/// <summary>What an activity is, all of it: what is left out is cleared (its organiser stays).</summary>
public sealed record ChangeActivityRequest(
    [property: StringLength(ActivityLimits.TitleMaxLength)] string? Title,
    [property: StringLength(ProgrammeYear.CodeMaxLength)] string? Kind,
    [property: StringLength(ProgrammeYear.CodeMaxLength)] string? Movement,
    [property: StringLength(ProgrammeYear.CodeMaxLength)] string? Programme,
    [property: StringLength(ProgrammeYear.CodeMaxLength)] string? Subtype,
    [property: Range(1, 100)] int? BigActivity,
    [property: MaxLength(ActivityLimits.MaxCoOrganisers)] IReadOnlyList<Guid>? CoOrganiserIds,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    [property: StringLength(ActivityLimits.PlaceMaxLength)] string? Place,
    [property: StringLength(ActivityLimits.NoteMaxLength)] string? Note,
    [property: MaxLength(ActivityLimits.MaxEvidence), ItemMaxLength(ActivityLimits.EvidenceMaxLength)] IReadOnlyList<string>? Evidence);

/// <summary>One number recorded when an activity is held: a quantity of the programme (trees-planted, blood-units, …).</summary>
public sealed record QuantityValue(
    [property: StringLength(ProgrammeYear.CodeMaxLength)] string? Code,
    [property: Range(0, ActivityLimits.MaxQuantity)] int Value);

public sealed record OutcomeRequest(
    [property: MaxLength(20)] IReadOnlyList<QuantityValue>? Quantities,
    [property: MaxLength(10), ItemMaxLength(ProgrammeYear.CodeMaxLength)] IReadOnlyList<string>? Flags,
    [property: MaxLength(ActivityLimits.MaxEvidence), ItemMaxLength(ActivityLimits.EvidenceMaxLength)] IReadOnlyList<string>? Evidence,
    [property: StringLength(ActivityLimits.NoteMaxLength)] string? Note);

public sealed record CancelActivityRequest([property: StringLength(ActivityLimits.ReasonMaxLength)] string? Reason);

/// <summary>An activity in a list.</summary>
public sealed record ActivitySummary(
    Guid Id,
    [property: StringLength(ActivityLimits.TitleMaxLength)] string Title,
    [property: StringLength(ProgrammeYear.CodeMaxLength)] string Kind,
    [property: StringLength(ProgrammeYear.CodeMaxLength)] string Movement,
    OrganiserLevel OrganiserLevel,
    Guid? OrganiserId,
    [property: StringLength(ProgrammeYear.NameMaxLength)] string OrganiserName,
    DateOnly StartsOn,
    DateOnly EndsOn,
    [property: StringLength(ActivityLimits.PlaceMaxLength)] string? Place,
    ActivityStatus Status,
    [property: Range(1, int.MaxValue)] int Version)
{
    public static ActivitySummary From(Activity a, IReadOnlyDictionary<Guid, string> names) => new(
        a.Id, a.Title, a.Kind, a.Movement, a.OrganiserLevel, a.OrganiserId, OrganiserNameOf(a.OrganiserLevel, a.OrganiserId, names),
        a.StartsOn, a.EndsOn, a.Place, a.Status, a.Version);

    internal static string OrganiserNameOf(OrganiserLevel level, Guid? id, IReadOnlyDictionary<Guid, string> names) =>
        level == OrganiserLevel.Bloc ? "Đoàn Khối" : id is { } known && names.TryGetValue(known, out var name) ? name : id?.ToString() ?? "";
}

/// <summary>An activity, whole.</summary>
public sealed record ActivityView(
    Guid Id,
    [property: StringLength(ActivityLimits.TitleMaxLength)] string Title,
    [property: Range(2000, 2100)] int Year,
    [property: StringLength(ProgrammeYear.CodeMaxLength)] string Movement,
    [property: StringLength(ProgrammeYear.CodeMaxLength)] string? Programme,
    [property: StringLength(ProgrammeYear.CodeMaxLength)] string Kind,
    [property: StringLength(ProgrammeYear.CodeMaxLength)] string? Subtype,
    [property: Range(1, 100)] int? BigActivity,
    OrganiserLevel OrganiserLevel,
    Guid? OrganiserId,
    [property: StringLength(ProgrammeYear.NameMaxLength)] string OrganiserName,
    [property: MaxLength(ActivityLimits.MaxCoOrganisers)] IReadOnlyList<Guid> CoOrganiserIds,
    DateOnly StartsOn,
    DateOnly EndsOn,
    [property: StringLength(ActivityLimits.PlaceMaxLength)] string? Place,
    ActivityStatus Status,
    [property: MaxLength(20)] IReadOnlyList<QuantityValue> Quantities,
    [property: MaxLength(10), ItemMaxLength(ProgrammeYear.CodeMaxLength)] IReadOnlyList<string> Flags,
    [property: MaxLength(ActivityLimits.MaxEvidence), ItemMaxLength(ActivityLimits.EvidenceMaxLength)] IReadOnlyList<string> Evidence,
    [property: StringLength(ActivityLimits.NoteMaxLength)] string? Note,
    [property: StringLength(ActivityLimits.ReasonMaxLength)] string? CancelReason,
    [property: MaxLength(EvidenceFile.MaxPerActivity)] IReadOnlyList<EvidenceFileView> Files,
    [property: Range(1, int.MaxValue)] int Version)
{
    public static async Task<ActivityView> FromAsync(Activity a, ActivitiesDbContext db, CancellationToken ct)
    {
        var names = a.OrganiserId is { } organiser && await db.NodeNameAsync(organiser, ct) is { } name
            ? new Dictionary<Guid, string> { [organiser] = name } : [];
        var files = await db.EvidenceFiles.AsNoTracking().Where(f => f.ActivityId == a.Id).OrderBy(f => f.UploadedAt)
            .Select(f => new EvidenceFileView(f.Id, f.FileName, f.ContentType, f.Size, f.UploadedAt)).ToListAsync(ct);
        return new(a.Id, a.Title, a.Year, a.Movement, a.Programme, a.Kind, a.Subtype, a.BigActivity, a.OrganiserLevel, a.OrganiserId,
            ActivitySummary.OrganiserNameOf(a.OrganiserLevel, a.OrganiserId, names), a.CoOrganiserIds, a.StartsOn, a.EndsOn, a.Place, a.Status,
            a.Quantities.OrderBy(q => q.Key, StringComparer.Ordinal).Select(q => new QuantityValue(q.Key, q.Value)).ToList(),
            a.Flags, a.Evidence, a.Note, a.CancelReason, files, a.Version);
    }
}
