using DoanKhoi.Activities.Domain.Programme;
using DoanKhoi.Contracts.Activities;
using DoanKhoi.Messaging.Outbox;
using DoanKhoi.Organisation;
using DoanKhoi.Problems;

namespace DoanKhoi.Activities.Domain.Activities;

/// <summary>An activity of a movement, recorded once by the bloc, cluster or unit that organised it:
/// planned on the calendar, then held (with what happened: the quantities its kind records, its flags)
/// or cancelled. Every change raises its whole state with a new version, for the targets.</summary>
public sealed class Activity : AggregateRoot
{
    private Activity() { }

    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";
    public string TitleFolded { get; private set; } = "";
    public int Year { get; private set; }
    public string Movement { get; private set; } = "";
    public string? Programme { get; private set; }
    public string Kind { get; private set; } = "";
    public string? Subtype { get; private set; }
    public int? BigActivity { get; private set; }
    public OrganiserLevel OrganiserLevel { get; private set; }
    public Guid? OrganiserId { get; private set; }
    public List<Guid> CoOrganiserIds { get; private set; } = [];
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public string? Place { get; private set; }
    public ActivityStatus Status { get; private set; }
    public Dictionary<string, int> Quantities { get; private set; } = [];
    public List<string> Flags { get; private set; } = [];
    public List<string> Evidence { get; private set; } = [];
    public string? Note { get; private set; }
    public string? CancelReason { get; private set; }
    /// <summary>The secret the activity's QR code carries while check-in is open; a new one each time it opens.</summary>
    public string? CheckInCode { get; private set; }
    public DateTimeOffset? CheckInOpenUntil { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; private set; }

    public static Activity Plan(ActivityDetails details, Organiser organiser, DateTimeOffset now)
    {
        var activity = new Activity
        {
            Id = Guid.CreateVersion7(now),
            OrganiserLevel = organiser.Level,
            OrganiserId = organiser.Id,
            Status = ActivityStatus.Planned,
            CreatedAt = now,
            Version = 1,
        };
        activity.Take(details, now);
        activity.Raise(new ActivityPlanned { Activity = activity.ToSnapshot(), OccurredAt = now });
        return activity;
    }

    /// <summary>Changes what the activity is (title, dates, place, kind, …); not once it is cancelled.</summary>
    public void Change(ActivityDetails details, DateTimeOffset now)
    {
        EnsureNotCancelled();
        if (Status == ActivityStatus.Held && !new ActivityOutcome(Quantities, Flags, null, null).FitsKind(details.Kind))
            throw new DomainRuleException($"The activity was held with quantities or flags that the kind '{details.Kind.Code}' does not record: correct what was recorded first.");
        Take(details, now);
        Version++;
        Raise(new ActivityChanged { Activity = ToSnapshot(), OccurredAt = now });
    }

    /// <summary>Records that it was held and what happened; recording again corrects what was recorded.</summary>
    public void Hold(ActivityOutcome outcome, ProgrammeYear programme, DateOnly today, DateTimeOffset now)
    {
        EnsureNotCancelled();
        if (StartsOn > today)
            throw new DomainRuleException($"The activity starts on {StartsOn:dd/MM/yyyy}: it can be recorded as held from that day on.");
        var kind = programme.Kind(Kind) ?? throw new DomainRuleException($"The kind '{Kind}' is not in the programme of {programme.Year} any more: change the activity's kind first.");
        outcome.CheckAgainst(kind);
        var wasHeld = Status == ActivityStatus.Held;
        (Quantities, Flags) = (new(outcome.Quantities), [.. outcome.Flags]);
        if (outcome.Evidence is { } evidence) Evidence = [.. evidence];
        if (outcome.Note is not null) Note = outcome.Note;
        Status = ActivityStatus.Held;
        UpdatedAt = now;
        Version++;
        Raise(wasHeld ? new ActivityChanged { Activity = ToSnapshot(), OccurredAt = now } : new ActivityHeld { Activity = ToSnapshot(), OccurredAt = now });
    }

    public void Cancel(string reason, DateTimeOffset now)
    {
        EnsureNotCancelled();
        if (Status == ActivityStatus.Held)
            throw new DomainRuleException("The activity was held and its outcome recorded: correct the record instead of cancelling it.");
        Status = ActivityStatus.Cancelled;
        CancelReason = reason;
        UpdatedAt = now;
        Version++;
        Raise(new ActivityCancelled { Activity = ToSnapshot(), Reason = reason, OccurredAt = now });
    }

    /// <summary>Opens self check-in (the QR code) until <paramref name="until"/>, on a day the activity runs.</summary>
    public void OpenCheckIn(string code, DateTimeOffset until, DateOnly today)
    {
        EnsureNotCancelled();
        if (today < StartsOn || today > EndsOn)
            throw new DomainRuleException($"Check-in opens on a day the activity runs ({StartsOn:dd/MM/yyyy} to {EndsOn:dd/MM/yyyy}).");
        (CheckInCode, CheckInOpenUntil) = (code, until);
    }

    public void CloseCheckIn() => (CheckInCode, CheckInOpenUntil) = (null, null);

    /// <summary>Refuses a check-in when check-in is not open now or the code is not the one shown.</summary>
    public void EnsureCheckInOpen(string? code, DateTimeOffset now)
    {
        EnsureNotCancelled();
        if (CheckInOpenUntil is not { } until || until < now)
            throw new DomainRuleException("Check-in for this activity is not open now: ask its organiser to open it, or to mark you on the attendance sheet.");
        if (!string.Equals(code, CheckInCode, StringComparison.Ordinal))
            throw new DomainRuleException("This is not the activity's current check-in code: scan the QR code shown at the activity.");
    }

    /// <summary>Attendance is recorded from the first day on, and never for a cancelled activity.</summary>
    public void EnsureAttendanceCanBeRecorded(DateOnly today)
    {
        EnsureNotCancelled();
        if (StartsOn > today)
            throw new DomainRuleException($"The activity starts on {StartsOn:dd/MM/yyyy}: attendance is recorded from that day on.");
    }

    /// <summary>Whether the organiser reaches the member's unit: the bloc every unit, a cluster its units,
    /// a unit itself; co-organising units and clusters bring theirs.</summary>
    public bool Reaches(UnitCopy unit)
    {
        if (OrganiserLevel == OrganiserLevel.Bloc) return true;
        Guid[] organisers = [.. CoOrganiserIds, OrganiserId!.Value];
        return organisers.Contains(unit.Id) || organisers.Contains(unit.ClusterId);
    }

    public ActivitySnapshot ToSnapshot() => new()
    {
        ActivityId = Id, Title = Title, Year = Year, Movement = Movement, Programme = Programme, Kind = Kind, Subtype = Subtype,
        BigActivity = BigActivity, OrganiserLevel = OrganiserLevel, OrganiserId = OrganiserId, CoOrganiserIds = [.. CoOrganiserIds],
        StartsOn = StartsOn, EndsOn = EndsOn, Place = Place, Status = Status,
        Quantities = new Dictionary<string, int>(Quantities), Flags = [.. Flags], Version = Version,
    };

    private void Take(ActivityDetails details, DateTimeOffset now)
    {
        Title = details.Title;
        TitleFolded = DoanKhoi.Text.VietnameseText.Fold(details.Title);
        Year = details.StartsOn.Year;
        Movement = details.Movement.Code;
        Programme = details.Programme;
        Kind = details.Kind.Code;
        Subtype = details.Subtype;
        BigActivity = details.BigActivity;
        CoOrganiserIds = [.. details.CoOrganiserIds];
        StartsOn = details.StartsOn;
        EndsOn = details.EndsOn;
        Place = details.Place;
        if (details.Note is not null) Note = details.Note;
        if (details.Evidence is { } evidence) Evidence = [.. evidence];
        UpdatedAt = now;
    }

    private void EnsureNotCancelled()
    {
        if (Status == ActivityStatus.Cancelled) throw new DomainRuleException("The activity was cancelled: it can no longer change.");
    }
}
