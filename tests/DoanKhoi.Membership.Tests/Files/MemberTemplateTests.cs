using System.Net;
using System.Net.Http.Json;
using DoanKhoi.Membership.Apis;
using DoanKhoi.Membership.Files;
using DoanKhoi.Testing;
using MiniExcelLibs;

namespace DoanKhoi.Membership.Tests.Files;

/// <summary>The template the service serves is the one the repository keeps (samples/), and the sample
/// file imports as it is. DOANKHOI_WRITE_SAMPLES=1 writes them anew from the code.</summary>
public class MemberTemplateTests(MembershipApiFactory factory) : IClassFixture<MembershipApiFactory>, IAsyncLifetime
{
    private static readonly string Samples = Path.Combine(RepositoryRoot(), "samples");

    public async Task InitializeAsync()
    {
        _ = factory.Server;     // the database is made as the service starts
        await factory.Database.ResetAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "DoanKhoi.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("The repository's root (DoanKhoi.sln) was not found.");
    }

    /// <summary>Every sheet with its cells: what a reader of the file sees, whatever the zip's timestamps.</summary>
    private static List<(string Sheet, List<string[]> Rows)> Read(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        return stream.GetSheetNames().Select(sheet => (sheet, stream.Query(useHeaderRow: false, sheetName: sheet)
            .Cast<IDictionary<string, object?>>().Select(r => r.Values.Select(v => v?.ToString() ?? "").ToArray()).ToList())).ToList();
    }

    [Fact]
    public async Task The_template_served_is_the_one_in_the_repository_headers_a_sample_row_and_a_guide()
    {
        var client = factory.CreateClient();
        var xlsx = await client.GetByteArrayAsync("/members/import-template");
        var csv = await client.GetByteArrayAsync("/members/import-template?format=csv");
        if (Environment.GetEnvironmentVariable("DOANKHOI_WRITE_SAMPLES") == "1")
        {
            Directory.CreateDirectory(Samples);
            await File.WriteAllBytesAsync(Path.Combine(Samples, "members-template.xlsx"), xlsx);
            await File.WriteAllBytesAsync(Path.Combine(Samples, "members-sample.csv"), MemberTemplate.SampleCsv());
        }

        var served = Read(xlsx);
        Assert.Equal(Read(await File.ReadAllBytesAsync(Path.Combine(Samples, "members-template.xlsx"))), served, new SheetsComparer());
        Assert.Equal(MemberTemplate.SampleCsv(), await File.ReadAllBytesAsync(Path.Combine(Samples, "members-sample.csv")));
        Assert.Equal(["Đoàn viên", "Hướng dẫn"], served.Select(s => s.Sheet));
        Assert.Equal(["Họ và tên", "Ngày sinh", "Giới tính", "Dân tộc", "Số CCCD"], served[0].Rows[0][..5]);
        Assert.Equal(2, served[0].Rows.Count);
        Assert.Contains(served[1].Rows, r => r[0] == "Số CCCD" && r[3].Contains("CMND/CCCD"));
        Assert.StartsWith("\uFEFFHọ và tên,Ngày sinh", System.Text.Encoding.UTF8.GetString(csv));
    }

    [Fact]
    public async Task The_sample_file_and_the_template_import_as_they_are()
    {
        var office = factory.CreateClient();
        var cluster = (await (await office.PostAsJsonAsync("/clusters", new { code = "CUM-A", name = "Cụm A" })).ReadAsync<ClusterResponse>())!.Id;
        var unit = (await (await office.PostAsJsonAsync("/units", new { code = "DCS-SYT", name = "Đoàn Sở Y tế", kind = "agency", clusterId = cluster })).ReadAsync<UnitResponse>())!.Id;
        await office.PostAsJsonAsync($"/units/{unit}/branches", new { name = "Chi đoàn Văn phòng" });

        var sample = await office.PostAsync($"/units/{unit}/members/import", SheetFiles.Form(await File.ReadAllBytesAsync(Path.Combine(Samples, "members-sample.csv")), "members-sample.csv"));
        var template = await office.PostAsync($"/units/{unit}/members/import", SheetFiles.Form(await File.ReadAllBytesAsync(Path.Combine(Samples, "members-template.xlsx")), "members-template.xlsx"));

        Assert.Equal(HttpStatusCode.OK, sample.StatusCode);
        var report = (await sample.ReadAsync<MemberImportReport>())!;
        Assert.True(report.Accepted == 3, string.Join("; ", report.Items.SelectMany(i => i.Problems).Select(p => $"{p.Column}: {p.Reason}")));
        var fromTemplate = (await template.ReadAsync<MemberImportReport>())!;
        Assert.Equal((1, 1), (fromTemplate.Rows, fromTemplate.Accepted));
    }

    private sealed class SheetsComparer : IEqualityComparer<List<(string Sheet, List<string[]> Rows)>>
    {
        public bool Equals(List<(string Sheet, List<string[]> Rows)>? x, List<(string Sheet, List<string[]> Rows)>? y) =>
            x!.Count == y!.Count && x.Zip(y).All(p => p.First.Sheet == p.Second.Sheet && p.First.Rows.Count == p.Second.Rows.Count
                && p.First.Rows.Zip(p.Second.Rows).All(r => r.First.SequenceEqual(r.Second)));

        public int GetHashCode(List<(string Sheet, List<string[]> Rows)> obj) => obj.Count;
    }
}
