using DoanKhoi.Testing;

namespace DoanKhoi.Membership.Tests.Apis;

public class EndpointPolicyTests(MembershipApiFactory factory) : IClassFixture<MembershipApiFactory>
{
    [Fact]
    public void Every_endpoint_names_an_authorization_policy_unless_it_is_deliberately_public()
    {
        _ = factory.Server;

        Assert.Empty(EndpointPolicies.Unguarded(factory.Services));
        Assert.Equal(EndpointPolicies.ServiceDefaults, EndpointPolicies.Public(factory.Services));
    }
}
