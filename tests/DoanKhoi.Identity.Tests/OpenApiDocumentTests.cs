using DoanKhoi.Testing;

namespace DoanKhoi.Identity.Tests;

public class OpenApiDocumentTests(IdentityApiFactory factory) : OpenApiDocumentTests<Program>(factory, "identity"), IClassFixture<IdentityApiFactory>;
