using DoanKhoi.Testing;

namespace DoanKhoi.Reporting.Tests;

public sealed class ReportingApiFactory() : ServiceFactory<Program>(ResourceNames.ReportingDb);
