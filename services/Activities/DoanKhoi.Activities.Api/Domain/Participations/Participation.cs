using DoanKhoi.Activities.Domain.Activities;
using DoanKhoi.Contracts.Activities;
using DoanKhoi.Messaging.Outbox;
using DoanKhoi.Organisation;
using DoanKhoi.Problems;

namespace DoanKhoi.Activities.Domain.Participations;

/// <summary>One member's part in one activity: registered before it (by themselves or their secretary),
/// then marked attended, absent or excused, or checked in with the activity's QR code; a member who came
/// without registering is a walk-in. One per member and activity. Counted in the unit the member
/// belonged to when they took part.</summary>
public sealed class Participation : AggregateRoot
{
    private Participation() { }

    public Guid Id { get; private set; }
    public Guid ActivityId { get; private set; }
    public Guid MemberId { get; private set; }
    public Guid UnitId { get; private set; }
    public Attendance Attendance { get; private set; }
    public bool WalkIn { get; private set; }
    public DateTimeOffset? RegisteredAt { get; private set; }
    public DateTimeOffset? CheckedInAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; private set; }

    /// <summary>Registers <paramref name="member"/> for a planned activity.</summary>
    public static Participation Register(Activity activity, MemberCopy member, DateTimeOffset now)
    {
        if (activity.Status != ActivityStatus.Planned)
            throw new DomainRuleException("Registration is for a planned activity; mark who came on the attendance sheet instead.");
        var participation = New(activity, member, Attendance.Registered, walkIn: false, now);
        participation.RegisteredAt = now;
        participation.Raise(new ParticipationChanged { Participation = participation.ToSnapshot(), OccurredAt = now });
        return participation;
    }

    /// <summary>A member who came without registering, marked on the sheet or checking in.</summary>
    public static Participation Arrive(Activity activity, MemberCopy member, Attendance attendance, DateTimeOffset now)
    {
        var participation = New(activity, member, attendance, walkIn: true, now);
        participation.Raise(new ParticipationChanged { Participation = participation.ToSnapshot(), OccurredAt = now });
        return participation;
    }

    /// <summary>Marks how they took part; returns whether anything changed.</summary>
    public bool Mark(Attendance attendance, DateTimeOffset now)
    {
        if (attendance == Attendance) return false;
        Attendance = attendance;
        Changed(now);
        return true;
    }

    /// <summary>Checks the member in themselves: once.</summary>
    public void CheckIn(DateTimeOffset now)
    {
        if (CheckedInAt is { } at)
            throw new ConflictException($"You checked in at {TimeZoneInfo.ConvertTime(at, DoanKhoi.Text.VietnamTime.Zone):HH:mm dd/MM/yyyy} already.");
        CheckedInAt = now;
        Attendance = Attendance.Attended;
        Changed(now);
    }

    /// <summary>Withdraws a registration before the activity is held; a walk-in or a marked one stays.</summary>
    public void Withdraw(Activity activity, DateTimeOffset now)
    {
        if (activity.Status != ActivityStatus.Planned || Attendance != Attendance.Registered)
            throw new DomainRuleException("Only a registration for a planned activity can be withdrawn; mark the member absent or excused instead.");
        Raise(new ParticipationWithdrawn { Participation = ToSnapshot(), OccurredAt = now });
    }

    public ParticipationSnapshot ToSnapshot() => new()
    {
        ParticipationId = Id, ActivityId = ActivityId, MemberId = MemberId, UnitId = UnitId, Attendance = Attendance, WalkIn = WalkIn,
        CheckedInAt = CheckedInAt, Version = Version,
    };

    private static Participation New(Activity activity, MemberCopy member, Attendance attendance, bool walkIn, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), ActivityId = activity.Id, MemberId = member.Id, UnitId = member.UnitId,
        Attendance = attendance, WalkIn = walkIn, UpdatedAt = now, Version = 1,
    };

    private void Changed(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
        Raise(new ParticipationChanged { Participation = ToSnapshot(), OccurredAt = now });
    }
}
