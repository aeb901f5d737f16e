using DoanKhoi.Contracts.Membership;
using DoanKhoi.Membership.Domain.Members;

namespace DoanKhoi.Membership.Infrastructure;

/// <summary>How many members share a unit, a status, a gender, a Party status, the cadre flag and a month
/// of birth. The statistics and a list's total add up these few thousand rows instead of counting a
/// million members. PostgreSQL keeps them, in the transaction that writes the members, whoever writes
/// (the API, the import, the demo loader): the triggers of the migration <c>MemberTallies</c>.</summary>
public sealed class MemberTally
{
    /// <summary>Recounts every tally from the members (after a bulk load that bypassed the triggers).</summary>
    public const string RebuildSql = "SELECT member_tallies_rebuild()";

    public Guid UnitId { get; private set; }
    public MemberStatus Status { get; private set; }
    public Gender Gender { get; private set; }
    public PartyStatus PartyStatus { get; private set; }
    public bool IsCadre { get; private set; }

    /// <summary>The first day of the month the members were born in.</summary>
    public DateOnly BornIn { get; private set; }

    public int Members { get; private set; }
}
