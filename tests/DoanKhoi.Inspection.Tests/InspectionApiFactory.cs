using DoanKhoi.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace DoanKhoi.Inspection.Tests;

/// <summary>A clock the tests move: shifted from the real one, read as Vietnam time where it is set.</summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Shift { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Shift;

    /// <summary>Moves the clock to the start of <paramref name="day"/> plus <paramref name="hours"/>, in Vietnam; it runs on from there.</summary>
    public void SetDay(DateOnly day, int hours = 9) =>
        Shift = new DateTimeOffset(day.ToDateTime(new TimeOnly(hours, 0)), TimeSpan.FromHours(7)) - System.GetUtcNow();
}

/// <summary>Inspection over its own database, on a clock the tests move; the follow-up runs when a test asks
/// (the scheduler is off, so it does not run while another test empties the tables).</summary>
public sealed class InspectionApiFactory : ServiceFactory<Program>
{
    public InspectionApiFactory() : base(ResourceNames.InspectionDb) => Settings = new() { ["Inspection:Scheduler:Enabled"] = "false" };

    public ShiftedClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
