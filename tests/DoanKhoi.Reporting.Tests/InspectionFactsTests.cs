using System.Net.Http.Json;
using DoanKhoi.Contracts.Inspection;
using DoanKhoi.Reporting.Apis;
using DoanKhoi.Reporting.Domain.Board;
using DoanKhoi.Security;
using DoanKhoi.Testing;
using static DoanKhoi.Reporting.Tests.BoardWorld;

namespace DoanKhoi.Reporting.Tests;

/// <summary>K14 counted from the inspection service's events: thematic inspections and supervisions on the
/// day of their conclusion, social-critique items on the day the bloc sent its opinions; a replay, an older
/// state or a withdrawal leaves the board right; the scoreboard takes a unit's open serious findings and
/// overdue recommendations off its points.</summary>
public class InspectionFactsTests(ReportingApiFactory factory) : IClassFixture<ReportingApiFactory>, IAsyncLifetime
{
    private readonly BoardWorld _world = new(factory);

    public async Task InitializeAsync()
    {
        _ = factory.Server;
        await factory.Database.ResetAsync();
        await _world.WriteProgrammeAsync();
        await _world.TreeAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static InspectionChanged Inspection(Guid id, InspectionKind kind, InspectionStatus status, DateOnly? concludedOn, int version) => new()
    {
        Inspection = new()
        {
            InspectionId = id, Year = 2023, Kind = kind, Topic = $"Chuyên đề {kind}", Status = status, ConcludedOn = concludedOn, Version = version,
        },
        OccurredAt = Founded,
    };

    private static SocialCritiqueChanged Critique(Guid id, DateOnly? sentOn, bool withdrawn, int version) => new()
    {
        SocialCritique = new() { SocialCritiqueId = id, Year = 2023, Document = "Dự thảo Nghị quyết về thanh niên", OpinionsSentOn = sentOn, Withdrawn = withdrawn, Version = version },
        OccurredAt = Founded,
    };

    [Fact]
    public async Task Concluded_thematic_inspections_and_supervisions_and_critique_sent_count_toward_K14_on_their_days()
    {
        var (thematic, supervision, regular, critique) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var concluded = Inspection(thematic, InspectionKind.Thematic, InspectionStatus.Concluded, new(2023, 5, 30), 4);
        await factory.DeliverAsync(concluded);
        await factory.DeliverAsync(concluded);   // a replay
        await factory.DeliverAsync(Inspection(thematic, InspectionKind.Thematic, InspectionStatus.InProgress, null, 3));   // older, late
        await factory.DeliverAsync(Inspection(supervision, InspectionKind.Supervision, InspectionStatus.Concluded, new(2023, 9, 12), 5));
        await factory.DeliverAsync(Inspection(regular, InspectionKind.Regular, InspectionStatus.Concluded, new(2023, 6, 1), 5));   // not K14's kind
        await factory.DeliverAsync(Critique(critique, new(2023, 3, 20), withdrawn: false, 2));

        var midYear = await _world.BoardAsync("&asOf=2023-07-01");
        var yearEnd = await _world.BoardAsync("&asOf=2023-12-31");

        Assert.Equal((1m, 1m), (Figure(midYear, "K14.1").Value!.Value, Figure(midYear, "K14.2").Value!.Value));
        Assert.Equal(2m, Figure(yearEnd, "K14.1").Value);
        Assert.NotEqual(FigureStatus.Met, Figure(yearEnd, "K14.1").Status);   // of at least 4
        var records = await factory.CreateClient().As(Post.Bloc(Role.StandingCommittee))
            .GetFromJsonAsync<PagedList<BoardRecord>>("/board/measures/K14.1/records?year=2023&asOf=2023-12-31", ProblemAssertions.Json);
        Assert.Equal([(thematic, "inspection", new DateOnly(2023, 5, 30)), (supervision, "inspection", new DateOnly(2023, 9, 12))],
            records!.Items.Select(r => (r.Id, r.Kind, r.Day!.Value)));

        await factory.DeliverAsync(Critique(critique, new(2023, 3, 20), withdrawn: true, 3));
        Assert.Null(Figure(await _world.BoardAsync("&asOf=2023-12-31"), "K14.2").Value is { } v && v > 0 ? v : null);
    }

    [Fact]
    public async Task The_scoreboard_takes_the_programmes_penalties_off_a_unit_for_what_its_inspections_left_open()
    {
        // A1 earns points first: its one member planted 1,000 trees.
        var lan = await _world.MemberAsync(_world.A1, "Nguyễn Thị Lan");
        var trees = await _world.HeldAsync("tree-planting", Contracts.Activities.OrganiserLevel.Unit, _world.A1, new(2023, 2, 12), new() { ["trees-planted"] = 1000 });
        await _world.AttendedAsync(trees, lan, _world.A1);
        var before = await ScoresAsync();
        Assert.True(before.Single(r => r.NodeId == _world.A1).Points > 9, "A1 should have more points than the penalties take off.");
        await factory.DeliverAsync(new UnitStandingChanged
        {
            UnitId = _world.A1, OpenSeriousFindings = 1, OverdueRecommendations = 2, OpenRecommendations = 3, AsOf = new(2023, 7, 1), Version = 2, OccurredAt = Founded,
        });
        await factory.DeliverAsync(new UnitStandingChanged
        {
            UnitId = _world.A1, OpenSeriousFindings = 0, OverdueRecommendations = 0, OpenRecommendations = 0, AsOf = new(2023, 6, 1), Version = 1, OccurredAt = Founded,
        });   // older, late: ignored

        var after = await ScoresAsync();

        var (a1Before, a1After) = (before.Single(r => r.NodeId == _world.A1), after.Single(r => r.NodeId == _world.A1));
        var penalty = 1 * 5m + 2 * 2m;   // targets-2023.json: 5 points a serious finding, 2 an overdue recommendation
        Assert.Equal((penalty, a1Before.Points - penalty, 1, 2), (a1After.StandingPenalty, a1After.Points, a1After.OpenSeriousFindings, a1After.OverdueRecommendations));
        Assert.Equal(before.Single(r => r.NodeId == _world.A2).Points, after.Single(r => r.NodeId == _world.A2).Points);
    }

    private async Task<List<ScoreRow>> ScoresAsync() =>
        (await factory.CreateClient().As(Post.Bloc(Role.StandingCommittee)).GetFromJsonAsync<List<ScoreRow>>("/scoreboard?year=2023&asOf=2023-12-31", ProblemAssertions.Json))!;
}
