using System.Security.Claims;
using Bunit;
using DoanKhoi.Security;
using DoanKhoi.Web.Clients;
using DoanKhoi.Web.Components.Pages.Reports;
using DoanKhoi.Web.Infrastructure;
using MudBlazor.Services;
using Microsoft.Extensions.DependencyInjection;

namespace DoanKhoi.Web.Tests;

/// <summary>The reports pages' own logic: a report's form prefilled and sent so that the API's field errors land
/// beside the right figure, the grid's rows and words, and whose reports a person sends.</summary>
public class ReportsTests
{
    private static readonly ReportDefinition Thematic = new("cd1", "Báo cáo chuyên đề chuyển đổi số", new DateOnly(2026, 11, 28), new DateOnly(2026, 1, 1), new DateOnly(2026, 11, 28), Thematic: true);

    private static PortalUser With(params string[] posts) => PortalUser.From(new ClaimsPrincipal(new ClaimsIdentity(
        [new Claim("sub", "a1"), .. posts.Select(p => new Claim(Post.ClaimType, p))], authenticationType: "cookie")));

    private static ReportForm Form(IReadOnlyList<FigureField> figures, ReportView? sent = null) =>
        new(2026, Thematic, "unit", Guid.NewGuid(), "Đoàn TN Sở Tư pháp", DateTimeOffset.UnixEpoch, sent is null ? "pending" : "onTime", true, null, figures, sent);

    private static CalendarRow Row(string level, Guid id, string name, Guid? cluster = null, string state = "pending") =>
        new(level, id, name, cluster, false, [new CalendarCell("cd1", state, false, null)], new Punctuality(0, 0, 0, 0, 0, null));

    [Fact]
    public void A_new_report_is_prefilled_with_what_DoanKhoi_counted_and_a_changed_figure_asks_for_a_reason()
    {
        var draft = ReportDraft.Of(Form([new("trees-planted", "Cây xanh trồng mới", 12, null, null), new("youths-reached-outside", "Thanh niên ngoài DoanKhoi", null, null, null)]));

        var trees = draft.Figures[0];
        Assert.Equal(12, trees.Value);
        Assert.False(trees.Differs);
        trees.Value = 15;
        Assert.True(trees.Differs);
        // A figure DoanKhoi does not count asks for no reason, whatever its value.
        draft.Figures[1].Value = 40;
        Assert.False(draft.Figures[1].Differs);
        Assert.Null(draft.Narrative);
        Assert.Empty(draft.Attachments);
    }

    [Fact]
    public void A_returned_report_is_corrected_from_its_last_version()
    {
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        ReportVersion Version(int number, string narrative, params Guid[] attachments) =>
            new(number, DateTimeOffset.UnixEpoch.AddDays(number), "Bí thư", true, [new SentFigure("trees-planted", 15, 12, "Trồng tại gia đình")], narrative, attachments, null);
        var sent = new ReportView(Guid.NewGuid(), 2026, "cd1", "unit", Guid.NewGuid(), "returned", true, DateTimeOffset.UnixEpoch, "Bổ sung số liệu", "vanphong",
            DateTimeOffset.UnixEpoch, [Version(2, "Bản hai", first, second), Version(1, "Bản một", first)]);

        var draft = ReportDraft.Of(Form([new("trees-planted", "Cây xanh trồng mới", 12, 15, "Trồng tại gia đình")], sent));

        Assert.Equal(15, draft.Figures[0].Value);
        Assert.Equal("Trồng tại gia đình", draft.Figures[0].Reason);
        Assert.Equal("Bản hai", draft.Narrative);
        Assert.Equal([first, second], draft.Attachments.Select(a => a.Id));
        Assert.All(draft.Attachments, a => Assert.Null(a.FileName));
    }

    [Fact]
    public void The_APIs_figure_errors_land_beside_the_figure_they_name()
    {
        var draft = ReportDraft.Of(Form(
        [
            new("youths-reached-outside", "Thanh niên ngoài DoanKhoi", null, null, null),
            new("trees-planted", "Cây xanh trồng mới", 12, null, null),
            new("blood-units", "Đơn vị máu hiến", 0, null, null),
        ]));
        draft.Figures[1].Value = 15;
        draft.Figures[1].Reason = "  ";
        draft.Narrative = "Nội dung";
        var attachment = Guid.NewGuid();
        draft.Attachments.Add(new AttachmentChoice(attachment, "bao-cao.pdf", 2048));

        var sent = draft.ToSubmission();

        // A figure with neither a value nor a count is not sent: the others' indexes are those the API answers with.
        Assert.Equal(["trees-planted", "blood-units"], sent.Figures.Select(f => f.Code));
        Assert.Null(sent.Figures[0].Reason);
        Assert.Equal("figures[0].reason", draft.FieldOf("trees-planted", "reason"));
        Assert.Equal("figures[1].value", draft.FieldOf("blood-units", "value"));
        Assert.Null(draft.FieldOf("youths-reached-outside", "value"));
        Assert.Equal("attachmentIds[0]", draft.FieldOf(attachment));
        Assert.Equal([attachment], sent.AttachmentIds);
        Assert.Null(sent.Note);
    }

    [Fact]
    public void The_grid_shows_each_cluster_then_its_units_and_a_person_their_own_rows()
    {
        var (north, south, a, b, c, d) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var calendar = new ReportCalendar(2026, [Thematic],
        [
            Row("cluster", north, "Cụm 1"), Row("cluster", south, "Cụm 2"),
            Row("unit", a, "Đoàn TN Sở Y tế", south), Row("unit", b, "Đoàn TN Công an tỉnh", north), Row("unit", c, "Đoàn TN Sở Xây dựng", north), Row("unit", d, "Chi đoàn mới"),
        ], []);

        Assert.Equal([north, b, c, south, a, d], ReportCells.Ordered(calendar).Select(r => r.NodeId));
        Assert.Equal([south, a], ReportCells.Ordered(calendar, south).Select(r => r.NodeId));
        Assert.Equal([a], ReportCells.Own(calendar, With($"unit-secretary@unit:{a}")).Select(r => r.NodeId));
        Assert.Equal([north, b, c], ReportCells.Own(calendar, With($"cluster-lead@cluster:{north}")).Select(r => r.NodeId));
        Assert.Empty(ReportCells.Own(calendar, With("bloc-office@bloc")));
    }

    [Fact]
    public void Each_person_sends_their_own_units_and_clusters_reports()
    {
        var (unit, cluster) = (Guid.NewGuid(), Guid.NewGuid());
        var user = With($"member@member:{Guid.NewGuid()}", $"unit-secretary@unit:{unit}", $"cluster-lead@cluster:{cluster}");

        Assert.Equal([BoardScope.Unit(unit), BoardScope.Cluster(cluster)], ReportCells.Submitters(user));
        Assert.True(ReportCells.Sends(user, BoardScope.Unit(unit)));
        Assert.True(ReportCells.Sends(user, BoardScope.Cluster(cluster)));
        Assert.False(ReportCells.Sends(user, BoardScope.Unit(Guid.NewGuid())));
        Assert.False(ReportCells.Sends(With("bloc-office@bloc"), BoardScope.Unit(unit)));
        Assert.Equal($"/reports/2026/cd1?unitId={unit}", ReportCells.ReportLink(2026, "cd1", BoardScope.Unit(unit)));
        Assert.Equal($"/reports?year=2026&clusterId={cluster}", ReportCells.ListLink(2026, BoardScope.Cluster(cluster)));
    }

    [Fact]
    public void A_cell_says_in_words_where_the_unit_stands()
    {
        var row = Row("unit", Guid.NewGuid(), "Đoàn TN Sở Tư pháp");

        Assert.Equal("Đoàn TN Sở Tư pháp, Báo cáo chuyên đề chuyển đổi số (hạn 28/11/2026): Đúng hạn, đã duyệt",
            ReportCells.Label(row, Thematic, new CalendarCell("cd1", "onTime", true, Guid.NewGuid())));
        Assert.Equal("Chưa nộp (quá hạn)", Labels.CalendarState("missing"));
        Assert.Equal("Hạn nộp 23:59 ngày 05/03/2026", Labels.Deadline(new DateOnly(2026, 3, 5)));
        Assert.Equal("Tháng 1", ReportCells.ShortName("Báo cáo tháng 1"));
        Assert.Equal("Tổng kết năm và hồ sơ…", ReportCells.ShortName("Báo cáo tổng kết năm và hồ sơ đề nghị khen thưởng"));
        Assert.Equal("85,5%", ReportCells.Rate(new Punctuality(2, 1, 1, 0, 0, 85.5m)));
        Assert.Equal("—", ReportCells.Rate(new Punctuality(0, 0, 0, 0, 0, null)));
        // Each state has its own sign beside its colour.
        Assert.Equal(ReportCells.States.Length, ReportCells.States.Select(ReportCells.Sign).Distinct().Count());
    }

    [Fact]
    public async Task A_reports_state_is_shown_with_a_sign_and_words()
    {
        await using var bunit = new BunitContext();
        bunit.Services.AddMudServices();
        bunit.JSInterop.Mode = JSRuntimeMode.Loose;

        var chip = bunit.Render<ReportStateChip>(p => p.Add(c => c.State, "returned"));
        Assert.Equal("↩ Trả lại để sửa", chip.Find(".report-state").TextContent.Trim());
        Assert.Contains("state-returned", chip.Find(".report-state").ClassName);
        var accepted = bunit.Render<ReportStateChip>(p => p.Add(c => c.State, "late").Add(c => c.Accepted, true));
        Assert.Contains("Muộn, đã duyệt", accepted.Find(".report-state").TextContent);
        Assert.Contains("accepted", accepted.Find(".report-state").ClassName);
    }

    [Fact]
    public async Task Each_cell_of_the_grid_opens_its_report_and_says_where_the_unit_stands()
    {
        await using var bunit = new BunitContext();
        bunit.Services.AddMudServices();
        bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        var (cluster, unit, school) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var calendar = new ReportCalendar(2026, [Thematic],
        [
            Row("cluster", cluster, "Cụm 1"),
            new CalendarRow("unit", unit, "Đoàn TN Sở Tư pháp", cluster, false, [new CalendarCell("cd1", "late", true, Guid.NewGuid())], new Punctuality(4, 3, 1, 0, 0, 75m)),
            new CalendarRow("unit", school, "Đoàn trường THPT Việt Bắc", cluster, true, [new CalendarCell("cd1", "exempt", false, null)], new Punctuality(0, 0, 0, 0, 0, null)),
        ], []);

        var grid = bunit.Render<ReportGrid>(p => p.Add(c => c.Calendar, calendar).Add(c => c.Rows, ReportCells.Ordered(calendar)));

        var late = grid.Find($"a.report-cell[data-node='{unit}']");
        Assert.Equal("!", late.TextContent.Trim());
        Assert.Equal("Đoàn TN Sở Tư pháp, Báo cáo chuyên đề chuyển đổi số (hạn 28/11/2026): Muộn, đã duyệt", late.GetAttribute("aria-label"));
        Assert.Equal($"/reports/2026/cd1?unitId={unit}", late.GetAttribute("href"));
        Assert.Contains("accepted", late.ClassName);
        Assert.Equal(["Cụm: Cụm 1", "Đoàn TN Sở Tư pháp", "Đoàn trường THPT Việt Bắc"], grid.FindAll("tbody th a").Select(a => a.TextContent));
        Assert.Equal(["—", "75%", "—"], grid.FindAll("tbody td.grid-rate").Select(td => td.TextContent.Trim()));
        Assert.Equal(7, grid.FindAll(".report-legend li").Count);
    }
}
