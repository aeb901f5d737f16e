using System.Security.Claims;
using DoanKhoi.Security;
using DoanKhoi.Web.Infrastructure;

namespace DoanKhoi.Web.Tests;

/// <summary>Who is signed in, as the portal's cookie says, and which home page their posts call for.</summary>
public class PortalUserTests
{
    private static PortalUser With(params string[] posts) => PortalUser.From(new ClaimsPrincipal(new ClaimsIdentity(
        [new Claim("sub", "a1"), new Claim("name", "Nguyễn Thị Hà"), new Claim("preferred_username", "ha"), .. posts.Select(p => new Claim(Post.ClaimType, p))],
        authenticationType: "cookie")));

    [Fact]
    public void The_widest_post_shapes_the_home_page()
    {
        var unit = Guid.NewGuid();
        var member = Guid.NewGuid();

        Assert.Equal(Role.UnitSecretary, With($"member@member:{member}", $"unit-secretary@unit:{unit}").MainRole);
        Assert.Equal(Role.BlocOffice, With($"unit-secretary@unit:{unit}", "bloc-office@bloc").MainRole);
        Assert.Equal(Role.Member, With($"member@member:{member}").MainRole);
        Assert.Null(With().MainRole);
    }

    [Fact]
    public void Posts_name_the_units_clusters_and_member_record_they_are_held_on()
    {
        var (unit, branch, cluster, member) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        var user = With($"unit-secretary@unit:{unit}", $"unit-secretary@branch:{branch}", $"cluster-lead@cluster:{cluster}", $"member@member:{member}", "not a post");

        Assert.Equal([unit], user.Units);
        Assert.Equal([branch], user.Branches);
        Assert.Equal([cluster], user.Clusters);
        Assert.Equal(member, user.MemberId);
        Assert.Equal(4, user.Posts.Count);
        Assert.Equal("Nguyễn Thị Hà", user.DisplayName);
        Assert.False(user.SeesBloc);
    }

    [Fact]
    public void Nobody_signed_in_has_no_posts()
    {
        var user = PortalUser.From(new ClaimsPrincipal(new ClaimsIdentity()));

        Assert.False(user.IsSignedIn);
        Assert.Empty(user.Posts);
    }
}
