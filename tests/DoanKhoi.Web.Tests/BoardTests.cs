using System.Security.Claims;
using System.Text.Json.Nodes;
using Bunit;
using DoanKhoi.Security;
using DoanKhoi.Web.Clients;
using DoanKhoi.Web.Components.Pages.Board;
using DoanKhoi.Web.Infrastructure;
using MudBlazor.Services;
using Microsoft.Extensions.DependencyInjection;

namespace DoanKhoi.Web.Tests;

/// <summary>The board's own logic: which board a person lands on, figures written as people here read them,
/// and a change of goals that sends back the rest of the programme untouched.</summary>
public class BoardTests
{
    private static PortalUser With(params string[] posts) => PortalUser.From(new ClaimsPrincipal(new ClaimsIdentity(
        [new Claim("sub", "a1"), .. posts.Select(p => new Claim(Post.ClaimType, p))], authenticationType: "cookie")));

    private static BoardRow Row(Guid id, string name) => new(id, "C", name, []);

    [Fact]
    public void Each_person_lands_on_the_board_of_their_post()
    {
        var (unit, cluster, member, own) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        List<BoardRow> seen = [Row(own, "Đoàn TN Sở Y tế")];

        Assert.Equal(BoardScope.Bloc, BoardNodes.Home(With("bloc-office@bloc"), seen));
        Assert.Equal(BoardScope.Bloc, BoardNodes.Home(With("inspection-committee@bloc"), seen));
        Assert.Equal(BoardScope.Cluster(cluster), BoardNodes.Home(With($"unit-secretary@unit:{unit}", $"cluster-lead@cluster:{cluster}"), seen));
        Assert.Equal(BoardScope.Unit(unit), BoardNodes.Home(With($"member@member:{member}", $"unit-secretary@unit:{unit}"), seen));
        // A member's unit is the one the board's list of units gives them; without one, the bloc's.
        Assert.Equal(BoardScope.Unit(own), BoardNodes.Home(With($"member@member:{member}"), seen));
        Assert.Equal(BoardScope.Bloc, BoardNodes.Home(With($"member@member:{member}"), []));
    }

    [Fact]
    public void A_link_keeps_the_year_the_day_and_the_part_of_the_bloc()
    {
        var unit = Guid.NewGuid();

        Assert.Equal($"/board?year=2026&asOf=2026-03-05&unitId={unit}", BoardNodes.Link("/board", 2026, new DateOnly(2026, 3, 5), BoardScope.Unit(unit)));
        Assert.Equal("/board?year=2026&level=bloc", BoardNodes.Link("/board", 2026, null, BoardScope.Bloc));
        Assert.Equal(BoardScope.Unit(unit), BoardScope.Parse(BoardScope.Unit(unit).Key));
        Assert.Equal(BoardScope.Bloc, BoardScope.Parse("cluster:not-a-guid"));
        Assert.Null(BoardScope.FromQuery(null, null, null));
        Assert.Equal(new DateOnly(2026, 3, 5), BoardNodes.ParseDay("2026-03-05"));
        Assert.Null(BoardNodes.ParseDay("05/03/2026"));
    }

    [Fact]
    public void The_board_opens_on_this_year_or_the_latest_programme_before_it()
    {
        ProgrammeSummary P(int year) => new(year, 1, DateTimeOffset.UnixEpoch, "system");
        var today = new DateOnly(2026, 11, 27);

        Assert.Equal(2026, ReportingClient.DefaultYear([P(2023), P(2026), P(2027)], today));
        Assert.Equal(2023, ReportingClient.DefaultYear([P(2023), P(2030)], today));
        Assert.Equal(2030, ReportingClient.DefaultYear([P(2030)], today));
        Assert.Null(ReportingClient.DefaultYear([], today));
    }

    [Fact]
    public void Figures_read_as_in_Vietnam()
    {
        Assert.Equal("4.500", Labels.Figure(4500m, share: false));
        Assert.Equal("85,5%", Labels.Figure(85.50m, share: true));
        Assert.Equal("—", Labels.Figure(null, share: true));
        Assert.Equal("≥ 100%", Labels.Goal(100m, null, share: true));
        Assert.Equal("≤ 0", Labels.Goal(null, 0m, share: false));
        Assert.Equal("Chậm tiến độ", Labels.FigureStatus("behind"));
        var figure = new MeasureFigure("K03.1", "Cây xanh trồng mới", false, 1500m, 1500, null, 4500m, null, 3750m, "behind");
        Assert.Equal(100.0 / 3, figure.Reached!.Value, 3);
        Assert.Equal(100.0 * 3750 / 4500, figure.Due!.Value, 3);
        // A count's pace in whole things (a third of one youth project is one by then); a share's as it is.
        Assert.Equal(1m, (figure with { Expected = 0.34m }).Pace);
        Assert.Equal(90.68m, (figure with { IsShare = true, Expected = 90.68m }).Pace);
    }

    [Fact]
    public async Task A_status_is_said_in_words_and_nothing_to_compare_is_not_a_contribution()
    {
        await using var bunit = new BunitContext();
        bunit.Services.AddMudServices();
        bunit.JSInterop.Mode = JSRuntimeMode.Loose;

        Assert.Equal("Đúng tiến độ", bunit.Render<FigureStatusChip>(p => p.Add(c => c.Status, "onTrack")).Find(".mud-chip").TextContent.Trim());
        Assert.Equal("Đóng góp", bunit.Render<FigureStatusChip>(p => p.Add(c => c.Status, "contribution")).Find(".mud-chip").TextContent.Trim());
        Assert.Equal("Chưa có số liệu", bunit.Render<FigureStatusChip>(p => p.Add(c => c.Status, "contribution").Add(c => c.HasValue, false))
            .Find(".mud-chip").TextContent.Trim());
    }

    [Fact]
    public void A_change_of_goals_sends_back_the_rest_of_the_programme_as_it_was()
    {
        var stored = JsonNode.Parse("""
            {
              "year": 2026, "startsOn": "2026-01-01", "endsOn": "2026-12-31",
              "targets": [
                { "code": "K03", "name": "Cây xanh", "weight": 5, "measures": [
                  { "code": "K03.1", "name": "Cây xanh trồng mới", "count": { "source": "quantity", "quantity": "trees-planted" }, "each": "none",
                    "goal": { "atLeast": 4500, "atMost": null }, "paced": true },
                  { "code": "K04.3", "name": "Cơ sở có công trình", "count": { "source": "activities", "kinds": ["youth-project"] }, "each": "unit", "atLeast": 1,
                    "goal": { "atLeast": 100 } } ] },
                { "code": "K12", "name": "Xếp loại", "weight": 15, "measures": [
                  { "code": "K12.2", "name": "Không hoàn thành", "count": { "source": "member-grades", "grades": ["fail"] }, "goal": { "atMost": 0 }, "paced": false } ] }
              ],
              "reports": [ { "code": "plan", "name": "Kế hoạch năm", "due": "2026-02-25" } ],
              "exemptUnitKinds": ["school"], "figures": [ { "code": "ideas", "name": "Ý tưởng" } ], "scoreboard": { "punctualityWeight": 10 }
            }
            """)!.AsObject();
        var version = new ProgrammeVersion(3, DateTimeOffset.UnixEpoch, "vanphong", stored);
        var form = GoalsForm.Of(version.Document);
        Assert.Equal(4500m, form.Goals["K03.1"]);
        Assert.Equal(1, form.Thresholds["K04.3"]);
        Assert.False(form.Thresholds.ContainsKey("K03.1"));

        form.Goals["K03.1"] = 5000m;
        form.Thresholds["K04.3"] = 2;
        form.Goals["K12.2"] = 1m;
        var sent = form.ApplyTo(stored);

        var measures = sent["targets"]!.AsArray().SelectMany(t => t!["measures"]!.AsArray()).ToList();
        Assert.Equal(5000m, measures[0]!["goal"]!["atLeast"]!.GetValue<decimal>());
        Assert.Equal(2, measures[1]!["atLeast"]!.GetValue<int>());
        // An "at most" goal stays one.
        Assert.Equal(1m, measures[2]!["goal"]!["atMost"]!.GetValue<decimal>());
        Assert.Null(measures[2]!["goal"]!["atLeast"]);
        // Everything else as it came, and the stored document itself untouched.
        Assert.Equal(stored["reports"]!.ToJsonString(), sent["reports"]!.ToJsonString());
        Assert.Equal(stored["figures"]!.ToJsonString(), sent["figures"]!.ToJsonString());
        Assert.Equal("""{"source":"member-grades","grades":["fail"]}""", measures[2]!["count"]!.ToJsonString());
        Assert.Equal(4500m, stored["targets"]![0]!["measures"]![0]!["goal"]!["atLeast"]!.GetValue<decimal>());
    }
}
