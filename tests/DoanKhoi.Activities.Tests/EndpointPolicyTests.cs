using DoanKhoi.Testing;

namespace DoanKhoi.Activities.Tests;

public class EndpointPolicyTests(ActivitiesApiFactory factory) : EndpointPolicyTests<Program>(factory), IClassFixture<ActivitiesApiFactory>;
