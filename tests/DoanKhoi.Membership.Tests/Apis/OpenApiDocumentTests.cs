using DoanKhoi.Testing;

namespace DoanKhoi.Membership.Tests.Apis;

public class OpenApiDocumentTests(MembershipApiFactory factory) : OpenApiDocumentTests<Program>(factory, "membership"), IClassFixture<MembershipApiFactory>;
