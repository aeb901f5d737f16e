using DoanKhoi.Contracts.Membership;

namespace DoanKhoi.Membership.Domain;

/// <summary>A branch (chi đoàn) of a grassroots unit.</summary>
public sealed class Branch
{
    private Branch() { }

    public Guid Id { get; private set; }
    public Guid UnitId { get; private set; }
    public string Name { get; private set; } = "";
    public string NameFolded { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public int Version { get; private set; }

    public static Branch Create(Unit unit, OrganisationName name, DateTimeOffset now)
    {
        if (unit.Status == UnitStatus.Closed)
            throw new Problems.DomainRuleException($"The unit {unit.Name} is closed; it cannot get a new branch.");
        return new Branch { Id = Guid.CreateVersion7(now), UnitId = unit.Id, Name = name.Value, NameFolded = name.Folded, CreatedAt = now, Version = 1 };
    }

    /// <summary>Refuses a new branch when the unit has <see cref="OrganisationLimits.MaxBranchesPerUnit"/> already.</summary>
    public static void EnsureRoomIn(Unit unit, int branchesOfUnit)
    {
        if (branchesOfUnit >= OrganisationLimits.MaxBranchesPerUnit)
            throw new Problems.DomainRuleException($"The unit {unit.Name} has {OrganisationLimits.MaxBranchesPerUnit} branches already; no more can be added.");
    }

    public BranchSnapshot ToSnapshot() => new() { BranchId = Id, UnitId = UnitId, Name = Name, Version = Version };
}
