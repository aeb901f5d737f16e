namespace DoanKhoi.Reporting.Bench;

/// <summary>The shape of the generated bloc, decided before anything is written: clusters of about 100
/// units each (a cluster's units next to each other), each unit's members (a lognormal spread around 60,
/// as units differ: a school's union is small, a corporation's large) as one range of member numbers, so a
/// unit's, a cluster's and the bloc's members are each a range to draw participants from.</summary>
public sealed class NationalLayout
{
    public required Guid[] ClusterIds { get; init; }
    public required Guid[] UnitIds { get; init; }
    /// <summary>The cluster (index) of each unit.</summary>
    public required int[] UnitCluster { get; init; }
    /// <summary>Unit u's members are the numbers MemberStart[u] to MemberStart[u + 1] - 1.</summary>
    public required long[] MemberStart { get; init; }
    /// <summary>Cluster c's units are the numbers UnitStart[c] to UnitStart[c + 1] - 1.</summary>
    public required int[] UnitStart { get; init; }

    public int Units => UnitIds.Length;
    public int Clusters => ClusterIds.Length;
    public long Members => MemberStart[^1];
    public int MembersOf(int unit) => (int)(MemberStart[unit + 1] - MemberStart[unit]);

    public static NationalLayout Plan(BenchSettings settings, Random random, IdSequence ids)
    {
        var (units, clusters) = (settings.Units, settings.Clusters);
        var clusterIds = Enumerable.Range(0, clusters).Select(_ => ids.Next()).ToArray();
        var unitIds = Enumerable.Range(0, units).Select(_ => ids.Next()).ToArray();
        var unitCluster = Enumerable.Range(0, units).Select(u => (int)((long)u * clusters / units)).ToArray();
        var unitStart = new int[clusters + 1];
        for (var u = units - 1; u >= 0; u--) unitStart[unitCluster[u]] = u;
        unitStart[clusters] = units;

        var weights = Enumerable.Range(0, units).Select(_ => Math.Exp(0.5 * Gaussian(random))).ToArray();
        var total = weights.Sum();
        var memberStart = new long[units + 1];
        double cumulative = 0;
        for (var u = 0; u < units; u++)
        {
            cumulative += weights[u];
            memberStart[u + 1] = (long)Math.Round(settings.Members * cumulative / total);
        }
        memberStart[units] = settings.Members;
        return new NationalLayout { ClusterIds = clusterIds, UnitIds = unitIds, UnitCluster = unitCluster, MemberStart = memberStart, UnitStart = unitStart };
    }

    public static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

/// <summary>Ids in increasing order (UUID version 7, a millisecond apart), so that rows copied in that order
/// fill their primary key's index at its end instead of all over it.</summary>
public sealed class IdSequence(DateTimeOffset from)
{
    private long _next;

    public Guid Next() => Guid.CreateVersion7(from.AddMilliseconds(_next++));
}
