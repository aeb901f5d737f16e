using DoanKhoi.Testing;

namespace DoanKhoi.Reporting.Tests;

/// <summary>Reporting over its own database. The board is counted again after a programme change only when a
/// test asks (BoardRecounter.RecountBehindAsync), not in the background while another test empties the tables.</summary>
public sealed class ReportingApiFactory : ServiceFactory<Program>
{
    public ReportingApiFactory() : base(ResourceNames.ReportingDb) =>
        Settings = new() { ["Reporting:RecountPollMilliseconds"] = "0", ["Reporting:Scheduler:Enabled"] = "false" };
}
