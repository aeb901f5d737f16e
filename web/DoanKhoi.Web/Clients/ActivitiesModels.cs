namespace DoanKhoi.Web.Clients;

// The activities service's answers, as the portal reads them (enums as the API writes them, camelCase).

public sealed record Programme(int Year, string Theme, IReadOnlyList<ProgrammeMovement> Movements, IReadOnlyList<ProgrammeQuantity> Quantities,
    IReadOnlyList<ProgrammeFlag> Flags, IReadOnlyList<ProgrammeKind> Kinds, IReadOnlyList<ProgrammeBigActivity> BigActivities)
{
    public ProgrammeKind? Kind(string? code) => Kinds.FirstOrDefault(k => k.Code == code);
    public string KindName(string code) => Kind(code)?.Name ?? code;
    public string MovementName(string code) => Movements.FirstOrDefault(m => m.Code == code)?.Name ?? code;
    public ProgrammeQuantity? Quantity(string code) => Quantities.FirstOrDefault(q => q.Code == code);
    public string FlagName(string code) => Flags.FirstOrDefault(f => f.Code == code)?.Name ?? code;
}

public sealed record ProgrammeMovement(string Code, string Name, string EnglishName);

public sealed record ProgrammeQuantity(string Code, string Name, string Unit);

public sealed record ProgrammeFlag(string Code, string Name);

public sealed record ProgrammeKind(string Code, string Name, string Movement, IReadOnlyList<string> Quantities, IReadOnlyList<string> Flags);

public sealed record ProgrammeBigActivity(int Number, string Title, IReadOnlyList<int> Months, string Kind);

public sealed record CalendarView(int Year, int ProgrammeYear, string Theme, IReadOnlyList<BigActivityProgress> BigActivities, IReadOnlyList<DutyProgress> Duties);

public sealed record BigActivityProgress(int Number, string Title, IReadOnlyList<int> Months, string Kind, int Planned, int Held, string State);

public sealed record DutyProgress(string Code, string Name, string Organiser, string? Kind, string Period, int Count, IReadOnlyList<DutyRow> Rows);

public sealed record DutyRow(string Level, Guid? OrganiserId, string OrganiserName, string Period, DateOnly From, DateOnly To, int Held, int Required, string State);

public sealed record ActivityQuery
{
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public string? Status { get; init; }
    public string? Kind { get; init; }
    public string? Q { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;
}

public sealed record ActivitySummary(Guid Id, string Title, string Kind, string Movement, string OrganiserLevel, Guid? OrganiserId, string OrganiserName,
    DateOnly StartsOn, DateOnly EndsOn, string? Place, string Status, int Version);

public sealed record QuantityValue(string Code, int Value);

public sealed record ActivityView(Guid Id, string Title, int Year, string Movement, string? Programme, string Kind, string? Subtype, int? BigActivity,
    string OrganiserLevel, Guid? OrganiserId, string OrganiserName, IReadOnlyList<Guid> CoOrganiserIds, DateOnly StartsOn, DateOnly EndsOn, string? Place,
    string Status, IReadOnlyList<QuantityValue> Quantities, IReadOnlyList<string> Flags, IReadOnlyList<string> Evidence, string? Note, string? CancelReason,
    IReadOnlyList<EvidenceFileInfo> Files, int Version);

public sealed record EvidenceFileInfo(Guid Id, string FileName, string ContentType, long Size, DateTimeOffset UploadedAt);

/// <summary>What a secretary fills in to put an activity on the calendar.</summary>
public sealed class ActivityForm
{
    public string? Title { get; set; }
    public string? OrganiserLevel { get; set; }
    public Guid? OrganiserId { get; set; }
    public string? Kind { get; set; }
    public DateTime? StartsOn { get; set; }
    public DateTime? EndsOn { get; set; }
    public string? Place { get; set; }
    public int? BigActivity { get; set; }
    public string? Note { get; set; }
    /// <summary>Kept as they are when the portal corrects an activity.</summary>
    public IReadOnlyList<Guid> CoOrganiserIds { get; set; } = [];
}

public sealed record Participant(Guid MemberId, string FullName, Guid UnitId, string Attendance, bool WalkIn, DateTimeOffset? CheckedInAt, int Version);

public sealed record AttendanceMark(Guid MemberId, string Attendance);

public sealed record AttendanceCounts(int Registered, int Attended, int Absent, int Excused, int WalkIns);

public sealed record CheckInWindow(string? Code, DateTimeOffset? OpenUntil);

public sealed record MemberParticipation(Guid ActivityId, string Title, string Kind, DateOnly StartsOn, DateOnly EndsOn, string OrganiserName, string Status,
    string Attendance, bool WalkIn, DateTimeOffset? CheckedInAt);

public sealed record IdeaSummary(Guid Id, string Title, Guid UnitId, string UnitName, string Field, string Link, string Status, int PossibleDuplicates,
    DateTimeOffset SubmittedAt, int Version);

public sealed record IdeaAuthor(Guid MemberId, string FullName);

public sealed record IdeaView(Guid Id, int Year, Guid UnitId, string UnitName, string Title, string Summary, string Field, string Link,
    IReadOnlyList<IdeaAuthor> Authors, string Status, string? RejectReason, IReadOnlyList<IdeaSummary> PossibleDuplicates, DateTimeOffset SubmittedAt, int Version);

public sealed record IdeaQuota(Guid UnitId, string UnitName, int Year, int Quota, int Submitted, int Accepted);
