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

    /// <summary>Whether <paramref name="who"/> reaches unit A (<paramref name="unitA"/>) or unit B.</summary>
    public static bool Reaches(Who who, bool unitA) => who switch
    {
        Who.LeadOfA or Who.SecretaryOfA or Who.SecretaryOfBranchInA => unitA,
        Who.Member => false,
        _ => true,
    };
}
