using DoanKhoi.Contracts.Membership;
using DoanKhoi.Security;
using Xunit;

namespace DoanKhoi.Testing;

/// <summary>The posts the access matrices try, on a bloc of two clusters A and B with one unit each; unit A
/// has a branch. "Inside" is unit A (and cluster A), "outside" unit B.</summary>
public enum Who { BlocOffice, StandingCommittee, InspectionCommittee, LeadOfA, SecretaryOfA, SecretaryOfBranchInA, Member, ReadOnlySystem }

public sealed record MatrixBloc(Guid ClusterA, Guid ClusterB, Guid UnitA, Guid UnitB, Guid BranchA)
{
    public static TheoryData<Who> Everyone() => new(Enum.GetValues<Who>());

    /// <summary>A real-shaped token for <paramref name="who"/>; the system reads with a bloc-office post.</summary>
    public string TokenOf(Who who) => who switch
    {
        Who.BlocOffice => TestTokens.For(Post.Bloc(Role.BlocOffice)),
        Who.StandingCommittee => TestTokens.For(Post.Bloc(Role.StandingCommittee)),
        Who.InspectionCommittee => TestTokens.For(Post.Bloc(Role.InspectionCommittee)),
        Who.LeadOfA => TestTokens.For(Post.OnCluster(ClusterA)),
        Who.SecretaryOfA => TestTokens.For(Post.OnUnit(UnitA)),
        Who.SecretaryOfBranchInA => TestTokens.For(Post.OnBranch(BranchA)),
        Who.Member => TestTokens.For(Post.OfMember(Guid.NewGuid())),
        Who.ReadOnlySystem => TestTokens.Create([Post.Bloc(Role.BlocOffice)], [Scopes.Read], clientId: "province-bi"),
        _ => throw new ArgumentOutOfRangeException(nameof(who)),
    };

    /// <summary>Tells a service's copy of the tree what membership would: the two clusters, their units
    /// ("Đoàn A", "Đoàn B") and unit A's branch.</summary>
    public async Task TellAsync<TEntryPoint>(ServiceFactory<TEntryPoint> factory) where TEntryPoint : class
    {
        var now = DateTimeOffset.UtcNow;
        await factory.DeliverAsync(new ClusterCreated { Cluster = new() { ClusterId = ClusterA, Code = "CUM-A", Name = "Cụm A", Version = 1 }, OccurredAt = now });
        await factory.DeliverAsync(new ClusterCreated { Cluster = new() { ClusterId = ClusterB, Code = "CUM-B", Name = "Cụm B", Version = 1 }, OccurredAt = now });
        foreach (var (unit, cluster, name) in new[] { (UnitA, ClusterA, "Đoàn A"), (UnitB, ClusterB, "Đoàn B") })
            await factory.DeliverAsync(new UnitCreated
            {
                Unit = new() { UnitId = unit, Code = name, Name = name, Kind = UnitKind.Agency, ClusterId = cluster, Status = UnitStatus.Open, Version = 1 },
                OccurredAt = now,
            });
        await factory.DeliverAsync(new BranchCreated { Branch = new() { BranchId = BranchA, UnitId = UnitA, Name = "Chi đoàn 1", Version = 1 }, OccurredAt = now });
    }

    /// <summary>Whether <paramref name="who"/> reaches unit A (<paramref name="unitA"/>) or unit B.</summary>
    public static bool Reaches(Who who, bool unitA) => who switch
    {
        Who.LeadOfA or Who.SecretaryOfA or Who.SecretaryOfBranchInA => unitA,
        Who.Member => false,
        _ => true,
    };
}

/// <summary>The access matrix of a service whose only endpoints are a catalogue everyone reads and the
/// audit trail: derive it in the service's test project.</summary>
public abstract class CatalogueAccessMatrix<TEntryPoint>(ServiceFactory<TEntryPoint> factory, string cataloguePath) where TEntryPoint : class
{
    private static readonly MatrixBloc Bloc = new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

    [Theory]
    [MemberData(nameof(MatrixBloc.Everyone), MemberType = typeof(MatrixBloc))]
    public async Task Everyone_reads_the_catalogue_and_only_the_bloc_office_reads_the_record(Who who)
    {
        var client = factory.CreateClient().As(Bloc.TokenOf(who));

        var catalogue = await client.GetAsync(cataloguePath);
        var record = await client.GetAsync("/audit");

        var readsRecord = who is Who.BlocOffice or Who.ReadOnlySystem;
        Assert.Equal((System.Net.HttpStatusCode.OK, readsRecord ? System.Net.HttpStatusCode.OK : System.Net.HttpStatusCode.Forbidden),
            (catalogue.StatusCode, record.StatusCode));
    }
}
