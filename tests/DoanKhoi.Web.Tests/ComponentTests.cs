using Bunit;
using DoanKhoi.Web.Clients;
using DoanKhoi.Web.Components.Pages.Members;
using DoanKhoi.Web.Components.Shared;
using DoanKhoi.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace DoanKhoi.Web.Tests;

/// <summary>The portal's components that have logic of their own, rendered without a browser.</summary>
public class ComponentTests : IAsyncLifetime
{
    /// <summary>The error under a field, as MudBlazor writes it.</summary>
    private const string FieldError = ".mud-input-helper-text.mud-input-error";

    // MudBlazor's services are disposed asynchronously only, which xUnit's Dispose of a BunitContext base class does not do.
    private readonly BunitContext _bunit = new();

    public Task InitializeAsync()
    {
        _bunit.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        _bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _bunit.DisposeAsync();

    private IRenderedComponent<T> Render<T>(Action<ComponentParameterCollectionBuilder<T>>? parameters = null) where T : Microsoft.AspNetCore.Components.IComponent =>
        _bunit.Render(parameters);

    private static ApiProblem Problem(int status, Dictionary<string, string[]>? errors = null, string? detail = null) =>
        new(status, "title", detail, errors ?? [], "membership");

    [Fact]
    public void An_ended_session_offers_to_sign_in_again_and_come_back_to_the_same_page()
    {
        _bunit.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo("/members?unitId=5");

        var notice = Render<ProblemNotice>(p => p.Add(c => c.Problem, Problem(401)));

        Assert.Contains("Phiên đăng nhập đã hết", notice.Markup);
        Assert.Equal("/signin?returnUrl=%2Fmembers%3FunitId%3D5", notice.Find("a").GetAttribute("href"));
    }

    [Fact]
    public void Nothing_is_shown_when_nothing_went_wrong() =>
        Assert.Empty(Render<ProblemNotice>().Markup.Trim());

    [Fact]
    public void A_field_error_of_the_API_shows_under_the_field_it_names()
    {
        var problem = Problem(400, new() { ["citizenId"] = ["The CCCD has 12 digits; '0123' has 4."] });

        var editor = Render<MemberEditor>(p => p
            .Add(c => c.Form, new MemberForm { FullName = "Lý Thị Hoa" })
            .Add(c => c.Problem, problem)
            .Add(c => c.OnSave, () => { }));

        var field = editor.FindAll(".mud-input-control").Single(f => f.TextContent.Contains("Số CCCD"));
        Assert.Equal("The CCCD has 12 digits; '0123' has 4.", field.QuerySelector(FieldError)?.TextContent.Trim());
        Assert.Equal("true", field.QuerySelector("input")?.GetAttribute("aria-invalid"));
        var name = editor.FindAll(".mud-input-control").Single(f => f.TextContent.Contains("Họ và tên"));
        Assert.Null(name.QuerySelector(FieldError));
    }

    [Fact]
    public void An_admission_asks_for_the_resolution_and_a_record_for_the_day_the_member_joined()
    {
        var admit = Render<MemberEditor>(p => p.Add(c => c.Form, new MemberForm()).Add(c => c.Mode, MemberEditorMode.Admit).Add(c => c.OnSave, () => { }));
        var register = Render<MemberEditor>(p => p.Add(c => c.Form, new MemberForm()).Add(c => c.Mode, MemberEditorMode.Register).Add(c => c.OnSave, () => { }));

        Assert.Contains("Số nghị quyết kết nạp", admit.Markup);
        Assert.DoesNotContain("Ngày vào Đoàn", admit.Markup);
        Assert.Contains("Ngày vào Đoàn", register.Markup);
        Assert.DoesNotContain("Số nghị quyết kết nạp", register.Markup);
    }

    [Fact]
    public void An_import_preview_lists_each_refused_row_with_its_reasons_and_only_those()
    {
        var report = new ImportReport(false, 3, 1, 1, 1,
        [
            new ImportedRow(2, "accepted", "Hoàng Văn Nam", null, null, []),
            new ImportedRow(3, "alreadyRecorded", "Lò Thị Sen", null, Guid.NewGuid(), []),
            new ImportedRow(4, "refused", "Vi Văn Tú", null, null, [new ImportProblem("Số CCCD", "The CCCD has 12 digits."), new ImportProblem("Ngày sinh", "Not a date.")]),
        ]);

        var summary = Render<ImportSummary>(p => p.Add(c => c.Report, report));

        var rows = summary.FindAll(".refused-rows tbody tr");
        var row = Assert.Single(rows);
        Assert.Contains("Vi Văn Tú", row.TextContent);
        Assert.Contains("Số CCCD: The CCCD has 12 digits.", row.TextContent);
        Assert.Contains("Ngày sinh: Not a date.", row.TextContent);
        Assert.Contains("Sẽ ghi", summary.Markup);
    }

    [Fact]
    public void MudBlazors_pager_names_its_buttons_in_Vietnamese_for_a_screen_reader()
    {
        _bunit.Services.AddTransient<MudBlazor.MudLocalizer, VietnameseMudLocalizer>();

        var pager = Render<MudBlazor.MudPagination>(p => p.Add(c => c.Count, 5).Add(c => c.ShowFirstButton, true).Add(c => c.ShowLastButton, true));

        var names = pager.FindAll("button").Select(b => b.GetAttribute("aria-label")).ToList();
        Assert.Equal(["Trang đầu", "Trang trước", "Trang hiện tại 1", "Trang 2", "Trang 3", "Trang 4", "Trang 5", "Trang sau", "Trang cuối"], names);
    }
}
