using DoanKhoi.Testing;

namespace DoanKhoi.Reporting.Tests;

public class EndpointPolicyTests(ReportingApiFactory factory) : IClassFixture<ReportingApiFactory>
{
    [Fact]
    public void Every_endpoint_names_an_authorization_policy_unless_it_is_deliberately_public()
    {
        _ = factory.Server;

        Assert.Empty(EndpointPolicies.Unguarded(factory.Services));
        Assert.Equal(EndpointPolicies.ServiceDefaults, EndpointPolicies.Public(factory.Services));
    }
}
