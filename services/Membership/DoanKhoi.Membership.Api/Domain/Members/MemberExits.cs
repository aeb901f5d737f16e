using DoanKhoi.Contracts.Membership;
using DoanKhoi.Messaging.Outbox;
using DoanKhoi.Problems;

namespace DoanKhoi.Membership.Domain.Members;

/// <summary>How a member's time in the Union ends (maturity at 30, leaving) and the Party path.</summary>
public sealed partial class Member
{
    /// <summary>Trưởng thành Đoàn, on the unit's decision: only past 30, and not while a Union post's term runs.</summary>
    public void Mature(Decision decision)
    {
        EnsureStatus(MemberStatus.Active, "matured out");
        var age = UnionAge.On(DateOfBirth, decision.EffectiveOn);
        if (age <= UnionAge.Maximum)
            throw new DomainRuleException($"A member matures out of the Union past {UnionAge.Maximum} (Điều lệ Đoàn); on {decision.EffectiveOn:dd/MM/yyyy} {FullName} is {age}.");
        if (PostOn(decision.EffectiveOn) is { } post)
            throw new DomainRuleException($"{FullName} holds a Union post ({post}) and stays a member until its term ends.");
        End(MemberStatus.Matured, null, null, decision);
        Record(MemberChange.Matured, decision.EffectiveOn, null, decision);
        Raise(new MemberMatured { Member = ToSnapshot(), EffectiveOn = decision.EffectiveOn, OccurredAt = decision.At });
    }

    /// <summary>Leaves the bloc's rolls: transferred out of the bloc (with the letter), moved away,
    /// removed, expelled or deceased; with the reason.</summary>
    public void Leave(LeaveReason reason, string? note, Decision decision)
    {
        if (Status is not (MemberStatus.Active or MemberStatus.InTransfer))
            throw new DomainRuleException($"{FullName} already left the Union's rolls in the bloc ({Status.ToString().ToLowerInvariant()}, {LeftOn:dd/MM/yyyy}).");
        if (Status == MemberStatus.InTransfer)
            throw new DomainRuleException($"{FullName} is in transfer: the receiving unit decides first, or the transfer is withdrawn.");
        note = string.IsNullOrWhiteSpace(note) ? null : Text.VietnameseText.Clean(note);
        if (note?.Length > 500) throw new ValidationFailedException("note", "The reason is at most 500 characters.");
        if (reason is Members.LeaveReason.Removed or Members.LeaveReason.Expelled && note is null)
            throw new ValidationFailedException("note", "Removing (xóa tên) or expelling (khai trừ) a member needs the reason and the decision.");
        End(MemberStatus.Left, reason, note, decision);
        Record(MemberChange.Left, decision.EffectiveOn, $"{reason}: {note}", decision);
        Raise(new MemberLeft
        {
            Member = ToSnapshot(), Reason = char.ToLowerInvariant(reason.ToString()[0]) + reason.ToString()[1..],
            EffectiveOn = decision.EffectiveOn, OccurredAt = decision.At,
        });
    }

    /// <summary>Giới thiệu đoàn viên ưu tú cho Đảng, by the unit's decision.</summary>
    public void RecommendToParty(string decisionNumber, Decision decision)
    {
        EnsureStatus(MemberStatus.Active, "recommended to the Party");
        if (PartyStatus != PartyStatus.None)
            throw new DomainRuleException(PartyStatus == PartyStatus.PartyMember
                ? $"{FullName} is already a Party member."
                : $"{FullName} was already recommended to the Party; the Party's answer comes next.");
        var number = Text.VietnameseText.Clean(decisionNumber);
        if (number.Length is 0 or > 50) throw new ValidationFailedException("decisionNumber", "The unit's decision number is required, at most 50 characters.");
        PartyStatus = PartyStatus.Recommended;
        Version++;
        Record(MemberChange.RecommendedToParty, decision.EffectiveOn, number, decision);
        Raise(new MemberRecommendedToParty { Member = ToSnapshot(), DecisionNumber = number, EffectiveOn = decision.EffectiveOn, OccurredAt = decision.At });
    }

    /// <summary>The Party's answer to the recommendation: admitted (kết nạp Đảng), or not (the member
    /// may be recommended again later).</summary>
    public void DecidePartyAdmission(bool admitted, Decision decision)
    {
        if (PartyStatus != PartyStatus.Recommended)
            throw new DomainRuleException($"{FullName} has not been recommended to the Party; the Party admits recommended members.");
        PartyStatus = admitted ? PartyStatus.PartyMember : PartyStatus.None;
        Version++;
        Record(admitted ? MemberChange.AdmittedToParty : MemberChange.NotAdmittedToParty, decision.EffectiveOn, null, decision);
        Raise(new MemberPartyAdmissionDecided { Member = ToSnapshot(), Admitted = admitted, EffectiveOn = decision.EffectiveOn, OccurredAt = decision.At });
    }
}
