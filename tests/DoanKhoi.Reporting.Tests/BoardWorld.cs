using System.Net.Http.Json;
using DoanKhoi.Contracts.Activities;
using DoanKhoi.Contracts.Membership;
using DoanKhoi.Reporting.Apis;
using DoanKhoi.Reporting.Infrastructure;
using DoanKhoi.Security;
using DoanKhoi.Testing;

namespace DoanKhoi.Reporting.Tests;

/// <summary>A small bloc the board tests tell reporting about, as membership and activities would: two
/// clusters, three units, members, and a year of activities, each delivered as its event.</summary>
public sealed class BoardWorld(ReportingApiFactory factory)
{
    public static readonly DateTimeOffset Founded = new(2022, 12, 1, 3, 0, 0, TimeSpan.Zero);

    public Guid ClusterA { get; } = Guid.CreateVersion7();
    public Guid ClusterB { get; } = Guid.CreateVersion7();
    public Guid A1 { get; } = Guid.CreateVersion7();
    public Guid A2 { get; } = Guid.CreateVersion7();
    public Guid B1 { get; } = Guid.CreateVersion7();

    /// <summary>Writes the shipped 2023 programme (the standing committee's PUT) into the emptied database.</summary>
    public async Task WriteProgrammeAsync()
    {
        var response = await factory.CreateClient().As(Post.Bloc(Role.StandingCommittee))
            .PutAsJsonAsync("/programmes/2023", new ChangeProgrammeRequest(ProgrammeStore.Shipped(), "Chương trình năm 2023"));
        response.EnsureSuccessStatusCode();
    }

    public async Task TreeAsync()
    {
        await factory.DeliverAsync(new ClusterCreated { Cluster = new() { ClusterId = ClusterA, Code = "CUM-1", Name = "Cụm 1", Version = 1 }, OccurredAt = Founded });
        await factory.DeliverAsync(new ClusterCreated { Cluster = new() { ClusterId = ClusterB, Code = "CUM-2", Name = "Cụm 2", Version = 1 }, OccurredAt = Founded });
        foreach (var (unit, cluster, name) in new[] { (A1, ClusterA, "Đoàn Sở Tài chính"), (A2, ClusterA, "Đoàn Sở Y tế"), (B1, ClusterB, "Đoàn Điện lực") })
            await factory.DeliverAsync(new UnitCreated { Unit = Unit(unit, cluster, name, 1), OccurredAt = Founded });
    }

    public static UnitSnapshot Unit(Guid id, Guid cluster, string name, int version) =>
        new() { UnitId = id, Code = name, Name = name, Kind = UnitKind.Agency, ClusterId = cluster, Status = UnitStatus.Open, Version = version };

    public async Task<Guid> MemberAsync(Guid unit, string name)
    {
        var id = Guid.CreateVersion7();
        await factory.DeliverAsync(new MemberRegistered
        {
            Member = new()
            {
                MemberId = id, FullName = name, DateOfBirth = new DateOnly(1998, 5, 1), Gender = "female", UnitId = unit, Status = MemberStatus.Active,
                PartyStatus = PartyStatus.None, IsCadre = false, JoinedUnionOn = new DateOnly(2013, 3, 26), Version = 1,
            },
            EffectiveOn = new DateOnly(2013, 3, 26),
            OccurredAt = Founded,
        });
        return id;
    }

    public static ActivitySnapshot Activity(Guid id, string kind, OrganiserLevel level, Guid? organiser, DateOnly on, int version = 2,
        Dictionary<string, int>? quantities = null, string[]? flags = null, string? subtype = null, ActivityStatus status = ActivityStatus.Held) => new()
    {
        ActivityId = id, Title = $"{kind} {on:dd/MM}", Year = 2023, Movement = "volunteer-youth", Kind = kind, Subtype = subtype,
        OrganiserLevel = level, OrganiserId = organiser, StartsOn = on, EndsOn = on, Status = status,
        Quantities = quantities ?? [], Flags = flags ?? [], Version = version,
    };

    public async Task<Guid> HeldAsync(string kind, OrganiserLevel level, Guid? organiser, DateOnly on,
        Dictionary<string, int>? quantities = null, string[]? flags = null, string? subtype = null)
    {
        var id = Guid.CreateVersion7();
        await factory.DeliverAsync(new ActivityHeld { Activity = Activity(id, kind, level, organiser, on, 2, quantities, flags, subtype), OccurredAt = Founded });
        return id;
    }

    public Task AttendedAsync(Guid activity, Guid member, Guid unit) =>
        factory.DeliverAsync(new ParticipationChanged
        {
            Participation = new()
            {
                ParticipationId = Guid.CreateVersion7(), ActivityId = activity, MemberId = member, UnitId = unit,
                Attendance = Attendance.Attended, WalkIn = false, Version = 2,
            },
            OccurredAt = Founded,
        });

    public async Task<BoardView> BoardAsync(string query = "", Post? post = null)
    {
        var client = factory.CreateClient().As(post ?? Post.Bloc(Role.StandingCommittee));
        return (await client.GetFromJsonAsync<BoardView>($"/board?year=2023{query}", ProblemAssertions.Json))!;
    }

    public static Domain.Board.MeasureFigure Figure(BoardView board, string code) =>
        board.Targets.SelectMany(t => t.Measures).Single(m => m.Code == code);
}
