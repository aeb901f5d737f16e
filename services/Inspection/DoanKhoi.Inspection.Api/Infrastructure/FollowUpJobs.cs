using DoanKhoi.Inspection.Domain.Recommendations;
using DoanKhoi.Inspection.Domain.Standing;
using DoanKhoi.Inspection.Extensions;
using DoanKhoi.Mail;
using DoanKhoi.Scheduling;
using DoanKhoi.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace DoanKhoi.Inspection.Infrastructure;

/// <summary>The follow-up of recommendations on a schedule, on the clustered scheduler reporting's reminders
/// use too (Quartz.NET, its job store in the service's own database), so with two replicas each run fires
/// on one of them; and each reminder is keyed by recommendation, stage and due day, so even two runs at once
/// remind no one twice.</summary>
public static class FollowUpScheduling
{
    public static IHostApplicationBuilder AddFollowUpScheduling(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SmtpOptions>().BindConfiguration("Inspection:Smtp");
        builder.Services.AddScoped<FollowUp>();
        builder.Services.AddSingleton<FollowUpMailer>();
        return builder.AddClusteredScheduler<FollowUpOptions>("inspection", InspectionServices.DatabaseName, "Inspection:Scheduler", (q, every) => q
            .AddRecurringJob<FollowUpJob>(FollowUpJob.Key, every)
            .AddRecurringJob<FollowUpMailJob>(FollowUpMailJob.Key, every));
    }
}

/// <summary>The scheduler's settings (section <c>Inspection:Scheduler</c>) and when each post hears of a recommendation.</summary>
public sealed class FollowUpOptions : ClusteredSchedulerOptions
{
    /// <summary>The unit's secretary is reminded from this many days before the due day.</summary>
    public int DaysBefore { get; set; } = 7;
    /// <summary>The bloc office hears of a recommendation this many days after its due day.</summary>
    public int BlocOfficeAfterDays { get; set; } = 7;
}

[DisallowConcurrentExecution]
public sealed class FollowUpJob(FollowUp followUp) : IJob
{
    public static readonly JobKey Key = new("follow-up");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => new(followUp.RunAsync(cancellationToken));
}

[DisallowConcurrentExecution]
public sealed class FollowUpMailJob(FollowUpMailer mailer) : IJob
{
    public static readonly JobKey Key = new("follow-up-mail");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await mailer.SendPendingAsync(cancellationToken);
}

/// <summary>Escalates the recommendations not done to the stage their due day calls for today (once per
/// stage: a later run finds the reminder there), and counts again the standing of every unit with a
/// recommendation still open, since a day passing makes one overdue.</summary>
public sealed class FollowUp(InspectionDbContext db, UnitStanding standing, TimeProvider clock, IOptions<FollowUpOptions> options, ILogger<FollowUp> logger)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var today = VietnamTime.Today(clock);
        var now = clock.GetUtcNow();
        var (before, after) = (options.Value.DaysBefore, options.Value.BlocOfficeAfterDays);
        var pending = await db.Recommendations.AsNoTracking()
            .Where(r => (r.Status == RecommendationStatus.Open || r.Status == RecommendationStatus.InProgress) && r.DueOn <= today.AddDays(before))
            .Select(r => new { r.Id, r.UnitId, r.DueOn, r.Status, r.Escalation }).ToListAsync(ct);
        var clusters = await db.Units.AsNoTracking().Select(u => new { u.Id, u.ClusterId }).ToDictionaryAsync(u => u.Id, u => u.ClusterId, ct);
        var contacts = await db.FollowUpContacts.AsNoTracking().ToDictionaryAsync(c => c.NodeId, c => c.Email, ct);
        var reminded = 0;
        foreach (var r in pending)
        {
            var stage = Recommendation.StageOn(r.DueOn, today, before, after);
            if (stage <= r.Escalation) continue;
            var node = stage switch
            {
                EscalationStage.Secretary => r.UnitId,
                EscalationStage.ClusterLead => clusters.GetValueOrDefault(r.UnitId),
                _ => Guid.Empty,
            };
            reminded += await db.Database.ExecuteSqlAsync($"""
                INSERT INTO follow_up_reminders (id, recommendation_id, stage, node_id, unit_id, due_on, created_at, email_to, email_attempts)
                VALUES ({Guid.CreateVersion7(now)}, {r.Id}, {stage.ToString()}, {node}, {r.UnitId}, {r.DueOn}, {now}, {contacts.GetValueOrDefault(node)}, 0)
                ON CONFLICT (recommendation_id, stage, due_on) DO NOTHING
                """, ct);
            await db.Database.ExecuteSqlAsync($"""
                UPDATE recommendations SET escalation = {stage.ToString()}
                WHERE id = {r.Id} AND status IN ('Open', 'InProgress')
                  AND array_position(ARRAY['None','Secretary','ClusterLead','BlocOffice'], escalation) < array_position(ARRAY['None','Secretary','ClusterLead','BlocOffice'], {stage.ToString()})
                """, ct);
        }
        if (reminded > 0) logger.LogInformation("Reminded {Count} posts of recommendations not done", reminded);

        var units = await db.Recommendations.AsNoTracking().Where(r => r.Status == RecommendationStatus.Open || r.Status == RecommendationStatus.InProgress)
            .Select(r => r.UnitId).Union(db.UnitStandings.Where(s => s.OverdueRecommendations > 0).Select(s => s.UnitId)).ToListAsync(ct);
        await standing.RecountAsync(units, ct);
    }
}

/// <summary>E-mails the reminders that have an address and were not sent yet (MailKit), each claimed by one
/// sender at a time (FOR UPDATE SKIP LOCKED); a failure is kept and tried again, at most five times.</summary>
public sealed class FollowUpMailer(IServiceScopeFactory scopes, IOptions<SmtpOptions> smtp, TimeProvider clock, ILogger<FollowUpMailer> logger)
{
    private const int MaxAttempts = 5;

    public async Task<int> SendPendingAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(smtp.Value.Host)) return 0;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InspectionDbContext>();
        var sent = 0;
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var pending = await db.FollowUpReminders.FromSql($"""
                SELECT * FROM follow_up_reminders WHERE email_to IS NOT NULL AND email_sent_at IS NULL AND email_attempts < {MaxAttempts}
                ORDER BY created_at LIMIT 100 FOR UPDATE SKIP LOCKED
                """).ToListAsync(token);
            if (pending.Count == 0) return;
            var ids = pending.Select(p => p.RecommendationId).ToList();
            var recommendations = await db.Recommendations.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, token);
            var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, token);
            using var mail = await SmtpSender.ConnectAsync(smtp.Value, token);
            foreach (var reminder in pending)
            {
                if (!recommendations.TryGetValue(reminder.RecommendationId, out var recommendation)) continue;
                var (subject, text) = Message(reminder, recommendation, units.GetValueOrDefault(reminder.UnitId) ?? "");
                if (await mail.TrySendAsync(reminder.EmailTo!, subject, text, token) is { } error)
                {
                    logger.LogWarning("The follow-up reminder of {Recommendation} to {Email} was not sent: {Error}", reminder.RecommendationId, reminder.EmailTo, error);
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

    private static (string Subject, string Text) Message(FollowUpReminder reminder, Recommendation recommendation, string unit)
    {
        var due = reminder.DueOn.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var subject = reminder.Stage switch
        {
            EscalationStage.Secretary => $"[DoanKhoi] Sắp đến hạn thực hiện kiến nghị sau kiểm tra (hạn {due})",
            EscalationStage.ClusterLead => $"[DoanKhoi] {unit} chưa thực hiện kiến nghị sau kiểm tra (hạn {due} đã qua)",
            _ => $"[DoanKhoi] Kiến nghị quá hạn của {unit} (hạn {due})",
        };
        return (subject, $"""
            Kính gửi đồng chí,

            Kiến nghị gửi {recommendation.AddresseeName} ({unit}): "{recommendation.Action}"
            Hạn thực hiện: {due}. {(reminder.Stage == EscalationStage.Secretary
                ? "Đề nghị đơn vị báo cáo kết quả thực hiện, kèm minh chứng, trên cổng DoanKhoi."
                : "Kiến nghị đã quá hạn mà đơn vị chưa báo cáo hoàn thành; đề nghị đôn đốc đơn vị thực hiện.")}

            Xem và báo cáo trên cổng DoanKhoi, mục "Kiểm tra, giám sát".

            Ủy ban Kiểm tra Đoàn Khối các cơ quan tỉnh
            """);
    }
}
