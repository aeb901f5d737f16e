using DoanKhoi.Contracts.Membership;
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

    /// <summary>Where most inspection tests start: 15/06/2026 (every day they name falls in one year), an empty
    /// database told of <paramref name="bloc"/>'s organisation, and <paramref name="cadre"/>, Lương Văn Hùng, a cadre of unit A.</summary>
    public async Task StartMidYearAsync(MatrixBloc bloc, Guid cadre)
    {
        _ = Server;
        Clock.SetDay(new DateOnly(2026, 6, 15));
        await Database.ResetAsync();
        await bloc.TellAsync(this);
        await DeliverAsync(new MemberRegistered
        {
            Member = new()
            {
                MemberId = cadre, FullName = "Lương Văn Hùng", DateOfBirth = new DateOnly(1995, 5, 1), Gender = "male", UnitId = bloc.UnitA,
                Status = MemberStatus.Active, PartyStatus = PartyStatus.None, IsCadre = true, JoinedUnionOn = new DateOnly(2010, 3, 26), Version = 1,
            },
            EffectiveOn = new DateOnly(2026, 1, 1), OccurredAt = DateTimeOffset.UtcNow,
        });
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
