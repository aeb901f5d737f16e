using DoanKhoi.Contracts.Membership;
using DoanKhoi.Messaging.Inbox;
using DoanKhoi.Reporting.Domain.Board;
using DoanKhoi.Reporting.Domain.Facts;
using DoanKhoi.Reporting.Domain.Programme;
using DoanKhoi.Reporting.Infrastructure;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Reporting.Consumers;

/// <summary>Keeps what the targets count from membership, in batches, each message once: every state of a
/// member with the day it took effect (a unit's members on any day), admissions and Party recommendations
/// (K11), grades (K12) and youth counts (K01). The board's tallies of the units they touch are counted again
/// in the same transaction.</summary>
public sealed class MembershipFactsConsumer(ReportingDbContext db, BoardCounter board, TimeProvider clock) :
    IConsumer<Batch<MemberRegistered>>, IConsumer<Batch<MemberAdmitted>>, IConsumer<Batch<MemberProfileChanged>>,
    IConsumer<Batch<MemberTransferIssued>>, IConsumer<Batch<MemberTransferred>>, IConsumer<Batch<MemberTransferCancelled>>,
    IConsumer<Batch<MemberMatured>>, IConsumer<Batch<MemberLeft>>, IConsumer<Batch<MemberRecommendedToParty>>,
    IConsumer<Batch<MemberPartyAdmissionDecided>>,
    IConsumer<Batch<MemberEvaluated>>, IConsumer<Batch<UnitEvaluated>>, IConsumer<Batch<YouthCountRecorded>>
{
    public const string InboxName = nameof(MembershipFactsConsumer);

    public Task Consume(ConsumeContext<Batch<MemberRegistered>> context) => States(context, m => (m.Member, m.EffectiveOn, null));
    public Task Consume(ConsumeContext<Batch<MemberAdmitted>> context) =>
        States(context, m => (m.Member, m.EffectiveOn, (Milestone.Admitted, m.AdmittingUnitId)));
    public Task Consume(ConsumeContext<Batch<MemberProfileChanged>> context) => States(context, m => (m.Member, m.EffectiveOn, null));
    public Task Consume(ConsumeContext<Batch<MemberTransferIssued>> context) => States(context, m => (m.Member, m.EffectiveOn, null));
    public Task Consume(ConsumeContext<Batch<MemberTransferred>> context) => States(context, m => (m.Member, m.EffectiveOn, null));
    public Task Consume(ConsumeContext<Batch<MemberTransferCancelled>> context) => States(context, m => (m.Member, m.EffectiveOn, null));
    public Task Consume(ConsumeContext<Batch<MemberMatured>> context) => States(context, m => (m.Member, m.EffectiveOn, null));
    public Task Consume(ConsumeContext<Batch<MemberLeft>> context) => States(context, m => (m.Member, m.EffectiveOn, null));
    public Task Consume(ConsumeContext<Batch<MemberRecommendedToParty>> context) =>
        States(context, m => (m.Member, m.EffectiveOn, (Milestone.RecommendedToParty, m.Member.UnitId)));
    public Task Consume(ConsumeContext<Batch<MemberPartyAdmissionDecided>> context) => States(context, m => (m.Member, m.EffectiveOn, null));

    private Task States<T>(ConsumeContext<Batch<T>> context, Func<T, (MemberSnapshot Member, DateOnly EffectiveOn, (Milestone Kind, Guid Unit)? Milestone)> read)
        where T : class =>
        db.HandleOnceAsync(context, InboxName, async (messages, ct) =>
        {
            var items = messages.Select(read).ToList();
            var ids = await db.LockRecordsAsync(items.Select(i => i.Member.MemberId), ct);
            var known = (await db.MemberStates.Where(s => ids.Contains(s.MemberId)).Select(s => new { s.MemberId, s.Version, s.UnitId }).ToListAsync(ct));
            var keys = known.Select(s => (s.MemberId, s.Version)).ToHashSet();
            // A member's earlier units count again too: their stretch there ends with this state.
            var touched = known.Select(s => s.UnitId).ToHashSet();
            foreach (var (member, effectiveOn, milestone) in items)
            {
                if (keys.Add((member.MemberId, member.Version)))
                {
                    db.MemberStates.Add(MemberStateRecord.From(member, effectiveOn));
                    touched.Add(member.UnitId);
                }
                if (milestone is not { } m) continue;
                var stored = await db.Milestones.FindAsync([member.MemberId, m.Kind], ct);
                if (stored is null) db.Milestones.Add(MilestoneRecord.Of(member.MemberId, m.Kind, m.Unit, effectiveOn));
                else
                {
                    touched.Add(stored.UnitId);
                    stored.Correct(m.Unit, effectiveOn);
                }
                touched.Add(m.Unit);
            }
            await RecountAsync(touched.Select(u => (BoardNode.Unit(u), (int?)null)), [FactSource.Members, FactSource.Admissions, FactSource.PartyRecommendations], ct);
        }, clock);

    public Task Consume(ConsumeContext<Batch<MemberEvaluated>> context) =>
        db.HandleOnceAsync(context, InboxName, async (messages, ct) =>
        {
            var ids = await db.LockRecordsAsync(messages.Select(m => m.MemberId), ct);
            var touched = new HashSet<(BoardNode, int?)>();
            foreach (var e in messages)
            {
                var grade = await db.MemberGrades.FindAsync([e.MemberId, e.Year], ct);
                if (grade is null) db.MemberGrades.Add(MemberGradeRecord.From(e));
                else
                {
                    var unit = grade.UnitId;
                    if (!grade.Apply(e)) continue;
                    touched.Add((BoardNode.Unit(unit), e.Year));
                }
                touched.Add((BoardNode.Unit(e.UnitId), e.Year));
            }
            await RecountAsync(touched, [FactSource.MemberGrades], ct);
        }, clock);

    public Task Consume(ConsumeContext<Batch<UnitEvaluated>> context) =>
        db.HandleOnceAsync(context, InboxName, async (messages, ct) =>
        {
            var touched = new HashSet<(BoardNode, int?)>();
            foreach (var e in messages)
            {
                var grade = await db.UnitGrades.FindAsync([e.UnitId, e.Year], ct);
                if (grade is null) db.UnitGrades.Add(UnitGradeRecord.From(e));
                else if (!grade.Apply(e)) continue;
                touched.Add((BoardNode.Unit(e.UnitId), e.Year));
            }
            await RecountAsync(touched, [FactSource.UnitGrades], ct);
        }, clock);

    public Task Consume(ConsumeContext<Batch<YouthCountRecorded>> context) =>
        db.HandleOnceAsync(context, InboxName, async (messages, ct) =>
        {
            var touched = new HashSet<(BoardNode, int?)>();
            foreach (var e in messages)
            {
                var count = await db.YouthCounts.FindAsync([e.UnitId, e.CountedOn], ct);
                if (count is null) db.YouthCounts.Add(YouthCountRecord.From(e));
                else if (!count.Apply(e)) continue;
                touched.Add((BoardNode.Unit(e.UnitId), null));
            }
            await RecountAsync(touched, [FactSource.Youths], ct);
        }, clock);

    /// <summary>Counts the units again, only the measures counted from <paramref name="sources"/>: what the events changed.</summary>
    private async Task RecountAsync(IEnumerable<(BoardNode, int?)> touched, HashSet<string> sources, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        await board.RecountAsync(touched.ToHashSet(), sources, ct);
    }
}

/// <summary>Up to 100 events in a batch, handed over at most 50 ms after the first came; two batches at a time.</summary>
public sealed class MembershipFactsConsumerDefinition : ConsumerDefinition<MembershipFactsConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<MembershipFactsConsumer> consumerConfigurator, IRegistrationContext context) =>
        consumerConfigurator.Options<BatchOptions>(batch => batch.SetMessageLimit(100).SetTimeLimit(ms: 50).SetConcurrencyLimit(2));
}

/// <summary>Keeps which cluster each unit was in from which day, from membership's organisation events
/// (a unit's creation, a move), and counts the unit again: its steps from the day it moved go to its new
/// cluster, the ones before stay with the old. A closing ends the unit's count among the open units.</summary>
public sealed class UnitHistoryConsumer(ReportingDbContext db, BoardCounter board, TimeProvider clock) :
    IConsumer<UnitCreated>, IConsumer<UnitMoved>, IConsumer<UnitClosed>
{
    // A unit belongs to the cluster it was created in until it moves (membership does not date its founding).
    public Task Consume(ConsumeContext<UnitCreated> context) => Keep(context, context.Message.Unit, DateOnly.MinValue);
    public Task Consume(ConsumeContext<UnitMoved> context) => Keep(context, context.Message.Unit, Text.VietnamTime.DateOf(context.Message.OccurredAt));
    public Task Consume(ConsumeContext<UnitClosed> context) => Keep(context, context.Message.Unit, Text.VietnamTime.DateOf(context.Message.OccurredAt));

    private Task Keep<T>(ConsumeContext<T> context, UnitSnapshot unit, DateOnly from) where T : class =>
        db.HandleOnceAsync(context, nameof(UnitHistoryConsumer), async ct =>
        {
            await db.LockRecordsAsync([unit.UnitId], ct);
            if (!await db.UnitClusters.AnyAsync(r => r.UnitId == unit.UnitId && r.Version == unit.Version, ct))
                db.UnitClusters.Add(UnitClusterRecord.Of(unit, from));
            await db.SaveChangesAsync(ct);
            await board.RecountAsync([(BoardNode.Unit(unit.UnitId), null)], ct);
        }, clock);
}
