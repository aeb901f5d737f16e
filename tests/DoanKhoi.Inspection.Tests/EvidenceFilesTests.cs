using System.Net;
using System.Net.Http.Json;
using DoanKhoi.Inspection.Apis;
using DoanKhoi.Inspection.Domain.Recommendations;
using DoanKhoi.Inspection.Infrastructure;
using DoanKhoi.Messaging.Audit;
using DoanKhoi.Security;
using DoanKhoi.Testing;
using DoanKhoi.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DoanKhoi.Inspection.Tests;

/// <summary>Photos and documents as evidence, on real PostgreSQL: the team's files with its findings (a cadre's kept
/// from those who do not need them, and read on the record), and the minutes a secretary uploads and gives with the
/// report that a recommendation is done, for the committee to open before it verifies.</summary>
public class EvidenceFilesTests(InspectionApiFactory factory) : IClassFixture<InspectionApiFactory>, IAsyncLifetime
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
    private static readonly byte[] Pdf = "%PDF-1.4\n% biên bản sinh hoạt chi đoàn\n"u8.ToArray();

    private readonly MatrixBloc _bloc = new(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
    private readonly Guid _cadre = Guid.CreateVersion7();

    public Task InitializeAsync() => factory.StartMidYearAsync(_bloc, _cadre);

    public Task DisposeAsync() => Task.CompletedTask;

    private DateOnly Today => VietnamTime.Today(factory.Clock);
    private HttpClient Committee => factory.CreateClient().As(Post.Bloc(Role.InspectionCommittee));
    private HttpClient SecretaryOfA => factory.CreateClient().As(Post.OnUnit(_bloc.UnitA));
    private HttpClient SecretaryOfB => factory.CreateClient().As(Post.OnUnit(_bloc.UnitB));

    private static MultipartFormDataContent FileForm(byte[] content, string name) => new() { { new ByteArrayContent(content), "file", name } };

    /// <summary>An inspection in progress over units A and B and A's cadre, with a finding about A and one about the cadre.</summary>
    private async Task<(Guid Inspection, Guid AboutA, Guid AboutCadre)> InProgressAsync()
    {
        var planned = (await (await Committee.PostAsJsonAsync("/inspections", new
        {
            kind = "thematic", topic = "Kiểm tra sinh hoạt chi đoàn", decisionNumber = "12-QĐ/UBKT", decidedOn = Today.AddDays(-20),
            plannedFrom = Today.AddDays(-15), plannedTo = Today.AddDays(-5), team = new[] { "kiemtra" },
            subjects = new object[] { new { kind = "unit", id = _bloc.UnitA }, new { kind = "unit", id = _bloc.UnitB }, new { kind = "person", id = _cadre } },
        })).EnsureSuccessStatusCode().ReadAsync<InspectionView>())!.Id;
        (await Committee.PostAsJsonAsync($"/inspections/{planned}/start", new { startedOn = Today.AddDays(-10) })).EnsureSuccessStatusCode();
        await Committee.PostAsJsonAsync($"/inspections/{planned}/findings", new { subjectId = _bloc.UnitA, severity = "serious", description = "Không sinh hoạt 3 tháng" });
        var view = (await (await Committee.PostAsJsonAsync($"/inspections/{planned}/findings", new
        {
            subjectId = _cadre, severity = "notable", description = "Chậm nộp đoàn phí", isViolation = true,
        })).EnsureSuccessStatusCode().ReadAsync<InspectionView>())!;
        return (planned, view.Findings.Single(f => !f.IsPersonal).Id, view.Findings.Single(f => f.IsPersonal).Id);
    }

    [Fact]
    public async Task A_finding_keeps_the_teams_photos_and_a_file_about_a_cadre_is_opened_only_by_the_committees_on_the_record()
    {
        var (inspection, aboutA, aboutCadre) = await InProgressAsync();
        var files = $"/inspections/{inspection}/findings";

        var photo = await Committee.PostAsync($"{files}/{aboutA}/files", FileForm(Png, "anh-so-sach.png"));
        var text = await Committee.PostAsync($"{files}/{aboutA}/files", FileForm("<script>alert(1)</script>"u8.ToArray(), "anh.png"));
        var bySecretary = await SecretaryOfA.PostAsync($"{files}/{aboutA}/files", FileForm(Png, "x.png"));
        var tooLarge = await Committee.PostAsync($"{files}/{aboutA}/files", FileForm([.. Png, .. new byte[10 * 1024 * 1024]], "lon.png"));
        var none = await Committee.PostAsync($"{files}/{aboutA}/files", new MultipartFormDataContent { { new StringContent("x"), "note" } });
        var ofCadre = await Committee.PostAsync($"{files}/{aboutCadre}/files", FileForm(Pdf, "bien-ban-lam-viec.pdf"));

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (photo.StatusCode, ofCadre.StatusCode));
        await text.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await bySecretary.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await tooLarge.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        (await none.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldNameFields("file");
        var photoId = (await photo.ReadAsync<EvidenceFileView>())!.Id;
        var cadreFile = (await ofCadre.ReadAsync<EvidenceFileView>())!.Id;

        // The secretary of A sees the photo of A's finding and opens it; not the cadre's, not even by its address.
        var seenByA = (await SecretaryOfA.GetFromJsonAsync<InspectionView>($"/inspections/{inspection}", ProblemAssertions.Json))!;
        Assert.Equal(["anh-so-sach.png"], seenByA.Findings.Single(f => f.Id == aboutA).Files.Select(f => f.FileName));
        Assert.Empty(seenByA.Findings.Single(f => f.Id == aboutCadre).Files);
        var download = await SecretaryOfA.GetAsync($"{files}/{aboutA}/files/{photoId}");
        Assert.Equal(Png, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", download.Content.Headers.ContentType!.MediaType);
        await (await SecretaryOfA.GetAsync($"{files}/{aboutCadre}/files/{cadreFile}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await SecretaryOfB.GetAsync($"{files}/{aboutA}/files/{photoId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await factory.CreateClient().As(Post.Bloc(Role.BlocOffice)).GetAsync($"{files}/{aboutCadre}/files/{cadreFile}"))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var standing = await factory.CreateClient().As(Post.Bloc(Role.StandingCommittee)).GetAsync($"{files}/{aboutCadre}/files/{cadreFile}");
        Assert.Equal(Pdf, await standing.Content.ReadAsByteArrayAsync());
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InspectionDbContext>();
            var reads = await db.Set<AuditEntry>().Where(e => e.Action == AuditAction.ReadPersonalData && e.EntityType == "EvidenceFile").ToListAsync();
            Assert.Equal([("test.standing-committee", cadreFile.ToString())], reads.Select(r => (r.Actor, r.EntityId)));
        }

        // A photo attached by mistake goes while the inspection is in progress; once concluded the findings' files are fixed.
        Assert.Equal(HttpStatusCode.NoContent, (await Committee.DeleteAsync($"{files}/{aboutCadre}/files/{cadreFile}")).StatusCode);
        (await Committee.PostAsJsonAsync($"/inspections/{inspection}/conclude", new { conclusion = "Kết luận", concludedOn = Today })).EnsureSuccessStatusCode();
        await (await Committee.PostAsync($"{files}/{aboutA}/files", FileForm(Png, "muon.png"))).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await Committee.DeleteAsync($"{files}/{aboutA}/files/{photoId}")).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        var concluded = (await Committee.GetFromJsonAsync<InspectionView>($"/inspections/{inspection}", ProblemAssertions.Json))!;
        Assert.Equal((1, 0), (concluded.Findings.Single(f => f.Id == aboutA).Files.Count, concluded.Findings.Single(f => f.Id == aboutCadre).Files.Count));
    }

    [Fact]
    public async Task The_secretary_gives_the_uploaded_minutes_with_the_report_that_a_recommendation_is_done_and_the_committee_opens_them()
    {
        var (inspection, aboutA, _) = await InProgressAsync();
        var concluded = (await (await Committee.PostAsJsonAsync($"/inspections/{inspection}/conclude", new
        {
            conclusion = "Đơn vị cần khắc phục.", concludedOn = Today,
            recommendations = new[] { new { addresseeId = _bloc.UnitA, action = "Tổ chức lại sinh hoạt chi đoàn", dueOn = Today.AddDays(30), findingIds = new[] { aboutA } } },
        })).EnsureSuccessStatusCode().ReadAsync<InspectionView>())!;
        var files = $"/recommendations/{concluded.Recommendations.Single().Id}/files";
        var reports = $"/recommendations/{concluded.Recommendations.Single().Id}/reports";

        var minutes = await SecretaryOfA.PostAsync(files, FileForm(Pdf, "Biên bản sinh hoạt tháng 6.pdf"));
        var wrongOne = (await (await SecretaryOfA.PostAsync(files, FileForm(Png, "nham.png"))).ReadAsync<EvidenceFileView>())!.Id;
        await (await SecretaryOfB.PostAsync(files, FileForm(Pdf, "x.pdf"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await Committee.PostAsync(files, FileForm(Pdf, "x.pdf"))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Created, minutes.StatusCode);
        var minutesId = (await minutes.ReadAsync<EvidenceFileView>())!.Id;
        // Taking a file back changes the recommendation, so a report naming that file at the same moment is a 409, not a report of a file gone.
        var before = (await SecretaryOfA.GetFromJsonAsync<RecommendationView>($"/recommendations/{concluded.Recommendations.Single().Id}", ProblemAssertions.Json))!.Version;
        Assert.Equal(HttpStatusCode.NoContent, (await SecretaryOfA.DeleteAsync($"{files}/{wrongOne}")).StatusCode);
        var after = (await SecretaryOfA.GetFromJsonAsync<RecommendationView>($"/recommendations/{concluded.Recommendations.Single().Id}", ProblemAssertions.Json))!;
        Assert.Equal(before + 1, after.Version);
        Assert.Equal(["Biên bản sinh hoạt tháng 6.pdf"], after.Files.Select(f => f.FileName));

        // A file that is not this recommendation's is named; the minutes alone are evidence enough to report it done.
        (await (await SecretaryOfA.PostAsJsonAsync(reports, new { whatWasDone = "Đã sinh hoạt", done = true, fileIds = new[] { Guid.NewGuid() } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldNameFields("fileIds[0]");
        var reported = await SecretaryOfA.PostAsJsonAsync(reports, new { whatWasDone = "Đã tổ chức sinh hoạt chi đoàn tháng 6", done = true, fileIds = new[] { minutesId } });
        Assert.Equal(HttpStatusCode.OK, reported.StatusCode);
        var view = (await reported.ReadAsync<RecommendationView>())!;
        var report = Assert.Single(view.Reports);
        Assert.Equal(RecommendationStatus.Done, view.Status);
        Assert.Equal([minutesId], report.FileIds);
        Assert.Equal([("Biên bản sinh hoạt tháng 6.pdf", (Guid?)report.Id)], view.Files.Select(f => (f.FileName, f.ReportId)));

        // Given with the report, the minutes stay; nothing more is uploaded while the committee verifies.
        await (await SecretaryOfA.DeleteAsync($"{files}/{minutesId}")).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await SecretaryOfA.PostAsync(files, FileForm(Png, "them.png"))).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        var opened = await Committee.GetAsync($"{files}/{minutesId}");
        Assert.Equal(Pdf, await opened.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", opened.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().As(Post.OnCluster(_bloc.ClusterA)).GetAsync($"{files}/{minutesId}")).StatusCode);
        await (await SecretaryOfB.GetAsync($"{files}/{minutesId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await SecretaryOfA.GetAsync($"{files}/{wrongOne}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
