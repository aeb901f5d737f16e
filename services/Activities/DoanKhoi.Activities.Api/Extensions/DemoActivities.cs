using DoanKhoi.Activities.Domain.Activities;
using DoanKhoi.Activities.Domain.Participations;
using DoanKhoi.Activities.Domain.Programme;
using DoanKhoi.Activities.Infrastructure;
using DoanKhoi.Contracts.Activities;
using DoanKhoi.Contracts.Membership;
using DoanKhoi.Messaging;
using DoanKhoi.Organisation;
using DoanKhoi.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DoanKhoi.Activities.Extensions;

/// <summary>Section "Demo": <c>Load=true</c> fills an empty activities service with a year of activities
/// once membership's demo organisation and members have arrived (<c>SettleSeconds</c>: how long the member
/// count must stay still to count as arrived).</summary>
public sealed class DemoActivitiesOptions
{
    public bool Load { get; set; }
    public int SettleSeconds { get; set; } = 15;
    public int WaitMinutes { get; set; } = 15;
}

/// <summary>The demo data set's year of activities, the current one up to today (held, with what happened
/// and who came) and on to December (planned): the bloc's big activities of the programme, each cluster's
/// quarterly activity, and each unit's tree planting, thematic sessions, "Vì đàn em thân yêu" around 1 June
/// and Mid-Autumn, and a few more. Through the domain, so every event reaches reporting as real ones do.
/// Deterministic: the same organisation gives the same year.</summary>
public sealed class DemoActivitiesLoader(IServiceScopeFactory scopes, IOptions<DemoActivitiesOptions> options, ProgrammeCatalogue catalogue,
    TimeProvider clock, ILogger<DemoActivitiesLoader> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Load) return;
        try
        {
            if (!await SettledAsync(stoppingToken)) return;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ActivitiesDbContext>();
            if (await db.Activities.AnyAsync(stoppingToken)) return;
            var count = await LoadAsync(db, stoppingToken);
            logger.LogInformation("Demo data: {Count} activities loaded", count);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Waits until the copies hold open units and members, and the member count stays still.</summary>
    private async Task<bool> SettledAsync(CancellationToken ct)
    {
        var settled = await DemoData.SettledAsync(async token =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ActivitiesDbContext>();
            var members = await db.Members.CountAsync(token);
            return members > 0 && await db.Units.AnyAsync(u => u.Status == UnitStatus.Open, token) ? members : null;
        }, TimeSpan.FromSeconds(options.Value.SettleSeconds), TimeSpan.FromMinutes(options.Value.WaitMinutes), clock, ct);
        if (!settled) logger.LogWarning("Demo data: the organisation and members did not arrive within {Minutes} minutes; no demo activities", options.Value.WaitMinutes);
        return settled;
    }

    private async Task<int> LoadAsync(ActivitiesDbContext db, CancellationToken ct)
    {
        var today = VietnamTime.Today(clock);
        var year = today.Year;
        var programme = catalogue.For(year);
        var random = new Random(year);
        var units = await db.Units.Where(u => u.Status == UnitStatus.Open).OrderBy(u => u.Code).ToListAsync(ct);
        var clusters = await db.Clusters.OrderBy(c => c.Code).ToListAsync(ct);
        var members = (await db.Members.Where(m => m.Status == MemberStatus.Active).ToListAsync(ct)).OrderBy(m => m.Id).ToList();
        var byUnit = members.GroupBy(m => m.UnitId).ToDictionary(g => g.Key, g => g.ToList());
        var count = 0;

        async Task Add(string title, string kind, Organiser organiser, DateOnly on, IReadOnlyList<MemberCopy> pool, int? big = null, string[]? flags = null)
        {
            var details = ActivityDetails.Create(catalogue, title, null, null, kind, null, big, null, on, null, Place(random), null, null);
            var now = clock.GetUtcNow();
            var activity = Activity.Plan(details, organiser, now);
            db.Activities.Add(activity);
            count++;
            if (pool.Count == 0) return;
            var taking = pool.OrderBy(_ => random.Next()).Take(Math.Max(3, pool.Count * random.Next(35, 75) / 100)).ToList();
            var registered = taking.Take(taking.Count * 2 / 3).ToList();
            var participations = registered.Select(m => Participation.Register(activity, m, now)).ToList();
            db.Participations.AddRange(participations);
            if (on > today) return;
            foreach (var p in participations)
                p.Mark(random.Next(10) switch { 0 => Attendance.Absent, 1 => Attendance.Excused, _ => Attendance.Attended }, now);
            db.Participations.AddRange(taking.Skip(registered.Count).Select(m => Participation.Arrive(activity, m, Attendance.Attended, now)));
            var attended = participations.Count(p => p.Attendance == Attendance.Attended) + taking.Count - registered.Count;
            var quantities = programme.Kind(kind)!.Quantities.ToDictionary(q => q, q => Quantity(q, attended, random));
            activity.Hold(ActivityOutcome.Create(quantities, flags, null, null), programme, today, now);
        }

        // The bloc's big activities, in the first month of each.
        foreach (var big in programme.BigActivities)
        {
            var on = Day(year, big.Months[0], random);
            await Add(big.Title.Length > ActivityLimits.TitleMaxLength ? big.Title[..ActivityLimits.TitleMaxLength] : big.Title,
                big.Kind, Organiser.Bloc, on, members.Where((_, i) => i % 40 == 0).ToList(), big.Number);
        }
        await db.SaveChangesAsync(ct);

        // Each cluster's activity of the quarter.
        string[] clusterKinds = ["volunteer-activity", "youth-project", "tree-planting", "poor-household-support"];
        foreach (var cluster in clusters)
        {
            var pool = units.Where(u => u.ClusterId == cluster.Id).SelectMany(u => byUnit.GetValueOrDefault(u.Id, [])).Where((_, i) => i % 10 == 0).ToList();
            for (var quarter = 0; quarter < 4; quarter++)
            {
                var kind = clusterKinds[quarter];
                await Add(kind == "youth-project" ? $"Công trình thanh niên hướng về biên giới - {cluster.Name}" : $"{programme.Kind(kind)!.Name} - {cluster.Name}",
                    kind, new Organiser(OrganiserLevel.Cluster, cluster.Id), Day(year, quarter * 3 + 1 + random.Next(3), random), pool,
                    flags: kind == "youth-project" ? ["border-area", "new-rural-commune"] : null);
            }
        }
        await db.SaveChangesAsync(ct);

        // Each unit's own year.
        var midAutumn = ProgrammeProgress.DayOf(new OccasionDefinition("Tết Trung thu", null, "08-15", 15), year);
        string[] others = ["blood-donation", "volunteer-activity", "political-study", "career-counselling", "digital-outreach", "volunteer-saturday"];
        foreach (var unit in units)
        {
            var pool = byUnit.GetValueOrDefault(unit.Id, []);
            var organiser = new Organiser(OrganiserLevel.Unit, unit.Id);
            await Add($"Hưởng ứng Tết trồng cây - {unit.Name}", "tree-planting", organiser, Day(year, 2, random), pool);
            await Add($"Sinh hoạt chuyên đề quý II - {unit.Name}", "thematic-session", organiser, Day(year, 4, random), pool);
            await Add($"Vì đàn em thân yêu nhân ngày 1/6 - {unit.Name}", "children-support", organiser, new DateOnly(year, 5, 28).AddDays(random.Next(6)), pool);
            await Add($"Vui Tết Trung thu cho thiếu nhi - {unit.Name}", "children-support", organiser, midAutumn.AddDays(-random.Next(5)), pool);
            await Add($"Sinh hoạt chuyên đề quý IV - {unit.Name}", "thematic-session", organiser, Day(year, 10, random), pool);
            var other = others[random.Next(others.Length)];
            await Add($"{programme.Kind(other)!.Name} - {unit.Name}", other, organiser, Day(year, 1 + random.Next(12), random), pool);
            await db.SaveChangesAsync(ct);
        }
        return count;
    }

    private static DateOnly Day(int year, int month, Random random) => new(year, month, 3 + random.Next(24));

    private static readonly string[] Places =
        ["Quảng trường 17/8, TP Lạng Sơn", "Xã Mai Pha, TP Lạng Sơn", "Hội trường Tỉnh ủy", "Xã Tân Thanh, huyện Văn Lãng", "Trường THPT Việt Bắc", "Xã Xuân Long, huyện Cao Lộc"];

    private static string Place(Random random) => Places[random.Next(Places.Length)];

    /// <summary>A plausible number for a quantity, from how many came.</summary>
    private static int Quantity(string code, int attended, Random random) => code switch
    {
        "trees-planted" => attended * random.Next(2, 6),
        "blood-units" => attended * 8 / 10,
        "people-examined" => random.Next(60, 180),
        "youths-counselled" => random.Next(40, 150),
        "jobs-referred" => random.Next(3, 20),
        "children-supported" => random.Next(10, 40),
        "households-supported" => random.Next(1, 3),
        _ => random.Next(5, 60),
    };
}
