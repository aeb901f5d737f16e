using DoanKhoi.Testing;

namespace DoanKhoi.Identity.Tests;

public class EndpointPolicyTests(IdentityApiFactory factory) : IClassFixture<IdentityApiFactory>
{
    [Fact]
    public void Every_endpoint_names_an_authorization_policy_unless_it_is_deliberately_public()
    {
        _ = factory.Server;

        Assert.Empty(EndpointPolicies.Unguarded(factory.Services));
        // Beyond health and the API description: what a person needs before they have a token.
        string[] signIn = ["GET /account/signin", "GET,POST /connect/authorize", "GET,POST /connect/signout", "POST /account/signin", "POST /connect/token"];
        Assert.Equal(EndpointPolicies.ServiceDefaults.Concat(signIn).Order(StringComparer.Ordinal), EndpointPolicies.Public(factory.Services));
    }
}
