using System.Net;
using System.Net.Http.Json;
using CsvHelper;
using DoanKhoi.Activities.Apis;
using DoanKhoi.Security;
using DoanKhoi.Testing;

namespace DoanKhoi.Activities.Tests;

/// <summary>The lists as files a secretary opens in a spreadsheet: in Vietnamese, with the list's reach.</summary>
public class ExportsTests(ActivitiesApiFactory factory) : IClassFixture<ActivitiesApiFactory>, IAsyncLifetime
{
    private readonly MatrixBloc _bloc = new(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
    private readonly Guid _ha = Guid.CreateVersion7();

    public async Task InitializeAsync()
    {
        _ = factory.Server;
        await factory.Database.ResetAsync();
        await _bloc.TellAsync(factory);
        await IdeasApiTests.MembersAsync(factory, (_ha, "Nguyễn Thị Hà", _bloc.UnitA));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The file's rows as a spreadsheet reads them (quoted fields with commas kept whole).</summary>
    private static async Task<List<string[]>> RowsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var csv = CsvReader.FromText((await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF'), new CsvReaderOptions { HasHeader = false });
        var rows = new List<string[]>();
        while (csv.Read()) rows.Add(csv.Current.ToArray());
        return rows;
    }

    [Fact]
    public async Task The_activities_file_has_each_activity_with_its_quantities_in_their_columns_and_only_what_the_caller_reaches()
    {
        var secretary = factory.CreateClient().As(Post.OnUnit(_bloc.UnitA));
        var planted = (await (await secretary.PostAsJsonAsync("/activities", ActivitiesApiTests.Planting(_bloc.UnitA))).ReadAsync<ActivityView>())!;
        (await secretary.PutAsJsonAsync($"/activities/{planted.Id}/outcome", new { quantities = new[] { new { code = "trees-planted", value = 450 } } })).EnsureSuccessStatusCode();
        await factory.CreateClient().PostAsJsonAsync("/activities", ActivitiesApiTests.Planting(_bloc.UnitB, title: "=Trồng cây Đoàn B"));

        var rows = await RowsAsync(await secretary.GetAsync("/activities/export?format=csv&from=2023-01-01"));

        var header = rows[0];
        Assert.Equal("Tên hoạt động", header[0]);
        var row = rows[1];
        Assert.Equal(["Ra quân Tết trồng cây", "Thanh niên tình nguyện", "Trồng cây xanh", "Đoàn A"], row[..4]);
        Assert.Equal(("Xã Mai Pha, TP Lạng Sơn", "Đã tổ chức", "12/03/2023", "450"), (row[6], row[7], row[4], row[Array.FindIndex(header, h => h.StartsWith("Số cây xanh"))]));
        Assert.Equal(2, rows.Count);
        Assert.Contains("'=Trồng cây Đoàn B", await (await factory.CreateClient().GetAsync("/activities/export?format=csv")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_attendance_sheet_file_names_each_participant_and_how_they_took_part()
    {
        var secretary = factory.CreateClient().As(Post.OnUnit(_bloc.UnitA));
        var activity = (await (await secretary.PostAsJsonAsync("/activities", ActivitiesApiTests.Planting(_bloc.UnitA))).ReadAsync<ActivityView>())!;
        (await secretary.PutAsJsonAsync($"/activities/{activity.Id}/attendance", new { marks = new[] { new { memberId = _ha, attendance = "attended" } } })).EnsureSuccessStatusCode();

        var rows = await RowsAsync(await secretary.GetAsync($"/activities/{activity.Id}/participants/export?format=csv"));

        Assert.Equal(["Nguyễn Thị Hà", "Đoàn A", "Có mặt", "x", ""], rows[1]);
    }
}
