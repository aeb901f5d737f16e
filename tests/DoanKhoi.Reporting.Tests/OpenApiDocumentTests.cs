using DoanKhoi.Testing;

namespace DoanKhoi.Reporting.Tests;

public class OpenApiDocumentTests(ReportingApiFactory factory) : OpenApiDocumentTests<Program>(factory, "reporting"), IClassFixture<ReportingApiFactory>;
