using DoanKhoi.Contracts.Inspection;
using DoanKhoi.Membership.Domain.Members;
using DoanKhoi.Membership.Infrastructure;
using DoanKhoi.Messaging.Inbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Membership.Consumers;

/// <summary>Records on the member the disciplinary measures the inspection service publishes: never by a
/// call, once per message (the inbox), and only the newest state of a decision (a replay, or the decision
/// arriving after its annulment, changes nothing).</summary>
public sealed class DisciplineDecidedConsumer(MembershipDbContext db, TimeProvider clock, ILogger<DisciplineDecidedConsumer> logger)
    : IConsumer<DisciplineDecided>
{
    public const string QueueName = "membership-discipline";

    public Task Consume(ConsumeContext<DisciplineDecided> context) =>
        db.HandleOnceAsync(context, nameof(DisciplineDecidedConsumer), async ct =>
        {
            var d = context.Message;
            var record = await db.DisciplineRecords.FindAsync([d.DecisionId], ct);
            if (record is null) db.DisciplineRecords.Add(record = DisciplineRecord.Of(d));
            if (!record.Take(d)) return;
            var member = await db.Members.Include(m => m.Placements).Include(m => m.History).Include(m => m.Posts).AsSplitQuery()
                .FirstOrDefaultAsync(m => m.Id == d.MemberId, ct);
            if (member is null)
            {
                logger.LogWarning("Discipline {Decision} is about member {Member}, whom membership does not know", d.DecisionId, d.MemberId);
                return;
            }
            var by = $"inspection: {d.DecidedBy}";
            if (d.Annulled)
            {
                if (record.Applied) member.DisciplineAnnulled(d, new Decision(Text.VietnamTime.DateOf(d.OccurredAt), by, clock.GetUtcNow()));
                return;
            }
            if (record.Applied) return;
            member.Discipline(d, new Decision(d.EffectiveOn, by, clock.GetUtcNow()));
            record.MarkApplied();
        }, clock);
}
