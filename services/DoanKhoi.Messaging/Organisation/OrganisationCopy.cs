using DoanKhoi.Contracts.Membership;
using DoanKhoi.Text;

namespace DoanKhoi.Organisation;

// A service's own copy of the organisation tree, kept from membership's events (OrganisationCopyConsumer).
// Each row keeps the state of the highest version seen, so events applied late, twice or out of order
// leave it right. Membership owns the tree; every other service reads its copy, never membership.

public sealed class ClusterCopy
{
    public Guid Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public int Version { get; private set; }

    public static ClusterCopy From(ClusterSnapshot s) => new() { Id = s.ClusterId, Code = s.Code, Name = s.Name, Version = s.Version };

    /// <summary>Takes the snapshot if it is newer; returns whether anything changed.</summary>
    public bool Apply(ClusterSnapshot s)
    {
        if (s.Version <= Version) return false;
        (Code, Name, Version) = (s.Code, s.Name, s.Version);
        return true;
    }
}

public sealed class UnitCopy
{
    public Guid Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string NameFolded { get; private set; } = "";
    public UnitKind Kind { get; private set; }
    public Guid ClusterId { get; private set; }
    public UnitStatus Status { get; private set; }
    public DateOnly? ClosedOn { get; private set; }
    public int Version { get; private set; }

    public static UnitCopy From(UnitSnapshot s)
    {
        var unit = new UnitCopy { Id = s.UnitId };
        unit.Apply(s);
        return unit;
    }

    public bool Apply(UnitSnapshot s)
    {
        if (s.Version <= Version) return false;
        Code = s.Code;
        Name = s.Name;
        NameFolded = VietnameseText.Fold(s.Name);
        Kind = s.Kind;
        ClusterId = s.ClusterId;
        Status = s.Status;
        ClosedOn = s.ClosedOn;
        Version = s.Version;
        return true;
    }
}

public sealed class BranchCopy
{
    public Guid Id { get; private set; }
    public Guid UnitId { get; private set; }
    public string Name { get; private set; } = "";
    public int Version { get; private set; }

    public static BranchCopy From(BranchSnapshot s) => new() { Id = s.BranchId, UnitId = s.UnitId, Name = s.Name, Version = s.Version };

    public bool Apply(BranchSnapshot s)
    {
        if (s.Version <= Version) return false;
        (UnitId, Name, Version) = (s.UnitId, s.Name, s.Version);
        return true;
    }
}
