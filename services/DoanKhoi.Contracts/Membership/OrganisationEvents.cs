namespace DoanKhoi.Contracts.Membership;

// Every organisation event carries the node's whole current state and a version that grows by one
// with each change, so a subscriber can apply events in any order and any number of times: it keeps
// the state with the highest version it has seen.

/// <summary>What membership guarantees of the organisation its events describe, for the subscribers that
/// keep a copy of it and the APIs that show it: how long a code or a name can be, and how many
/// clusters, open units and branches there can be (membership refuses one more).</summary>
public static class OrganisationLimits
{
    public const int CodeMaxLength = 30;
    public const int NameMaxLength = 200;

    /// <summary>Emulation clusters in the bloc.</summary>
    public const int MaxClusters = 100;

    /// <summary>Open grassroots units in the bloc; closed ones are kept besides.</summary>
    public const int MaxOpenUnits = 1000;

    /// <summary>Branches (chi đoàn) of one unit.</summary>
    public const int MaxBranchesPerUnit = 100;
}

/// <summary>The kind of a grassroots unit (cơ sở Đoàn).</summary>
public enum UnitKind
{
    /// <summary>Cơ quan.</summary>
    Agency,
    /// <summary>Doanh nghiệp.</summary>
    Enterprise,
    /// <summary>Trường học: college, high school (THPT), TTGDNN-GDTX. Reports to the education calendar.</summary>
    School,
}

public enum UnitStatus
{
    Open,
    Closed,
}

/// <summary>The state of an emulation cluster (cụm thi đua) after a change.</summary>
public record ClusterSnapshot
{
    public required Guid ClusterId { get; init; }
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required int Version { get; init; }
}

/// <summary>The state of a grassroots unit after a change.</summary>
public record UnitSnapshot
{
    public required Guid UnitId { get; init; }
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required UnitKind Kind { get; init; }
    public required Guid ClusterId { get; init; }
    public required UnitStatus Status { get; init; }
    public DateOnly? ClosedOn { get; init; }
    public required int Version { get; init; }
}

/// <summary>The state of a branch (chi đoàn) after a change.</summary>
public record BranchSnapshot
{
    public required Guid BranchId { get; init; }
    public required Guid UnitId { get; init; }
    public required string Name { get; init; }
    public required int Version { get; init; }
}

public record ClusterCreated
{
    public required ClusterSnapshot Cluster { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

public record ClusterRenamed
{
    public required ClusterSnapshot Cluster { get; init; }
    public required string PreviousName { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

public record UnitCreated
{
    public required UnitSnapshot Unit { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

public record UnitRenamed
{
    public required UnitSnapshot Unit { get; init; }
    public required string PreviousName { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>A unit moved to another emulation cluster.</summary>
public record UnitMoved
{
    public required UnitSnapshot Unit { get; init; }
    public required Guid PreviousClusterId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>A unit was closed (merged, dissolved); it is kept with its history.</summary>
public record UnitClosed
{
    public required UnitSnapshot Unit { get; init; }
    public string? Reason { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

public record BranchCreated
{
    public required BranchSnapshot Branch { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
