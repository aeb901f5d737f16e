using DoanKhoi.Contracts.Membership;
using DoanKhoi.Mail;
using DoanKhoi.Reporting.Domain.Programme;
using DoanKhoi.Reporting.Domain.Reports;
using DoanKhoi.Reporting.Extensions;
using DoanKhoi.Scheduling;
using DoanKhoi.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace DoanKhoi.Reporting.Infrastructure;

/// <summary>The reporting service's scheduled work, on the shared clustered scheduler (Quartz.NET, its job
/// store in the service's own database): with two replicas, each run fires on one of them. What a run does
/// is keyed too (one closing per report, one reminder per report, submitter and stage), so even two runs at
/// once change nothing twice.</summary>
public static class ReportScheduling
{
    public static IHostApplicationBuilder AddReportScheduling(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SmtpOptions>().BindConfiguration("Reporting:Smtp");
        builder.Services.AddScoped<ReportDeadlines>();
        builder.Services.AddSingleton<ReminderMailer>();
        return builder.AddClusteredScheduler<ReportSchedulingOptions>("reporting", ReportingServices.DatabaseName, "Reporting:Scheduler", (q, every) => q
            .AddRecurringJob<ReportDeadlinesJob>(ReportDeadlinesJob.Key, every)
            .AddRecurringJob<ReminderMailJob>(ReminderMailJob.Key, every));
    }
}

/// <summary>The scheduler's settings (section <c>Reporting:Scheduler</c>) and when reminders go out.</summary>
public sealed class ReportSchedulingOptions : ClusteredSchedulerOptions
{
    /// <summary>The first reminder comes this many days before the due day.</summary>
    public int DaysBefore { get; set; } = 3;
    /// <summary>Missing reports are chased for this many days after the due day (the calendar shows them after).</summary>
    public int DaysAfter { get; set; } = 3;
}

[DisallowConcurrentExecution]
public sealed class ReportDeadlinesJob(ReportDeadlines deadlines) : IJob
{
    public static readonly JobKey Key = new("report-deadlines");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => new(deadlines.RunAsync(cancellationToken));
}

[DisallowConcurrentExecution]
public sealed class ReminderMailJob(ReminderMailer mailer) : IJob
{
    public static readonly JobKey Key = new("reminder-mail");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await mailer.SendPendingAsync(cancellationToken);
}

/// <summary>Closes the reports whose deadline passed (once each) and adds the reminders due today for the units
/// and clusters that have not sent a report (once each per stage).</summary>
public sealed class ReportDeadlines(ReportingDbContext db, ProgrammeStore programmes, TimeProvider clock, IOptions<ReportSchedulingOptions> options,
    ILogger<ReportDeadlines> logger)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = VietnamTime.Today(clock);
        var (before, after) = (options.Value.DaysBefore, options.Value.DaysAfter);
        foreach (var programme in await programmes.AllAsync(db, ct))
            foreach (var report in programme.Reports)
            {
                var stage = Reminder.StageOn(report, today, before, after);
                var passed = !Report.IsOnTime(report, now);
                if (stage is null && (!passed || await db.ReportClosings.AnyAsync(c => c.Year == programme.Year && c.Code == report.Code, ct))) continue;
                var owing = await OwingAsync(programme, report, ct);
                if (passed && !await db.ReportClosings.AnyAsync(c => c.Year == programme.Year && c.Code == report.Code, ct))
                    await AddOnceAsync(() => db.ReportClosings.Add(ReportClosing.Close(programme.Year, report, owing, now)), ct);
                if (stage is not { } s || owing.Count == 0) continue;
                var contacts = await db.ReportContacts.AsNoTracking().Where(c => owing.Contains(c.NodeId)).ToDictionaryAsync(c => c.NodeId, c => c.Email, ct);
                var added = await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO reminders (id, year, code, submitter_id, stage, due, created_at, email_to, email_attempts)
                    SELECT gen_random_uuid(), {programme.Year}, {report.Code}, s, {s.ToString()}, {report.Due}, {now}, e, 0
                    FROM unnest({owing.ToArray()}, {owing.Select(o => contacts.GetValueOrDefault(o)).ToArray()}) AS t(s, e)
                    ON CONFLICT (year, code, submitter_id, stage) DO NOTHING
                    """, ct);
                if (added > 0) logger.LogInformation("Reminded {Count} units and clusters of {Report} {Year} ({Stage})", added, report.Code, programme.Year, s);
            }
    }

    /// <summary>The open units (not exempt) and the clusters that have not sent the report.</summary>
    private async Task<List<Guid>> OwingAsync(TargetProgramme programme, ReportDefinition report, CancellationToken ct)
    {
        var exempt = programme.ExemptUnitKinds.Select(k => Enum.Parse<UnitKind>(k, ignoreCase: true)).ToList();
        var sent = db.Reports.Where(r => r.Year == programme.Year && r.Code == report.Code).Select(r => r.SubmitterId);
        var units = await db.Units.AsNoTracking().Where(u => u.Status == UnitStatus.Open && !exempt.Contains(u.Kind) && !sent.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct);
        var clusters = await db.Clusters.AsNoTracking().Where(c => !sent.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
        return [.. units, .. clusters];
    }

    private async Task AddOnceAsync(Action add, CancellationToken ct)
    {
        add();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear(); // another run recorded it first
        }
    }
}

/// <summary>E-mails the reminders that have an address and were not sent yet (MailKit), each claimed by one
/// sender at a time (FOR UPDATE SKIP LOCKED); a failure is kept and tried again, at most five times.</summary>
public sealed class ReminderMailer(IServiceScopeFactory scopes, IOptions<SmtpOptions> smtp, TimeProvider clock, ILogger<ReminderMailer> logger)
{
    private const int MaxAttempts = 5;

    public async Task<int> SendPendingAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(smtp.Value.Host)) return 0;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        var programmes = scope.ServiceProvider.GetRequiredService<ProgrammeStore>();
        var sent = 0;
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var pending = await db.Reminders.FromSql($"""
                SELECT * FROM reminders WHERE email_to IS NOT NULL AND email_sent_at IS NULL AND email_attempts < {MaxAttempts}
                ORDER BY created_at LIMIT 100 FOR UPDATE SKIP LOCKED
                """).ToListAsync(token);
            if (pending.Count == 0) return;
            var names = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Name }).ToDictionaryAsync(u => u.Id, u => u.Name, token);
            foreach (var cluster in await db.Clusters.AsNoTracking().ToListAsync(token)) names[cluster.Id] = cluster.Name;
            using var mail = await SmtpSender.ConnectAsync(smtp.Value, token);
            foreach (var reminder in pending)
            {
                var programme = await programmes.FindAsync(db, reminder.Year, token);
                var report = programme?.Report(reminder.Code);
                var (subject, text) = Message(reminder, report?.Name ?? reminder.Code, names.GetValueOrDefault(reminder.SubmitterId) ?? "");
                if (await mail.TrySendAsync(reminder.EmailTo!, subject, text, token) is { } error)
                {
                    logger.LogWarning("The reminder of {Report} to {Email} was not sent: {Error}", reminder.Code, reminder.EmailTo, error);
                    reminder.Failed(error);
                    continue;
                }
                reminder.Sent(clock.GetUtcNow());
                sent++;
            }
            await mail.DisconnectAsync(token);
            await db.SaveChangesAsync(token);
            await transaction.CommitAsync(token);
        }, ct);
        return sent;
    }

    private static (string Subject, string Text) Message(Reminder reminder, string report, string submitter)
    {
        var due = reminder.Due.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var subject = reminder.Stage switch
        {
            ReminderStage.Before => $"[DoanKhoi] Sắp đến hạn nộp {report} (hạn {due})",
            ReminderStage.Due => $"[DoanKhoi] Hôm nay là hạn nộp {report} ({due})",
            _ => $"[DoanKhoi] Chưa nộp {report} (hạn {due} đã qua)",
        };
        return (subject, $"""
            Kính gửi {submitter},

            {(reminder.Stage == ReminderStage.After
                ? $"Đơn vị chưa nộp {report}, hạn ngày {due}. Báo cáo đã khóa; đề nghị liên hệ Văn phòng Đoàn Khối để được mở lại."
                : $"Đơn vị chưa nộp {report}. Hạn nộp: 23:59 ngày {due}.")}

            Nộp báo cáo trên cổng DoanKhoi, mục "Báo cáo".

            Văn phòng Đoàn Khối các cơ quan tỉnh
            """);
    }
}
