using System.Net.Http.Json;
using DoanKhoi.Contracts.Activities;
using DoanKhoi.Contracts.Membership;
using DoanKhoi.Reporting.Domain.Board;
using DoanKhoi.Security;
using DoanKhoi.Testing;
using static DoanKhoi.Reporting.Tests.BoardWorld;

namespace DoanKhoi.Reporting.Tests;

/// <summary>The 2023 programme's board on a small bloc a reader can check by hand:
///
///   Cụm 1: Đoàn Sở Tài chính (A1: Lan, Mai), Đoàn Sở Y tế (A2: Hoa)
///   Cụm 2: Đoàn Điện lực (B1: Minh, Tuấn), which moves to Cụm 1 on 01/07/2023
///
///   12/02 A1 plants 1,000 trees (Lan, Mai came)   10/03 B1 plants 600, corrected to 650 (Tuấn came)
///   05/11 A1 plants again, no tree recorded (Lan came again: she counts once among the planters)
///   14/06 A2's blood donation: 120 units          15/06 Cụm 1 builds a youth project towards the border
///   20/08 B1 (now in Cụm 1) builds a youth project for a new-rural commune
///   02/09 the bloc builds its own youth project
///
/// Trees: 1,000 + 650 = 1,650 of 4,500. Members who planted: Lan, Mai, Tuấn = 3 of 5 = 60 %.
/// Units with a youth project: B1 = 1 of 3 = 33.33 %. Clusters with one towards the border or a new-rural
/// commune: Cụm 1 (its own, and B1's after the move) = 1 of 2 = 50 %; Cụm 2's trees are B1's 650 of March.</summary>
public class BoardTests(ReportingApiFactory factory) : IClassFixture<ReportingApiFactory>, IAsyncLifetime
{
    private readonly BoardWorld _world = new(factory);
    private Guid _clusterProject;

    public async Task InitializeAsync()
    {
        _ = factory.Server;
        await factory.Database.ResetAsync();
        await _world.WriteProgrammeAsync();
        await _world.TreeAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task YearAsync()
    {
        var (lan, mai) = (await _world.MemberAsync(_world.A1, "Nguyễn Thị Lan"), await _world.MemberAsync(_world.A1, "Hoàng Thị Mai"));
        await _world.MemberAsync(_world.A2, "Lý Thị Hoa");
        var (minh, tuan) = (await _world.MemberAsync(_world.B1, "Vi Văn Minh"), await _world.MemberAsync(_world.B1, "Lương Văn Tuấn"));
        _ = minh;

        var trees = await _world.HeldAsync("tree-planting", OrganiserLevel.Unit, _world.A1, new(2023, 2, 12), new() { ["trees-planted"] = 1000 });
        await _world.AttendedAsync(trees, lan, _world.A1);
        await _world.AttendedAsync(trees, mai, _world.A1);
        var b1Trees = await _world.HeldAsync("tree-planting", OrganiserLevel.Unit, _world.B1, new(2023, 3, 10), new() { ["trees-planted"] = 600 });
        await _world.AttendedAsync(b1Trees, tuan, _world.B1);
        // Corrected after it was counted:
        await factory.DeliverAsync(new ActivityChanged
        {
            Activity = Activity(b1Trees, "tree-planting", OrganiserLevel.Unit, _world.B1, new(2023, 3, 10), 3, new() { ["trees-planted"] = 650 }),
            OccurredAt = Founded,
        });
        var again = await _world.HeldAsync("tree-planting", OrganiserLevel.Unit, _world.A1, new(2023, 11, 5));
        await _world.AttendedAsync(again, lan, _world.A1);

        await _world.HeldAsync("blood-donation", OrganiserLevel.Unit, _world.A2, new(2023, 6, 14), new() { ["blood-units"] = 120 });
        _clusterProject = await _world.HeldAsync("youth-project", OrganiserLevel.Cluster, _world.ClusterA, new(2023, 6, 15), flags: ["border-area"]);
        await factory.DeliverAsync(new UnitMoved
        {
            Unit = Unit(_world.B1, _world.ClusterA, "Đoàn Điện lực", 2), PreviousClusterId = _world.ClusterB,
            OccurredAt = new DateTimeOffset(2023, 7, 1, 2, 0, 0, TimeSpan.Zero),
        });
        await _world.HeldAsync("youth-project", OrganiserLevel.Unit, _world.B1, new(2023, 8, 20), flags: ["new-rural-commune"]);
        await _world.HeldAsync("youth-project", OrganiserLevel.Bloc, null, new(2023, 9, 2));
    }

    [Fact]
    public async Task The_bloc_s_figures_are_those_a_reader_counts_by_hand()
    {
        await YearAsync();

        var board = await _world.BoardAsync("&asOf=2023-12-31");

        Assert.Equal((1650m, 4500m, FigureStatus.Behind), (Figure(board, "K03.1").Value!.Value, Figure(board, "K03.1").GoalAtLeast!.Value, Figure(board, "K03.1").Status));
        Assert.Equal((60m, 3L, 5L), (Figure(board, "K03.2").Value!.Value, Figure(board, "K03.2").Count, Figure(board, "K03.2").Base!.Value));
        Assert.Equal((33.33m, 1L, 3L), (Figure(board, "K04.3").Value!.Value, Figure(board, "K04.3").Count, Figure(board, "K04.3").Base!.Value));
        Assert.Equal((50m, 1L, 2L), (Figure(board, "K04.2").Value!.Value, Figure(board, "K04.2").Count, Figure(board, "K04.2").Base!.Value));
        Assert.Equal((1m, FigureStatus.Met), (Figure(board, "K04.1").Value!.Value, Figure(board, "K04.1").Status));
        Assert.Equal(120m, Figure(board, "K08.3").Value);
        Assert.Equal((0m, 0L, 5L), (Figure(board, "K01.1").Value!.Value, Figure(board, "K01.1").Count, Figure(board, "K01.1").Base!.Value));
    }

    [Fact]
    public async Task A_unit_that_moved_counts_for_its_old_cluster_before_the_move_and_its_new_one_after()
    {
        await YearAsync();

        var a = await _world.BoardAsync($"&asOf=2023-12-31&clusterId={_world.ClusterA}");
        var b = await _world.BoardAsync($"&asOf=2023-12-31&clusterId={_world.ClusterB}");

        Assert.Equal(1000m, Figure(a, "K03.1").Value);     // A1's; B1's 650 of March stay with Cụm 2
        Assert.Equal(650m, Figure(b, "K03.1").Value);
        Assert.Equal((2m, FigureStatus.Met), (Figure(a, "K04.2").Value!.Value, Figure(a, "K04.2").Status)); // its own and B1's of August
        Assert.Equal((0m, FigureStatus.Behind), (Figure(b, "K04.2").Value!.Value, Figure(b, "K04.2").Status));
    }

    [Fact]
    public async Task A_cluster_s_shares_are_those_of_the_units_in_it_on_the_day()
    {
        await YearAsync();

        var aJune = await _world.BoardAsync($"&asOf=2023-06-30&clusterId={_world.ClusterA}");
        var bJune = await _world.BoardAsync($"&asOf=2023-06-30&clusterId={_world.ClusterB}");
        var aDecember = await _world.BoardAsync($"&asOf=2023-12-31&clusterId={_world.ClusterA}");
        var bDecember = await _world.BoardAsync($"&asOf=2023-12-31&clusterId={_world.ClusterB}");

        // June: Cụm 1 is A1 and A2 (Lan and Mai planted, Hoa did not), Cụm 2 is B1 (Tuấn did, Minh did not).
        Assert.Equal((66.67m, 50m), (Figure(aJune, "K03.2").Value!.Value, Figure(bJune, "K03.2").Value!.Value));
        // December: B1 is in Cụm 1, with its members and its youth project of August; Cụm 2 has no unit left.
        Assert.Equal((60m, 3L, 5L), (Figure(aDecember, "K03.2").Value!.Value, Figure(aDecember, "K03.2").Count, Figure(aDecember, "K03.2").Base!.Value));
        Assert.Equal((33.33m, 1L, 3L), (Figure(aDecember, "K04.3").Value!.Value, Figure(aDecember, "K04.3").Count, Figure(aDecember, "K04.3").Base!.Value));
        Assert.Null(Figure(bDecember, "K03.2").Value);
    }

    [Fact]
    public async Task The_board_as_of_a_past_day_shows_only_what_had_happened_by_then_and_the_pace_of_that_day()
    {
        await YearAsync();

        var february = await _world.BoardAsync("&asOf=2023-02-28");
        var june = await _world.BoardAsync("&asOf=2023-06-30");

        Assert.Equal(1000m, Figure(february, "K03.1").Value);
        Assert.Equal(FigureStatus.OnTrack, Figure(february, "K03.1").Status);   // 4,500 × 59/365 = 727.40 expected
        Assert.Equal(727.40m, Figure(february, "K03.1").Expected);
        Assert.Equal(1650m, Figure(june, "K03.1").Value);
        Assert.Equal(FigureStatus.Behind, Figure(june, "K03.1").Status);       // 4,500 × 181/365 = 2,231.51 expected
        Assert.Equal(0m, Figure(february, "K04.1").Value);
    }

    [Fact]
    public async Task The_clusters_meeting_a_measure_are_counted_on_the_day_they_reached_it_and_leave_it_when_a_correction_takes_it_away()
    {
        await YearAsync();

        // Cụm 1 reached K04.2 with its own project of 15/06 (and again with B1's of August): 1 of 2 clusters from that day.
        Assert.Equal(0L, Figure(await _world.BoardAsync("&asOf=2023-06-14"), "K04.2").Count);
        var june15 = Figure(await _world.BoardAsync("&asOf=2023-06-15"), "K04.2");
        Assert.Equal((50m, 1L, 2L), (june15.Value!.Value, june15.Count, june15.Base!.Value));

        // The cluster's own project is cancelled: Cụm 1 meets K04.2 only from B1's of 20/08 on.
        await factory.DeliverAsync(new ActivityCancelled
        {
            Activity = Activity(_clusterProject, "youth-project", OrganiserLevel.Cluster, _world.ClusterA, new(2023, 6, 15), 3, flags: ["border-area"],
                status: ActivityStatus.Cancelled),
            Reason = "Công trình không thực hiện được do thời tiết",
            OccurredAt = Founded,
        });

        Assert.Equal(0L, Figure(await _world.BoardAsync("&asOf=2023-08-19"), "K04.2").Count);
        Assert.Equal(1L, Figure(await _world.BoardAsync("&asOf=2023-08-20"), "K04.2").Count);
        Assert.Equal(1L, Figure(await _world.BoardAsync("&asOf=2023-12-31"), "K04.2").Count);
    }

    [Fact]
    public async Task The_board_and_its_tables_download_as_spreadsheets_in_Vietnamese_with_the_figures_on_screen()
    {
        await YearAsync();
        var office = factory.CreateClient().As(Post.Bloc(Role.BlocOffice));

        var board = await office.GetStringAsync("/board/export?year=2023&asOf=2023-12-31&format=csv");
        var clusters = await office.GetStringAsync("/board/clusters/export?year=2023&asOf=2023-12-31&format=csv");
        var units = await office.GetAsync($"/board/units/export?year=2023&asOf=2023-12-31&clusterId={_world.ClusterA}");

        // K03.1: 1,650 trees of 4,500, behind; K03.2: 60 % of the members.
        var lines = board.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.StartsWith("Chỉ tiêu,Mã,Nội dung,Mục tiêu,Cần đạt đến ngày,Kết quả", lines[0].TrimStart('\uFEFF'));
        Assert.Contains(lines, l => l.StartsWith("K03,K03.1,") && l.Contains(",4500,") && l.Contains(",1650,") && l.EndsWith("Chậm tiến độ"));
        Assert.Contains(lines, l => l.StartsWith("K03,K03.2,") && l.Contains(",60,%,3,5,"));
        // One row a cluster: Cụm 1's 1,000 trees (A1's) and Cụm 2's 650 (B1's of March).
        var clusterLines = clusters.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        var column = clusterLines[0].TrimStart('\uFEFF').Split(',').ToList().IndexOf("K03.1");
        Assert.Equal(["1000", "650"], clusterLines.Skip(1).Select(l => l.Split(',')[column]));
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", units.Content.Headers.ContentType!.MediaType);

        // What a figure counts, and who is missing from it: the two tree plantings with trees (A1's 1,000 of 12/02, B1's 650 of 10/03),
        // and the units without a youth project (K04.3: only B1 has one).
        var records = (await office.GetStringAsync("/board/measures/K03.1/records/export?year=2023&asOf=2023-12-31&format=csv"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r').TrimStart('\uFEFF')).ToList();
        Assert.Equal("Loại,Tên,Đơn vị,Ngày,Số lượng,Xếp loại", records[0]);
        Assert.Contains(records, l => l.StartsWith("Hoạt động,") && l.Contains(",12/02/2023,1000,"));
        Assert.Contains(records, l => l.StartsWith("Hoạt động,") && l.Contains(",10/03/2023,650,"));
        var missing = (await office.GetStringAsync("/board/measures/K04.3/missing/export?year=2023&asOf=2023-12-31&format=csv"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r').TrimStart('\uFEFF')).ToList();
        Assert.Equal(["Loại,Tên,Đã đạt,Cần đạt", "Cơ sở Đoàn,Đoàn Sở Tài chính,0,1", "Cơ sở Đoàn,Đoàn Sở Y tế,0,1"], missing);
    }

    [Fact]
    public async Task A_unit_sees_its_own_contribution_and_its_members_share()
    {
        await YearAsync();

        var a1 = await _world.BoardAsync($"&asOf=2023-12-31&unitId={_world.A1}", Post.OnUnit(_world.A1));

        Assert.Equal((1000m, FigureStatus.Contribution), (Figure(a1, "K03.1").Value!.Value, Figure(a1, "K03.1").Status));
        Assert.Equal((100m, FigureStatus.Met), (Figure(a1, "K03.2").Value!.Value, Figure(a1, "K03.2").Status)); // Lan and Mai
        Assert.Equal((0m, 1m), (Figure(a1, "K04.3").Value!.Value, Figure(a1, "K04.3").GoalAtLeast!.Value));
    }

    [Fact]
    public async Task A_replayed_or_repeated_event_changes_no_figure()
    {
        var id = Guid.CreateVersion7();
        var messageId = Guid.NewGuid();
        var held = new ActivityHeld { Activity = Activity(id, "blood-donation", OrganiserLevel.Unit, _world.A2, new(2023, 6, 14), 2, new() { ["blood-units"] = 80 }), OccurredAt = Founded };

        await factory.DeliverAsync(held, messageId);
        await factory.DeliverAsync(held, messageId);             // redelivered: the inbox drops it
        await factory.DeliverAsync(held);                        // published again: the same version changes nothing
        await factory.DeliverAsync(new ActivityPlanned { Activity = Activity(id, "blood-donation", OrganiserLevel.Unit, _world.A2, new(2023, 6, 14), 1, status: ActivityStatus.Planned), OccurredAt = Founded });

        var board = await _world.BoardAsync("&asOf=2023-12-31");
        Assert.Equal(80m, Figure(board, "K08.3").Value);
        Assert.Equal(80L, await factory.Database.ScalarAsync<long>(
            $"SELECT sum(amount) FROM board_tallies WHERE year = 2023 AND scope = {(short)NodeScope.Bloc} AND measure = 'K08.3'"));
    }

    [Fact]
    public async Task A_cancelled_activity_and_a_withdrawn_participant_stop_counting()
    {
        var lan = await _world.MemberAsync(_world.A1, "Nguyễn Thị Lan");
        var trees = await _world.HeldAsync("tree-planting", OrganiserLevel.Unit, _world.A1, new(2023, 2, 12), new() { ["trees-planted"] = 300 });
        await _world.AttendedAsync(trees, lan, _world.A1);
        Assert.Equal(100m, Figure(await _world.BoardAsync("&asOf=2023-12-31"), "K03.2").Value);

        await factory.DeliverAsync(new ActivityCancelled
        {
            Activity = Activity(trees, "tree-planting", OrganiserLevel.Unit, _world.A1, new(2023, 2, 12), 3, status: ActivityStatus.Cancelled),
            Reason = "Trùng với hoạt động của cụm",
            OccurredAt = Founded,
        });

        var board = await _world.BoardAsync("&asOf=2023-12-31");
        Assert.Equal((0m, 0m), (Figure(board, "K03.1").Value!.Value, Figure(board, "K03.2").Value!.Value));
    }

    [Fact]
    public async Task Grades_admissions_and_ideas_count_for_K11_K12_and_K06()
    {
        var lan = await _world.MemberAsync(_world.A1, "Nguyễn Thị Lan");
        var mai = await _world.MemberAsync(_world.A1, "Hoàng Thị Mai");
        var day = new DateOnly(2023, 12, 10);
        await factory.DeliverAsync(new MemberEvaluated { MemberId = lan, UnitId = _world.A1, Year = 2023, Grade = Grade.Excellent, Version = 1, EffectiveOn = day, OccurredAt = Founded });
        await factory.DeliverAsync(new MemberEvaluated { MemberId = mai, UnitId = _world.A1, Year = 2023, Grade = Grade.Fail, Version = 1, EffectiveOn = day, OccurredAt = Founded });
        await factory.DeliverAsync(new UnitEvaluated { UnitId = _world.A1, ClusterId = _world.ClusterA, Year = 2023, Grade = Grade.Good, Version = 1, EffectiveOn = day, OccurredAt = Founded });
        await factory.DeliverAsync(new MemberAdmitted
        {
            Member = new()
            {
                MemberId = Guid.CreateVersion7(), FullName = "Đinh Văn Nam", DateOfBirth = new(2005, 1, 2), Gender = "male", UnitId = _world.A2,
                Status = MemberStatus.Active, PartyStatus = PartyStatus.None, IsCadre = false, JoinedUnionOn = new(2023, 3, 26), Version = 1,
            },
            ResolutionNumber = "12-NQ/ĐTN", AdmittingUnitId = _world.A2, EffectiveOn = new(2023, 3, 26), OccurredAt = Founded,
        });
        await factory.DeliverAsync(new IdeaQuotaSet { Year = 2023, UnitId = _world.A1, Count = 2, Version = 1, OccurredAt = Founded });
        await factory.DeliverAsync(new IdeaChanged
        {
            Idea = new() { IdeaId = Guid.CreateVersion7(), Year = 2023, UnitId = _world.A1, Title = "Số hóa hồ sơ", Field = "union-work", Link = "https://ytuongsangtao.net/y/1", Status = IdeaStatus.Accepted, Version = 2 },
            OccurredAt = new DateTimeOffset(2023, 5, 4, 2, 0, 0, TimeSpan.Zero),
        });
        await factory.DeliverAsync(new IdeaChanged
        {
            Idea = new() { IdeaId = Guid.CreateVersion7(), Year = 2023, UnitId = _world.A2, Title = "Ứng dụng quét mã", Field = "union-work", Link = "https://ytuongsangtao.net/y/2", Status = IdeaStatus.Accepted, Version = 2 },
            OccurredAt = new DateTimeOffset(2023, 5, 4, 2, 0, 0, TimeSpan.Zero),
        });

        var board = await _world.BoardAsync("&asOf=2023-12-31");
        var a1 = await _world.BoardAsync($"&asOf=2023-12-31&unitId={_world.A1}");

        Assert.Equal((50m, 1L, 2L), (Figure(board, "K12.1").Value!.Value, Figure(board, "K12.1").Count, Figure(board, "K12.1").Base!.Value));
        Assert.Equal((1m, FigureStatus.NotMet), (Figure(board, "K12.2").Value!.Value, Figure(board, "K12.2").Status));
        Assert.Equal((100m, FigureStatus.Met), (Figure(board, "K12.3").Value!.Value, Figure(board, "K12.3").Status));
        Assert.Equal(1m, Figure(board, "K11.1").Value);
        Assert.Equal(2m, Figure(board, "K06.1").Value);
        // A1 has 1 of its quota of 2; A2 and B1 have no quota: one idea is theirs to reach. 1 unit (A2) of 3.
        Assert.Equal((1m, 2m, FigureStatus.Behind), (Figure(a1, "K06.2").Value!.Value, Figure(a1, "K06.2").GoalAtLeast!.Value, Figure(a1, "K06.2").Status));
        Assert.Equal((33.33m, 1L, 3L), (Figure(board, "K06.2").Value!.Value, Figure(board, "K06.2").Count, Figure(board, "K06.2").Base!.Value));
    }

    [Fact]
    public async Task Every_figure_opens_the_records_that_make_it_and_the_units_missing_from_it()
    {
        await YearAsync();
        var client = factory.CreateClient().As(Post.Bloc(Role.StandingCommittee));

        var trees = await client.GetFromJsonAsync<PagedList<Apis.BoardRecord>>("/board/measures/K03.1/records?year=2023&asOf=2023-12-31", ProblemAssertions.Json);
        var planters = await client.GetFromJsonAsync<PagedList<Apis.BoardRecord>>("/board/measures/K03.2/records?year=2023&asOf=2023-12-31", ProblemAssertions.Json);
        var clusterA = await client.GetFromJsonAsync<PagedList<Apis.BoardRecord>>($"/board/measures/K04.2/records?year=2023&clusterId={_world.ClusterA}", ProblemAssertions.Json);
        var missing = await client.GetFromJsonAsync<List<Apis.MissingRow>>("/board/measures/K04.3/missing?year=2023&asOf=2023-12-31", ProblemAssertions.Json);
        var notPlanted = await client.GetFromJsonAsync<List<Apis.MissingRow>>($"/board/measures/K03.2/missing?year=2023&unitId={_world.B1}", ProblemAssertions.Json);

        // The activities that recorded trees (the second planting of A1 recorded none), with the amount of each.
        Assert.Equal([("Đoàn Sở Tài chính", 1000L), ("Đoàn Điện lực", 650L)], trees!.Items.Select(r => (r.UnitName!, r.Amount)));
        Assert.Equal(["Hoàng Thị Mai", "Lương Văn Tuấn", "Nguyễn Thị Lan"], planters!.Items.Select(r => r.Name));
        Assert.Equal(2L, planters.Items.Single(r => r.Name == "Nguyễn Thị Lan").Amount);
        // Cụm 1's youth projects: its own, and B1's of August (B1 was in Cụm 2 until July).
        Assert.Equal([new DateOnly(2023, 6, 15), new DateOnly(2023, 8, 20)], clusterA!.Items.Select(r => r.Day!.Value));
        Assert.Equal(["Đoàn Sở Tài chính", "Đoàn Sở Y tế"], missing!.Select(r => r.Name));
        Assert.Equal(["Vi Văn Minh"], notPlanted!.Select(r => r.Name));
    }

    [Fact]
    public async Task A_secretary_opens_the_records_of_their_unit_but_not_of_the_bloc_or_another_unit()
    {
        await YearAsync();
        var client = factory.CreateClient().As(Post.OnUnit(_world.A1));

        var own = await client.GetAsync($"/board/measures/K03.1/records?year=2023&unitId={_world.A1}");
        var other = await client.GetAsync($"/board/measures/K03.1/records?year=2023&unitId={_world.B1}");
        var bloc = await client.GetAsync("/board/measures/K03.1/records?year=2023");

        Assert.Equal((System.Net.HttpStatusCode.OK, System.Net.HttpStatusCode.NotFound), (own.StatusCode, other.StatusCode));
        await bloc.ShouldBeProblemAsync(System.Net.HttpStatusCode.Forbidden);
    }
}
