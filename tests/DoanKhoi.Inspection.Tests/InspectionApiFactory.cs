using DoanKhoi.Testing;

namespace DoanKhoi.Inspection.Tests;

public sealed class InspectionApiFactory() : ServiceFactory<Program>(ResourceNames.InspectionDb);
