using DoanKhoi.Testing;

namespace DoanKhoi.Inspection.Tests;

/// <summary>Each post against each endpoint: the catalogue is for everyone, the record for the bloc office.</summary>
public class AccessMatrixTests(InspectionApiFactory factory) : CatalogueAccessMatrix<Program>(factory, "/kinds"), IClassFixture<InspectionApiFactory>;
