using DoanKhoi.Contracts.Membership;
using DoanKhoi.Messaging.Outbox;
using DoanKhoi.Problems;

namespace DoanKhoi.Membership.Domain.Members;

/// <summary>A member of the Union (đoàn viên) in a grassroots unit, from admission to maturity or
/// leaving. Nothing is ever deleted: every step is dated, with who decided it, on the member's history,
/// and where the member belonged when is kept as placements ("who were the members of unit X on
/// 30/06/2023"). The member raises its own events; whoever changes it only saves.</summary>
public sealed partial class Member : AggregateRoot
{
    private readonly List<MemberHistoryEntry> _history = [];
    private readonly List<MemberPlacement> _placements = [];
    private readonly List<UnionPostTerm> _posts = [];

    private Member() { }

    public Guid Id { get; private set; }
    public string FullName { get; private set; } = "";
    public string FullNameFolded { get; private set; } = "";
    public DateOnly DateOfBirth { get; private set; }
    public Gender Gender { get; private set; }
    public string EthnicityCode { get; private set; } = "";
    public string? CitizenId { get; private set; }
    public string? Phone { get; private set; }
    public string? Email { get; private set; }
    public DateOnly JoinedUnionOn { get; private set; }
    public string? CardNumber { get; private set; }
    public Guid UnitId { get; private set; }
    public Guid? BranchId { get; private set; }
    public bool IsCadre { get; private set; }
    public MemberStatus Status { get; private set; }
    public PartyStatus PartyStatus { get; private set; }

    /// <summary>Kết nạp: set for a member admitted in DoanKhoi; null for one who joined before and was recorded.</summary>
    public string? AdmissionResolution { get; private set; }
    public Guid? AdmittingUnitId { get; private set; }

    /// <summary>Why and when a member left or matured out; null while a member.</summary>
    public LeaveReason? LeaveReason { get; private set; }
    public DateOnly? LeftOn { get; private set; }
    public string? LeaveNote { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public int Version { get; private set; }

    public IReadOnlyList<MemberHistoryEntry> History => _history;
    public IReadOnlyList<MemberPlacement> Placements => _placements;
    public IReadOnlyList<UnionPostTerm> Posts => _posts;

    /// <summary>The Union post held on <paramref name="day"/>, if any.</summary>
    public UnionPostTerm? PostOn(DateOnly day) => _posts.FirstOrDefault(p => p.Covers(day));

    /// <summary>Records a member who already belongs to the Union (joined on <see cref="MemberProfile.JoinedUnionOn"/>),
    /// with the Union post they hold, if any (a member sheet says it).</summary>
    public static Member Register(MemberProfile profile, Unit unit, Branch? branch, Decision decision, Guid? id = null, UnionPostTerm? post = null)
    {
        var member = New(profile, unit, branch, decision, id);
        if (post is not null)
        {
            member._posts.Add(post);
            member.IsCadre = true;
        }
        member.Record(MemberChange.Registered, profile.JoinedUnionOn, $"{unit.Code}", decision);
        member.Raise(new MemberRegistered { Member = member.ToSnapshot(), EffectiveOn = profile.JoinedUnionOn, OccurredAt = decision.At });
        return member;
    }

    /// <summary>Kết nạp đoàn viên: admits a young person of 16 to 30 by the unit's resolution.</summary>
    public static Member Admit(MemberProfile profile, Unit unit, Branch? branch, string resolutionNumber, Decision decision, Guid? id = null)
    {
        var age = UnionAge.On(profile.DateOfBirth, decision.EffectiveOn);
        if (age is < UnionAge.Minimum or > UnionAge.Maximum)
            throw new DomainRuleException(
                $"The Union admits young people from {UnionAge.Minimum} to {UnionAge.Maximum} years of age (Điều lệ Đoàn); on {decision.EffectiveOn:dd/MM/yyyy} {profile.Name} is {age}.");
        if (profile.JoinedUnionOn != decision.EffectiveOn)
            throw new ValidationFailedException("joinedUnionOn", "A member admitted now joins the Union on the day of the resolution.");
        var resolution = Text.VietnameseText.Clean(resolutionNumber);
        if (resolution.Length is 0 or > 50)
            throw new ValidationFailedException("resolutionNumber", "The admission resolution's number (số nghị quyết/quyết định) is required, at most 50 characters.");
        var member = New(profile, unit, branch, decision, id);
        member.AdmissionResolution = resolution;
        member.AdmittingUnitId = unit.Id;
        member.Record(MemberChange.Admitted, decision.EffectiveOn, $"{resolution}, {unit.Code}", decision);
        member.Raise(new MemberAdmitted
        {
            Member = member.ToSnapshot(), ResolutionNumber = resolution, AdmittingUnitId = unit.Id,
            EffectiveOn = decision.EffectiveOn, OccurredAt = decision.At,
        });
        return member;
    }

    /// <summary>Corrects the profile (a typing error, a new phone); the unit stays: moving is a transfer.</summary>
    public bool Correct(MemberProfile profile, Branch? branch, Decision decision)
    {
        EnsureCurrent("corrected");
        if (branch is not null && branch.UnitId != UnitId)
            throw new ValidationFailedException("branchId", "The branch is not one of the member's unit.");
        var changed = Apply(profile) | (BranchId != branch?.Id);
        if (!changed) return false;
        if (BranchId != branch?.Id) MoveBranch(branch, decision.EffectiveOn);
        Version++;
        Record(MemberChange.ProfileCorrected, decision.EffectiveOn, null, decision);
        Raise(new MemberProfileChanged { Member = ToSnapshot(), EffectiveOn = decision.EffectiveOn, OccurredAt = decision.At });
        return true;
    }

    /// <summary>What the member may correct themselves: their phone and e-mail.</summary>
    public bool CorrectContact(string? phone, string? email, Decision decision)
    {
        EnsureCurrent("corrected");
        if (Phone == phone && Email == email) return false;
        Phone = phone;
        Email = email;
        Version++;
        Record(MemberChange.ContactCorrected, decision.EffectiveOn, null, decision);
        Raise(new MemberProfileChanged { Member = ToSnapshot(), EffectiveOn = decision.EffectiveOn, OccurredAt = decision.At });
        return true;
    }

    /// <summary>Sets the member's Union posts (Bí thư, Phó Bí thư, Ủy viên BCH) with their terms: the
    /// terms of the past stay; a term may not overlap another.</summary>
    public bool SetPosts(IReadOnlyList<UnionPostTerm> terms, Decision decision)
    {
        EnsureCurrent("given a post");
        var ordered = terms.OrderBy(t => t.From).ToList();
        for (var i = 1; i < ordered.Count; i++)
            if (ordered[i - 1].To is not { } to || to >= ordered[i].From)
                throw new ValidationFailedException($"posts[{terms.ToList().IndexOf(ordered[i])}]",
                    $"Two terms overlap: {ordered[i - 1]} and {ordered[i]}. A member holds one post at a time.");
        if (ordered.SequenceEqual(_posts)) return false;
        _posts.Clear();
        _posts.AddRange(ordered);
        IsCadre = IsCadre || _posts.Count > 0;
        Version++;
        Record(MemberChange.PostsChanged, decision.EffectiveOn, string.Join("; ", ordered), decision);
        Raise(new MemberProfileChanged { Member = ToSnapshot(), EffectiveOn = decision.EffectiveOn, OccurredAt = decision.At });
        return true;
    }

    /// <summary>The sending unit issues a transfer to another unit of the bloc: the member is in
    /// transfer until the receiving unit decides.</summary>
    public void IssueTransfer(Transfer transfer, Decision decision)
    {
        EnsureStatus(MemberStatus.Active, "transferred");
        Status = MemberStatus.InTransfer;
        Version++;
        Record(MemberChange.TransferIssued, decision.EffectiveOn, transfer.Describe(), decision);
        Raise(new MemberTransferIssued
        {
            Member = ToSnapshot(), TransferId = transfer.Id, FromUnitId = UnitId, ToUnitId = transfer.ToUnitId!.Value,
            EffectiveOn = decision.EffectiveOn, OccurredAt = decision.At,
        });
    }

    /// <summary>The receiving unit accepted: the member belongs to it (and the branch it chose) from the decision's day.</summary>
    public void CompleteTransfer(Transfer transfer, Unit to, Branch? branch, Decision decision)
    {
        EnsureStatus(MemberStatus.InTransfer, "received");
        if (to.Status == UnitStatus.Closed) throw new DomainRuleException($"The unit {to.Name} is closed; it takes no members.");
        var from = UnitId;
        var current = _placements.Single(p => p.To is null);
        if (decision.EffectiveOn < current.From)
            throw new DomainRuleException($"The transfer cannot take effect on {decision.EffectiveOn:dd/MM/yyyy}, before {FullName} joined the present unit ({current.From:dd/MM/yyyy}).");
        current.End(decision.EffectiveOn);
        _placements.Add(new MemberPlacement(Id, to.Id, branch?.Id, decision.EffectiveOn, null));
        UnitId = to.Id;
        BranchId = branch?.Id;
        Status = MemberStatus.Active;
        Version++;
        Record(MemberChange.Transferred, decision.EffectiveOn, transfer.Describe(), decision);
        Raise(new MemberTransferred { Member = ToSnapshot(), TransferId = transfer.Id, FromUnitId = from, EffectiveOn = decision.EffectiveOn, OccurredAt = decision.At });
    }

    /// <summary>A pending transfer was rejected or withdrawn: the member stays where they were.</summary>
    public void CancelTransfer(Transfer transfer, Decision decision)
    {
        EnsureStatus(MemberStatus.InTransfer, "kept after a cancelled transfer");
        Status = MemberStatus.Active;
        Version++;
        var outcome = transfer.Status == TransferStatus.Rejected ? "rejected" : "withdrawn";
        Record(transfer.Status == TransferStatus.Rejected ? MemberChange.TransferRejected : MemberChange.TransferWithdrawn, decision.EffectiveOn, transfer.DecisionReason, decision);
        Raise(new MemberTransferCancelled
        {
            Member = ToSnapshot(), TransferId = transfer.Id, Outcome = outcome, Reason = transfer.DecisionReason,
            EffectiveOn = decision.EffectiveOn, OccurredAt = decision.At,
        });
    }

    public MemberSnapshot ToSnapshot() => new()
    {
        MemberId = Id, FullName = FullName, DateOfBirth = DateOfBirth, Gender = Gender == Gender.Male ? "male" : "female",
        UnitId = UnitId, BranchId = BranchId, Status = Status, PartyStatus = PartyStatus, IsCadre = IsCadre,
        JoinedUnionOn = JoinedUnionOn, Version = Version,
    };

    private static Member New(MemberProfile profile, Unit unit, Branch? branch, Decision decision, Guid? id)
    {
        if (unit.Status == UnitStatus.Closed)
            throw new DomainRuleException($"The unit {unit.Name} was closed on {unit.ClosedOn:dd/MM/yyyy}; it takes no new members.");
        if (branch is not null && branch.UnitId != unit.Id)
            throw new ValidationFailedException("branchId", $"The branch {branch.Name} is not one of {unit.Name}'s.");
        var member = new Member
        {
            Id = id ?? Guid.CreateVersion7(decision.At),
            UnitId = unit.Id,
            BranchId = branch?.Id,
            Status = MemberStatus.Active,
            CreatedAt = decision.At,
            Version = 1,
        };
        member.Apply(profile);
        member._placements.Add(new MemberPlacement(member.Id, unit.Id, branch?.Id, profile.JoinedUnionOn, null));
        return member;
    }

    private bool Apply(MemberProfile p)
    {
        var changed = FullName != p.Name.Value || DateOfBirth != p.DateOfBirth || Gender != p.Gender || EthnicityCode != p.Ethnicity.Code
            || CitizenId != p.CitizenId?.Value || Phone != p.Phone || Email != p.Email || JoinedUnionOn != p.JoinedUnionOn
            || CardNumber != p.CardNumber || IsCadre != p.IsCadre || PartyStatus != p.PartyStatus;
        FullName = p.Name.Value;
        FullNameFolded = p.Name.Folded;
        DateOfBirth = p.DateOfBirth;
        Gender = p.Gender;
        EthnicityCode = p.Ethnicity.Code;
        CitizenId = p.CitizenId?.Value;
        Phone = p.Phone;
        Email = p.Email;
        JoinedUnionOn = p.JoinedUnionOn;
        CardNumber = p.CardNumber;
        IsCadre = p.IsCadre;
        PartyStatus = p.PartyStatus;
        return changed;
    }

    private void MoveBranch(Branch? branch, DateOnly on)
    {
        var current = _placements.Single(p => p.To is null);
        if (current.From == on) _placements.Remove(current);
        else current.End(on);
        _placements.Add(new MemberPlacement(Id, UnitId, branch?.Id, on, null));
        BranchId = branch?.Id;
    }

    private void End(MemberStatus status, LeaveReason? reason, string? note, Decision decision)
    {
        var current = _placements.Single(p => p.To is null);
        if (decision.EffectiveOn < current.From)
            throw new DomainRuleException($"{FullName} cannot leave on {decision.EffectiveOn:dd/MM/yyyy}, before joining the present unit ({current.From:dd/MM/yyyy}).");
        current.End(decision.EffectiveOn);
        Status = status;
        LeaveReason = reason;
        LeftOn = decision.EffectiveOn;
        LeaveNote = note;
        Version++;
    }

    private void EnsureStatus(MemberStatus expected, string action)
    {
        if (Status == expected) return;
        throw new DomainRuleException(Status switch
        {
            MemberStatus.InTransfer => $"{FullName} is in transfer and cannot be {action} until the receiving unit decides or the transfer is withdrawn.",
            MemberStatus.Matured => $"{FullName} matured out of the Union on {LeftOn:dd/MM/yyyy} and cannot be {action}.",
            MemberStatus.Left => $"{FullName} left the Union's rolls in the bloc on {LeftOn:dd/MM/yyyy} and cannot be {action}.",
            _ => $"{FullName} is not in transfer and cannot be {action}.",
        });
    }

    private void EnsureCurrent(string action)
    {
        if (Status is MemberStatus.Matured or MemberStatus.Left)
            throw new DomainRuleException($"{FullName} is no longer a member of the unit ({Status.ToString().ToLowerInvariant()}) and cannot be {action}.");
    }

    private void Record(MemberChange change, DateOnly effectiveOn, string? detail, Decision decision) =>
        _history.Add(new MemberHistoryEntry(Id, Version, change, effectiveOn, detail, decision.By, decision.At));
}
