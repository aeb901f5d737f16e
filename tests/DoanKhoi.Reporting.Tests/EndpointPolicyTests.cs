using DoanKhoi.Testing;

namespace DoanKhoi.Reporting.Tests;

public class EndpointPolicyTests(ReportingApiFactory factory) : EndpointPolicyTests<Program>(factory), IClassFixture<ReportingApiFactory>;
