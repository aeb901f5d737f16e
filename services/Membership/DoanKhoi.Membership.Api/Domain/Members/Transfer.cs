using DoanKhoi.Problems;

namespace DoanKhoi.Membership.Domain.Members;

/// <summary>Chuyển sinh hoạt Đoàn between two units of the bloc, two-sided: the sending unit issues it
/// (with its letter's number), the receiving unit accepts it (choosing the branch) or rejects it with a
/// reason; the sending unit may withdraw it before then. It is kept, whatever became of it.</summary>
public sealed class Transfer
{
    public const int MaxTextLength = 500;

    private Transfer() { }

    public Guid Id { get; private set; }
    public Guid MemberId { get; private set; }
    public Guid FromUnitId { get; private set; }
    public Guid? ToUnitId { get; private set; }
    public string? LetterNumber { get; private set; }
    public DateOnly IssuedOn { get; private set; }
    public string IssuedBy { get; private set; } = "";
    public TransferStatus Status { get; private set; }
    public Guid? ToBranchId { get; private set; }
    public DateOnly? DecidedOn { get; private set; }
    public string? DecidedBy { get; private set; }
    public string? DecisionReason { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public int Version { get; private set; }

    public static Transfer Issue(Member member, Unit to, string? letterNumber, Decision decision)
    {
        if (to.Id == member.UnitId) throw new ValidationFailedException("toUnitId", $"{member.FullName} is already in {to.Name}.");
        if (to.Status == Contracts.Membership.UnitStatus.Closed) throw new DomainRuleException($"The unit {to.Name} is closed; it takes no members.");
        var transfer = new Transfer
        {
            Id = Guid.CreateVersion7(decision.At), MemberId = member.Id, FromUnitId = member.UnitId, ToUnitId = to.Id,
            LetterNumber = Clean(letterNumber, "letterNumber", 50), IssuedOn = decision.EffectiveOn, IssuedBy = decision.By,
            Status = TransferStatus.Pending, CreatedAt = decision.At, Version = 1,
        };
        member.IssueTransfer(transfer, decision);
        return transfer;
    }

    public void Accept(Member member, Unit to, Branch? branch, Decision decision)
    {
        EnsurePending("accepted");
        if (branch is not null && branch.UnitId != to.Id) throw new ValidationFailedException("branchId", $"The branch {branch.Name} is not one of {to.Name}'s.");
        if (decision.EffectiveOn < IssuedOn)
            throw new ValidationFailedException("acceptedOn", $"A transfer is accepted on or after the day it was issued ({IssuedOn:dd/MM/yyyy}).");
        Decide(TransferStatus.Accepted, null, decision);
        ToBranchId = branch?.Id;
        member.CompleteTransfer(this, to, branch, decision);
    }

    public void Reject(Member member, string? reason, Decision decision)
    {
        EnsurePending("rejected");
        Decide(TransferStatus.Rejected, Clean(reason, "reason", MaxTextLength) ?? throw new ValidationFailedException("reason", "Say why the transfer is rejected, for the sending unit."), decision);
        member.CancelTransfer(this, decision);
    }

    public void Withdraw(Member member, string? reason, Decision decision)
    {
        EnsurePending("withdrawn");
        Decide(TransferStatus.Withdrawn, Clean(reason, "reason", MaxTextLength), decision);
        member.CancelTransfer(this, decision);
    }

    public string Describe() => $"{FromUnitId} → {ToUnitId}" + (LetterNumber is null ? "" : $", {LetterNumber}");

    private void Decide(TransferStatus status, string? reason, Decision decision)
    {
        Status = status;
        DecidedOn = decision.EffectiveOn;
        DecidedBy = decision.By;
        DecisionReason = reason;
        Version++;
    }

    private void EnsurePending(string action)
    {
        if (Status != TransferStatus.Pending)
            throw new DomainRuleException($"The transfer was already {Status.ToString().ToLowerInvariant()} on {DecidedOn:dd/MM/yyyy}; it cannot be {action}.");
    }

    private static string? Clean(string? text, string field, int max)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var value = Text.VietnameseText.Clean(text);
        return value.Length <= max ? value : throw new ValidationFailedException(field, $"At most {max} characters.");
    }
}

public enum TransferStatus
{
    Pending,
    Accepted,
    Rejected,
    Withdrawn,
}
