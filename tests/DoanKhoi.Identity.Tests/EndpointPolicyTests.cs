using DoanKhoi.Testing;

namespace DoanKhoi.Identity.Tests;

/// <summary>Beyond health and the API description, public is what a person needs before they have a token.</summary>
public class EndpointPolicyTests(IdentityApiFactory factory) : EndpointPolicyTests<Program>(factory,
    "POST /account/first-signin", "GET /account/signin", "POST /account/signin", "GET,POST /connect/authorize", "GET,POST /connect/signout", "POST /connect/token"),
    IClassFixture<IdentityApiFactory>;
