using DoanKhoi.Testing;

namespace DoanKhoi.Activities.Tests;

public class OpenApiDocumentTests(ActivitiesApiFactory factory) : OpenApiDocumentTests<Program>(factory, "activities"), IClassFixture<ActivitiesApiFactory>;
