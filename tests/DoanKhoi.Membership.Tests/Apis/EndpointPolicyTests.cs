using DoanKhoi.Testing;

namespace DoanKhoi.Membership.Tests.Apis;

public class EndpointPolicyTests(MembershipApiFactory factory) : EndpointPolicyTests<Program>(factory), IClassFixture<MembershipApiFactory>;
