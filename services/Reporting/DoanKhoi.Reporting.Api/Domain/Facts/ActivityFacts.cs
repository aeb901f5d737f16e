using DoanKhoi.Contracts.Activities;

namespace DoanKhoi.Reporting.Domain.Facts;

// What the activities service has published, as reporting keeps it to count the targets: each row the
// newest state of an activity, a participation or an idea (the highest version heard), so events applied
// late, twice or out of order leave it right, and a count made again from the rows gives the same figure.

/// <summary>An activity as activities last published it.</summary>
public sealed class ActivityRecord
{
    private ActivityRecord() { }

    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";
    public int Year { get; private set; }
    public string Movement { get; private set; } = "";
    public string Kind { get; private set; } = "";
    public string? Subtype { get; private set; }
    public int? BigActivity { get; private set; }
    public OrganiserLevel OrganiserLevel { get; private set; }
    public Guid? OrganiserId { get; private set; }
    public List<Guid> CoOrganiserIds { get; private set; } = [];
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public ActivityStatus Status { get; private set; }
    public Dictionary<string, int> Quantities { get; private set; } = [];
    public List<string> Flags { get; private set; } = [];
    public int Version { get; private set; }

    public static ActivityRecord From(ActivitySnapshot s)
    {
        var record = new ActivityRecord { Id = s.ActivityId };
        record.Apply(s);
        return record;
    }

    /// <summary>Takes the snapshot if it is newer; returns whether it was.</summary>
    public bool Apply(ActivitySnapshot s)
    {
        if (s.Version <= Version) return false;
        (Title, Year, Movement, Kind, Subtype, BigActivity) = (s.Title, s.Year, s.Movement, s.Kind, s.Subtype, s.BigActivity);
        (OrganiserLevel, OrganiserId, CoOrganiserIds) = (s.OrganiserLevel, s.OrganiserId, [.. s.CoOrganiserIds]);
        (StartsOn, EndsOn, Status, Quantities, Flags, Version) = (s.StartsOn, s.EndsOn, s.Status, new(s.Quantities), [.. s.Flags], s.Version);
        return true;
    }
}

/// <summary>A member's part in an activity as activities last published it; a withdrawn registration is
/// kept (withdrawn), so that a late event about it cannot bring it back.</summary>
public sealed class ParticipationRecord
{
    private ParticipationRecord() { }

    public Guid Id { get; private set; }
    public Guid ActivityId { get; private set; }
    public Guid MemberId { get; private set; }
    public Guid UnitId { get; private set; }
    public Attendance Attendance { get; private set; }
    public bool WalkIn { get; private set; }
    public bool Withdrawn { get; private set; }
    public int Version { get; private set; }

    public static ParticipationRecord From(ParticipationSnapshot s, bool withdrawn)
    {
        var record = new ParticipationRecord { Id = s.ParticipationId };
        record.Apply(s, withdrawn);
        return record;
    }

    /// <summary>Takes the snapshot if it is newer (a withdrawal wins over the registration of the same version).</summary>
    public bool Apply(ParticipationSnapshot s, bool withdrawn)
    {
        if (s.Version < Version || (s.Version == Version && (Withdrawn || !withdrawn))) return false;
        (ActivityId, MemberId, UnitId, Attendance, WalkIn, Withdrawn, Version) = (s.ActivityId, s.MemberId, s.UnitId, s.Attendance, s.WalkIn, withdrawn, s.Version);
        return true;
    }
}

/// <summary>A creative idea as activities last published it: only accepted (and applied) ones count.</summary>
public sealed class IdeaRecord
{
    private IdeaRecord() { }

    public Guid Id { get; private set; }
    public int Year { get; private set; }
    public Guid UnitId { get; private set; }
    public string Title { get; private set; } = "";
    public IdeaStatus Status { get; private set; }
    /// <summary>The day (Vietnam time) it was accepted, from which it counts; null while it does not count.</summary>
    public DateOnly? CountedOn { get; private set; }
    public int Version { get; private set; }

    public static IdeaRecord From(IdeaSnapshot s, DateOnly on)
    {
        var record = new IdeaRecord { Id = s.IdeaId };
        record.Apply(s, on);
        return record;
    }

    /// <summary>Takes the snapshot of <paramref name="on"/> if it is newer. An idea counts from the day
    /// of the first snapshot that had it accepted (or applied) until one that does not.</summary>
    public bool Apply(IdeaSnapshot s, DateOnly on)
    {
        if (s.Version <= Version) return false;
        (Year, UnitId, Title, Status, Version) = (s.Year, s.UnitId, s.Title, s.Status, s.Version);
        CountedOn = Status is IdeaStatus.Accepted or IdeaStatus.Applied ? (CountedOn is { } day && day < on ? day : on) : null;
        return true;
    }
}
