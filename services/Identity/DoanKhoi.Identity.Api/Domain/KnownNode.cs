using DoanKhoi.Security;

namespace DoanKhoi.Identity.Domain;

/// <summary>A node of the organisation tree as identity has heard of it from membership: enough to
/// refuse a post on a cluster, unit or branch that does not exist.</summary>
public sealed class KnownNode
{
    private KnownNode() { }

    public Guid Id { get; private set; }
    public NodeKind Kind { get; private set; }
    public string Name { get; private set; } = "";
    public int Version { get; private set; }

    public static KnownNode From(Guid id, NodeKind kind, string name, int version) => new() { Id = id, Kind = kind, Name = name, Version = version };

    /// <summary>Keeps the newer of what it knows and <paramref name="version"/>: events may come in any order.</summary>
    public void Apply(string name, int version)
    {
        if (version <= Version) return;
        (Name, Version) = (name, version);
    }
}
