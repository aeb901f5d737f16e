using DoanKhoi.Testing;

namespace DoanKhoi.Inspection.Tests;

public class EndpointPolicyTests(InspectionApiFactory factory) : EndpointPolicyTests<Program>(factory), IClassFixture<InspectionApiFactory>;
