using DoanKhoi.Contracts.Membership;

namespace DoanKhoi.Reporting.Domain.Facts;

// What membership has published, as reporting keeps it to count the targets and to date them: every
// state a member was in (so the members of a unit on any past day can be counted), the admissions and
// Party recommendations (K11), the yearly grades (K12), the youths each unit reaches (K01), and which
// cluster each unit was in from which day (a unit that moved in July counts for its old cluster before).
// Each row is keyed so that a message applied twice or late changes nothing.

/// <summary>One state of a member, from the day it took effect: a member's states ordered by version are
/// their history (in which unit, active or not, from when).</summary>
public sealed class MemberStateRecord
{
    private MemberStateRecord() { }

    public Guid MemberId { get; private set; }
    public int Version { get; private set; }
    public Guid UnitId { get; private set; }
    public MemberStatus Status { get; private set; }
    public DateOnly EffectiveOn { get; private set; }

    public static MemberStateRecord From(MemberSnapshot s, DateOnly effectiveOn) => new()
    {
        MemberId = s.MemberId, Version = s.Version, UnitId = s.UnitId, Status = s.Status, EffectiveOn = effectiveOn,
    };

    /// <summary>Whether the member counts among the unit's members in this state: active, or in transfer
    /// (the sending unit keeps them until the other side accepts).</summary>
    public bool Counts => Status is MemberStatus.Active or MemberStatus.InTransfer;
}

/// <summary>A member admitted (kết nạp) or recommended to the Party (giới thiệu đoàn viên ưu tú), by a unit, on a day.</summary>
public sealed class MilestoneRecord
{
    private MilestoneRecord() { }

    public Guid MemberId { get; private set; }
    public Milestone Milestone { get; private set; }
    public Guid UnitId { get; private set; }
    public DateOnly EffectiveOn { get; private set; }

    public static MilestoneRecord Of(Guid memberId, Milestone milestone, Guid unitId, DateOnly effectiveOn) =>
        new() { MemberId = memberId, Milestone = milestone, UnitId = unitId, EffectiveOn = effectiveOn };

    /// <summary>A later decision about the same step (a corrected date) replaces the first.</summary>
    public void Correct(Guid unitId, DateOnly effectiveOn) => (UnitId, EffectiveOn) = (unitId, effectiveOn);
}

public enum Milestone
{
    Admitted,
    RecommendedToParty,
}

/// <summary>A member's grade for a year, as their unit decided it last.</summary>
public sealed class MemberGradeRecord
{
    private MemberGradeRecord() { }

    public Guid MemberId { get; private set; }
    public int Year { get; private set; }
    public Guid UnitId { get; private set; }
    public Grade Grade { get; private set; }
    public int Version { get; private set; }
    public DateOnly EffectiveOn { get; private set; }

    public static MemberGradeRecord From(MemberEvaluated e) => new() { MemberId = e.MemberId, Year = e.Year, UnitId = e.UnitId, Grade = e.Grade, Version = e.Version, EffectiveOn = e.EffectiveOn };

    /// <summary>Takes the newer grade; returns whether it was newer.</summary>
    public bool Apply(MemberEvaluated e)
    {
        if (e.Version <= Version) return false;
        (UnitId, Grade, Version, EffectiveOn) = (e.UnitId, e.Grade, e.Version, e.EffectiveOn);
        return true;
    }
}

/// <summary>A unit's grade for a year, as the standing committee decided it last.</summary>
public sealed class UnitGradeRecord
{
    private UnitGradeRecord() { }

    public Guid UnitId { get; private set; }
    public int Year { get; private set; }
    public Grade Grade { get; private set; }
    public int Version { get; private set; }
    public DateOnly EffectiveOn { get; private set; }

    public static UnitGradeRecord From(UnitEvaluated e) => new() { UnitId = e.UnitId, Year = e.Year, Grade = e.Grade, Version = e.Version, EffectiveOn = e.EffectiveOn };

    public bool Apply(UnitEvaluated e)
    {
        if (e.Version <= Version) return false;
        (Grade, Version, EffectiveOn) = (e.Grade, e.Version, e.EffectiveOn);
        return true;
    }
}

/// <summary>How many non-member youths a unit counted on a day; the latest count up to a day is the unit's then.</summary>
public sealed class YouthCountRecord
{
    private YouthCountRecord() { }

    public Guid UnitId { get; private set; }
    public DateOnly CountedOn { get; private set; }
    public int Youths { get; private set; }
    public int Version { get; private set; }

    public static YouthCountRecord From(YouthCountRecorded e) => new() { UnitId = e.UnitId, CountedOn = e.CountedOn, Youths = e.Youths, Version = e.Version };

    public bool Apply(YouthCountRecorded e)
    {
        if (e.Version <= Version) return false;
        (Youths, Version) = (e.Youths, e.Version);
        return true;
    }
}

/// <summary>A unit as it was from a day on (its creation, a move, its closing): the tree as it was, to
/// which the facts of each day are attributed, and the days the unit was open.</summary>
public sealed class UnitClusterRecord
{
    private UnitClusterRecord() { }

    public Guid UnitId { get; private set; }
    public int Version { get; private set; }
    public Guid ClusterId { get; private set; }
    public DateOnly FromDay { get; private set; }
    public DateOnly? ClosedOn { get; private set; }

    public static UnitClusterRecord Of(UnitSnapshot s, DateOnly fromDay) =>
        new() { UnitId = s.UnitId, Version = s.Version, ClusterId = s.ClusterId, FromDay = fromDay, ClosedOn = s.ClosedOn };
}

/// <summary>The cluster of a unit on each day, from its <see cref="UnitClusterRecord"/>s: the newest
/// version in effect that day; before any, the first version's (the cluster it was created in).</summary>
public sealed class ClusterHistory(IEnumerable<UnitClusterRecord> records, Guid fallback)
{
    private readonly List<UnitClusterRecord> _records = records.OrderBy(r => r.Version).ToList();

    public Guid On(DateOnly day) =>
        _records.LastOrDefault(r => r.FromDay <= day)?.ClusterId ?? _records.FirstOrDefault()?.ClusterId ?? fallback;
}

/// <summary>A unit's yearly quota of creative ideas (K06), as activities published it.</summary>
public sealed class IdeaQuotaRecord
{
    private IdeaQuotaRecord() { }

    public int Year { get; private set; }
    public Guid UnitId { get; private set; }
    public int Count { get; private set; }
    public int Version { get; private set; }

    public static IdeaQuotaRecord Of(int year, Guid unitId, int count, int version) => new() { Year = year, UnitId = unitId, Count = count, Version = version };

    public bool Apply(int count, int version)
    {
        if (version <= Version) return false;
        (Count, Version) = (count, version);
        return true;
    }
}
