using DoanKhoi.Contracts.Inspection;
using DoanKhoi.Contracts.Membership;
using DoanKhoi.Problems;

namespace DoanKhoi.Membership.Domain.Members;

/// <summary>Disciplinary measures on a member, decided by the competent level and recorded by the
/// inspection service, which membership hears of through <see cref="DisciplineDecided"/>: every measure
/// goes on the member's history; an expulsion (khai trừ) ends the membership with that reason, a removal
/// from post (cách chức) ends the Union post the member holds on the day it takes effect.</summary>
public sealed partial class Member
{
    public const int DisciplineDetailMaxLength = 500;

    /// <summary>Records the measure and does what it does to the membership, from the day it takes effect. A
    /// member who already left the rolls, is in transfer, or joined the present unit after that day, keeps the
    /// measure on their history only.</summary>
    public void Discipline(DisciplineDecided d, Decision decision)
    {
        Version++;
        Record(MemberChange.Disciplined, d.EffectiveOn, DisciplineDetail(d), decision);
        switch (d.Measure)
        {
            case DisciplinaryMeasure.Expulsion when Status == MemberStatus.Active && _placements.Single(p => p.To is null).From <= d.EffectiveOn:
                Leave(Members.LeaveReason.Expelled, Shorten($"{d.DecisionNumber} ({d.DecidedBy}): {d.Reason}"), decision);
                return;
            case DisciplinaryMeasure.RemovalFromPost when Status == MemberStatus.Active && PostOn(d.EffectiveOn) is { } post:
                var terms = _posts.Where(p => p != post).Append(post with { To = d.EffectiveOn.AddDays(-1) }).Where(p => p.To is null || p.To >= p.From).ToList();
                _posts.Clear();
                _posts.AddRange(terms.OrderBy(t => t.From));
                Version++;
                Record(MemberChange.PostsChanged, d.EffectiveOn, string.Join("; ", _posts), decision);
                break;
        }
        Raise(new MemberProfileChanged { Member = ToSnapshot(), EffectiveOn = d.EffectiveOn, OccurredAt = decision.At });
    }

    /// <summary>The decision was annulled: its history says so. What it did (an expulsion, a post ended) is
    /// not undone by itself: the unit readmits or reappoints by its own decision.</summary>
    public void DisciplineAnnulled(DisciplineDecided d, Decision decision)
    {
        Version++;
        Record(MemberChange.DisciplineAnnulled, decision.EffectiveOn, DisciplineDetail(d), decision);
        Raise(new MemberProfileChanged { Member = ToSnapshot(), EffectiveOn = decision.EffectiveOn, OccurredAt = decision.At });
    }

    private static string DisciplineDetail(DisciplineDecided d) =>
        Shorten($"{d.Measure}: {d.DecisionNumber}, {d.DecidedBy}, {d.DecidedOn:dd/MM/yyyy}: {d.Reason}");

    private static string Shorten(string text) => text.Length <= DisciplineDetailMaxLength ? text : text[..(DisciplineDetailMaxLength - 1)] + "…";
}

/// <summary>The newest version of a disciplinary decision membership has heard: a replayed or older
/// message (the decision before its annulment) changes nothing.</summary>
public sealed class DisciplineRecord
{
    private DisciplineRecord() { }

    public Guid DecisionId { get; private set; }
    public Guid MemberId { get; private set; }
    public DisciplinaryMeasure Measure { get; private set; }
    public DateOnly EffectiveOn { get; private set; }
    public bool Annulled { get; private set; }
    /// <summary>Whether the measure was applied to the member (it is not when its annulment came first).</summary>
    public bool Applied { get; private set; }
    public int Version { get; private set; }

    public static DisciplineRecord Of(DisciplineDecided d) => new() { DecisionId = d.DecisionId, MemberId = d.MemberId };

    /// <summary>Takes the newer state; false for an older or repeated one.</summary>
    public bool Take(DisciplineDecided d)
    {
        if (d.Version <= Version) return false;
        (Measure, EffectiveOn, Annulled, Version) = (d.Measure, d.EffectiveOn, d.Annulled, d.Version);
        return true;
    }

    public void MarkApplied() => Applied = true;
}
