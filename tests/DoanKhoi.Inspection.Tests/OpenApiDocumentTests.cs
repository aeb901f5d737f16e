using DoanKhoi.Testing;

namespace DoanKhoi.Inspection.Tests;

public class OpenApiDocumentTests(InspectionApiFactory factory) : OpenApiDocumentTests<Program>(factory, "inspection"), IClassFixture<InspectionApiFactory>;
