using DoanKhoi.Contracts.Membership;
using DoanKhoi.Problems;

namespace DoanKhoi.Membership.Domain;

/// <summary>A grassroots unit (cơ sở Đoàn) in an emulation cluster. A closed unit is kept with its
/// history and can no longer change.</summary>
public sealed class Unit
{
    public const int MaxCloseReasonLength = 500;

    /// <summary>The longest text a history entry keeps for what a change was from or to.</summary>
    public const int MaxHistoryTextLength = 500;

    private readonly List<UnitHistoryEntry> _history = [];

    private Unit() { }

    public Guid Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string NameFolded { get; private set; } = "";
    public UnitKind Kind { get; private set; }
    public Guid ClusterId { get; private set; }
    public UnitStatus Status { get; private set; }
    public DateOnly? ClosedOn { get; private set; }
    public string? CloseReason { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public int Version { get; private set; }
    public IReadOnlyList<UnitHistoryEntry> History => _history;

    public static Unit Create(OrganisationCode code, OrganisationName name, UnitKind kind, Cluster cluster, DateTimeOffset now, Guid? id = null)
    {
        var unit = new Unit
        {
            Id = id ?? Guid.CreateVersion7(now),
            Code = code.Value,
            Name = name.Value,
            NameFolded = name.Folded,
            Kind = kind,
            ClusterId = cluster.Id,
            Status = UnitStatus.Open,
            CreatedAt = now,
            Version = 1,
        };
        unit.Record(UnitChange.Created, null, $"{name.Value} ({code.Value}) in cluster {cluster.Code}", now);
        return unit;
    }

    /// <summary>Refuses a new unit when the bloc has <see cref="OrganisationLimits.MaxOpenUnits"/> open units already.</summary>
    public static void EnsureRoomInBloc(int openUnitsInBloc)
    {
        if (openUnitsInBloc >= OrganisationLimits.MaxOpenUnits)
            throw new DomainRuleException($"The bloc has {OrganisationLimits.MaxOpenUnits} open units already; close one before creating another.");
    }

    /// <summary>Renames the unit; returns the previous name, or null when the name is unchanged.</summary>
    public string? Rename(OrganisationName name, DateTimeOffset now)
    {
        EnsureOpen("renamed");
        if (name.Value == Name) return null;
        var previous = Name;
        Name = name.Value;
        NameFolded = name.Folded;
        Version++;
        Record(UnitChange.Renamed, previous, name.Value, now);
        return previous;
    }

    /// <summary>Moves the unit to another emulation cluster; returns the previous cluster's id, or null
    /// when the unit is already there.</summary>
    public Guid? MoveTo(Cluster cluster, DateTimeOffset now)
    {
        EnsureOpen("moved");
        if (cluster.Id == ClusterId) return null;
        var previous = ClusterId;
        ClusterId = cluster.Id;
        Version++;
        Record(UnitChange.Moved, previous.ToString(), cluster.Id.ToString(), now);
        return previous;
    }

    /// <summary>Closes the unit (merged, dissolved); it stays, with its history, for past periods.</summary>
    public void Close(DateOnly closedOn, string? reason, DateTimeOffset now)
    {
        EnsureOpen("closed");
        reason = string.IsNullOrWhiteSpace(reason) ? null : Text.VietnameseText.Clean(reason);
        if (reason?.Length > MaxCloseReasonLength)
            throw new ValidationFailedException("reason", $"The reason is {reason.Length} characters long; at most {MaxCloseReasonLength} are allowed.");
        var createdOn = Text.VietnamTime.DateOf(CreatedAt);
        if (closedOn < createdOn)
            throw new ValidationFailedException("closedOn", $"A unit cannot close before it was created ({createdOn:dd/MM/yyyy}).");
        Status = UnitStatus.Closed;
        ClosedOn = closedOn;
        CloseReason = reason;
        Version++;
        Record(UnitChange.Closed, null, reason, now);
    }

    public UnitSnapshot ToSnapshot() => new()
    {
        UnitId = Id, Code = Code, Name = Name, Kind = Kind, ClusterId = ClusterId, Status = Status, ClosedOn = ClosedOn, Version = Version,
    };

    private void EnsureOpen(string action)
    {
        if (Status == UnitStatus.Closed)
            throw new DomainRuleException($"The unit {Name} was closed on {ClosedOn:dd/MM/yyyy} and cannot be {action}.");
    }

    private void Record(UnitChange change, string? from, string? to, DateTimeOffset now) =>
        _history.Add(new UnitHistoryEntry(Id, Version, change, from, to, now));
}

public enum UnitChange
{
    Created,
    Renamed,
    Moved,
    Closed,
}

/// <summary>One change of a unit, kept for as long as the unit is.</summary>
public sealed record UnitHistoryEntry(Guid UnitId, int Version, UnitChange Change, string? From, string? To, DateTimeOffset At)
{
    /// <summary>Store-generated, so a new entry is always inserted.</summary>
    public long Id { get; private set; }
}
