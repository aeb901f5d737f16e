using DoanKhoi.Testing;

namespace DoanKhoi.Activities.Tests;

/// <summary>Each post against each endpoint: the catalogue is for everyone, the record for the bloc office.</summary>
public class AccessMatrixTests(ActivitiesApiFactory factory) : CatalogueAccessMatrix<Program>(factory, "/movements"), IClassFixture<ActivitiesApiFactory>;
