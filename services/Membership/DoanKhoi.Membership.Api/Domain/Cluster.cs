using DoanKhoi.Contracts.Membership;

namespace DoanKhoi.Membership.Domain;

/// <summary>An emulation cluster (cụm thi đua) of the bloc.</summary>
public sealed class Cluster
{
    private Cluster() { }

    public Guid Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string NameFolded { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Grows by one with each change: the order of events and the optimistic-concurrency token.</summary>
    public int Version { get; private set; }

    public static Cluster Create(OrganisationCode code, OrganisationName name, DateTimeOffset now, Guid? id = null) => new()
    {
        Id = id ?? Guid.CreateVersion7(now),
        Code = code.Value,
        Name = name.Value,
        NameFolded = name.Folded,
        CreatedAt = now,
        Version = 1,
    };

    /// <summary>Renames the cluster; returns the previous name, or null when the name is unchanged.</summary>
    public string? Rename(OrganisationName name)
    {
        if (name.Value == Name) return null;
        var previous = Name;
        Name = name.Value;
        NameFolded = name.Folded;
        Version++;
        return previous;
    }

    /// <summary>Refuses a new cluster when the bloc has <see cref="OrganisationLimits.MaxClusters"/> already.</summary>
    public static void EnsureRoomInBloc(int clustersInBloc)
    {
        if (clustersInBloc >= OrganisationLimits.MaxClusters)
            throw new Problems.DomainRuleException($"The bloc has {OrganisationLimits.MaxClusters} emulation clusters already; no more can be created.");
    }

    public ClusterSnapshot ToSnapshot() => new() { ClusterId = Id, Code = Code, Name = Name, Version = Version };
}
