using System.Net.Http.Json;
using DoanKhoi.Contracts.Inspection;
using DoanKhoi.Contracts.Membership;
using DoanKhoi.Inspection.Apis;
using DoanKhoi.Inspection.Domain.Recommendations;
using DoanKhoi.Inspection.Extensions;
using DoanKhoi.Security;
using DoanKhoi.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DoanKhoi.Inspection.Tests;

/// <summary>The inspection service with the demo data set on, settling after 2 quiet seconds, on a clock
/// standing on 15 September (the scheduler off: the loader runs the follow-up once itself).</summary>
public sealed class DemoInspectionsApiFactory : ServiceFactory<Program>
{
    public static readonly DateOnly Today = new(2026, 9, 15);

    public DemoInspectionsApiFactory() : base(ResourceNames.InspectionDb)
    {
        Settings["Inspection:Scheduler:Enabled"] = "false";
        Settings["Demo:Load"] = "true";
        Settings["Demo:SettleSeconds"] = "2";
        Clock.SetDay(Today);
    }

    public ShiftedClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>The demo data set's year of inspection and supervision, made once the organisation and members
/// have arrived: what a user of the demo notices (K14 met, overdue recommendations on the follow-up board
/// and reminded, a unit weighed by an open serious finding), its events on their way to reporting and
/// membership, and a second run that adds nothing.</summary>
public class DemoInspectionsTests(DemoInspectionsApiFactory factory) : IClassFixture<DemoInspectionsApiFactory>
{
    [Fact]
    public async Task The_year_of_inspections_meets_K14_with_recommendations_overdue_and_a_serious_finding_open_and_loads_once()
    {
        _ = factory.Server;
        await TellBlocAsync(factory);

        // The loader's last step is the follow-up's reminders.
        await Eventually.Until(() => factory.Database.ScalarAsync<long>("SELECT count(*) FROM follow_up_reminders"), n => n > 0, TimeSpan.FromSeconds(90),
            "the demo inspections and their reminders");
        var office = factory.CreateClient();
        var today = DemoInspectionsApiFactory.Today;

        var programme = await office.GetFromJsonAsync<ProgrammeView>("/programme", ProblemAssertions.Json);
        Assert.True(programme!.ConcludedForK14 >= 4, $"K14 counts {programme.ConcludedForK14} thematic inspections and supervisions concluded");
        Assert.True(programme.SocialCritiqueSent >= 2, $"K14 counts {programme.SocialCritiqueSent} social-critique items sent");
        Assert.True(programme.PlannedForK14 >= 4 && programme.Items.Select(i => i.Quarter).Distinct().Count() >= 3);

        var inspections = await office.GetFromJsonAsync<PagedList<InspectionSummary>>("/inspections?pageSize=100", ProblemAssertions.Json);
        Assert.Contains(inspections!.Items, i => i.Status == InspectionStatus.InProgress);
        Assert.Contains(inspections.Items, i => i.Status == InspectionStatus.Planned);
        Assert.All(inspections.Items.Where(i => i.ConcludedOn is not null), i => Assert.InRange(i.ConcludedOn!.Value, new DateOnly(2026, 1, 1), today));
        Assert.Contains(inspections.Items, i => i.Kind == InspectionKind.Thematic && i.Status == InspectionStatus.Concluded && i.Subjects >= 3 && i.Progress == 100);

        var overdue = await office.GetFromJsonAsync<PagedList<RecommendationSummary>>("/recommendations?overdue=true", ProblemAssertions.Json);
        Assert.NotEmpty(overdue!.Items);
        Assert.All(overdue.Items, r => Assert.True(r.Overdue && r.DueOn < today));
        var all = await office.GetFromJsonAsync<PagedList<RecommendationSummary>>("/recommendations?pageSize=100", ProblemAssertions.Json);
        Assert.Contains(all!.Items, r => r.Status == RecommendationStatus.Closed);
        Assert.Contains(all.Items, r => r.Status == RecommendationStatus.InProgress);
        Assert.Contains(all.Items, r => r.Status == RecommendationStatus.Done);
        Assert.Contains(all.Items, r => r.Status == RecommendationStatus.Open && !r.Overdue);

        var standing = await office.GetFromJsonAsync<List<StandingView>>("/standing", ProblemAssertions.Json);
        Assert.Contains(standing!, s => s.OpenSeriousFindings > 0);
        Assert.Contains(standing!, s => s.OverdueRecommendations > 0);
        var reminders = await factory.CreateClient().As(Post.Bloc(Role.InspectionCommittee)).GetFromJsonAsync<List<ReminderView>>("/reminders", ProblemAssertions.Json);
        Assert.Contains(reminders!, r => r.Stage == EscalationStage.BlocOffice);

        // Through the outbox, as real ones: reporting counts K14 and the standing, membership records the reprimand.
        Assert.True(await factory.PublishedAsync<InspectionChanged>(e => e.Inspection is { Status: InspectionStatus.Concluded, Kind: InspectionKind.Supervision }));
        Assert.True(await factory.PublishedAsync<SocialCritiqueChanged>(e => e.SocialCritique.OpinionsSentOn is not null));
        Assert.True(await factory.PublishedAsync<UnitStandingChanged>(e => e.OverdueRecommendations > 0));
        Assert.True(await factory.PublishedAsync<DisciplineDecided>(e => e.Measure == DisciplinaryMeasure.Reprimand && e.InspectionId is not null));

        // A second run (a restart, another replica) finds the year there.
        const string Counts = "SELECT (SELECT count(*) FROM inspections) + (SELECT count(*) FROM recommendations) + (SELECT count(*) FROM plan_items)"
                              + " + (SELECT count(*) FROM social_critiques) + (SELECT count(*) FROM youth_forums) + (SELECT count(*) FROM disciplinary_decisions)";
        var before = await factory.Database.ScalarAsync<long>(Counts);
        var loader = factory.Services.GetServices<IHostedService>().OfType<DemoInspectionsLoader>().Single();
        Assert.Equal(0, await loader.LoadOnceAsync(CancellationToken.None));
        Assert.Equal(before, await factory.Database.ScalarAsync<long>(Counts));
    }

    /// <summary>What membership would tell: three clusters of four open units, three members in each unit.</summary>
    internal static async Task TellBlocAsync(ServiceFactory<Program> factory)
    {
        var now = DateTimeOffset.UtcNow;
        var clusters = Enumerable.Range(1, 3).Select(i => (Id: Guid.CreateVersion7(), Code: $"CUM-0{i}")).ToList();
        foreach (var (id, code) in clusters)
            await factory.DeliverAsync(new ClusterCreated { Cluster = new() { ClusterId = id, Code = code, Name = $"Cụm {code[^1]}", Version = 1 }, OccurredAt = now });
        var units = clusters.SelectMany((c, i) => Enumerable.Range(1, 4).Select(j => (Id: Guid.CreateVersion7(), Cluster: c.Id, Code: $"DTN-{i + 1}{j}"))).ToList();
        foreach (var (id, cluster, code) in units)
            await factory.DeliverAsync(new UnitCreated
            {
                Unit = new() { UnitId = id, Code = code, Name = $"Đoàn Thanh niên {code}", Kind = UnitKind.Agency, ClusterId = cluster, Status = UnitStatus.Open, Version = 1 },
                OccurredAt = now,
            });
        await factory.DeliverTogetherAsync([.. units.SelectMany(u => Enumerable.Range(1, 3).Select(i => ((object)new MemberRegistered
        {
            Member = new()
            {
                MemberId = Guid.CreateVersion7(), FullName = $"Đoàn viên {u.Code} số {i}", DateOfBirth = new DateOnly(1998, 5, 1), Gender = "female", UnitId = u.Id,
                Status = MemberStatus.Active, PartyStatus = PartyStatus.None, IsCadre = false, JoinedUnionOn = new DateOnly(2014, 3, 26), Version = 1,
            },
            EffectiveOn = new DateOnly(2026, 1, 1), OccurredAt = now,
        }, Guid.NewGuid())))]);
    }
}

/// <summary>The demo loads on whatever day it is started: its days are spread over the part of the year gone
/// by, so no rule of the domain refuses one, from New Year's Day (nothing can be overdue yet) to New Year's Eve.</summary>
public class DemoInspectionsAnyDayTests(InspectionApiFactory factory) : IClassFixture<InspectionApiFactory>
{
    [Theory]
    [InlineData("2026-01-01")]
    [InlineData("2026-01-02")]
    [InlineData("2026-03-01")]
    [InlineData("2026-12-31")]
    public async Task Any_day_of_the_year_gives_the_year_so_far_with_K14_met(string day)
    {
        _ = factory.Server;
        var today = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        factory.Clock.SetDay(today);
        await factory.Database.ResetAsync();
        await DemoInspectionsTests.TellBlocAsync(factory);
        var loader = factory.Services.GetServices<IHostedService>().OfType<DemoInspectionsLoader>().Single();

        Assert.True(await loader.LoadOnceAsync(CancellationToken.None) >= 6);

        var office = factory.CreateClient();
        var programme = await office.GetFromJsonAsync<ProgrammeView>("/programme", ProblemAssertions.Json);
        Assert.True(programme!.ConcludedForK14 >= 4 && programme.SocialCritiqueSent >= 2);
        var inspections = await office.GetFromJsonAsync<PagedList<InspectionSummary>>("/inspections?pageSize=100", ProblemAssertions.Json);
        Assert.All(inspections!.Items, i => Assert.True(i.PlannedFrom.Year == today.Year && (i.ConcludedOn ?? today) <= today));
        var overdue = await office.GetFromJsonAsync<PagedList<RecommendationSummary>>("/recommendations?overdue=true", ProblemAssertions.Json);
        Assert.Equal(today.DayOfYear > 1, overdue!.Total > 0);
    }
}
