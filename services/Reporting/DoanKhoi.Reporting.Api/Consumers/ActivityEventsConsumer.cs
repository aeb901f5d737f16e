using DoanKhoi.Contracts.Activities;
using DoanKhoi.Messaging.Inbox;
using DoanKhoi.Reporting.Domain.Board;
using DoanKhoi.Reporting.Domain.Facts;
using DoanKhoi.Reporting.Domain.Programme;
using DoanKhoi.Text;
using DoanKhoi.Reporting.Infrastructure;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Reporting.Consumers;

/// <summary>Keeps reporting's records of the activities, participations and ideas from the activities
/// service's events, in batches (an attendance sheet of 500 is 500 events): each event carries the whole
/// state and a version, the newest is kept, and the inbox makes a redelivery change nothing.
/// The board's tallies of the nodes they touch are counted again in the same transaction (BoardCounter).</summary>
public sealed class ActivityEventsConsumer(ReportingDbContext db, BoardCounter board, TimeProvider clock) :
    IConsumer<Batch<ActivityPlanned>>, IConsumer<Batch<ActivityChanged>>, IConsumer<Batch<ActivityHeld>>, IConsumer<Batch<ActivityCancelled>>,
    IConsumer<Batch<ParticipationChanged>>, IConsumer<Batch<ParticipationWithdrawn>>, IConsumer<Batch<IdeaChanged>>, IConsumer<Batch<IdeaQuotaSet>>
{
    public Task Consume(ConsumeContext<Batch<ActivityPlanned>> context) => Activities(context, e => e.Activity);
    public Task Consume(ConsumeContext<Batch<ActivityChanged>> context) => Activities(context, e => e.Activity);
    public Task Consume(ConsumeContext<Batch<ActivityHeld>> context) => Activities(context, e => e.Activity);
    public Task Consume(ConsumeContext<Batch<ActivityCancelled>> context) => Activities(context, e => e.Activity);
    public Task Consume(ConsumeContext<Batch<ParticipationChanged>> context) => Participations(context, e => e.Participation, withdrawn: false);
    public Task Consume(ConsumeContext<Batch<ParticipationWithdrawn>> context) => Participations(context, e => e.Participation, withdrawn: true);

    public Task Consume(ConsumeContext<Batch<IdeaChanged>> context) =>
        db.HandleOnceAsync(context, nameof(ActivityEventsConsumer), async (messages, ct) =>
        {
            var ids = await db.LockRecordsAsync(messages.Select(m => m.Idea.IdeaId), ct);
            var known = await db.Ideas.Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
            var touched = new HashSet<(BoardNode, int)>();
            foreach (var m in messages)
            {
                var on = VietnamTime.DateOf(m.OccurredAt);
                if (known.TryGetValue(m.Idea.IdeaId, out var idea))
                {
                    var (unit, year) = (idea.UnitId, idea.Year);
                    if (!idea.Apply(m.Idea, on)) continue;
                    touched.Add((BoardNode.Unit(unit), year));
                }
                else db.Ideas.Add(known[m.Idea.IdeaId] = IdeaRecord.From(m.Idea, on));
                touched.Add((BoardNode.Unit(m.Idea.UnitId), m.Idea.Year));
            }
            await RecountAsync(touched, IdeaFacts, ct);
        }, clock);

    public Task Consume(ConsumeContext<Batch<IdeaQuotaSet>> context) =>
        db.HandleOnceAsync(context, nameof(ActivityEventsConsumer), async (messages, ct) =>
        {
            var touched = new HashSet<(BoardNode, int)>();
            foreach (var m in messages)
            {
                var quota = await db.IdeaQuotas.FindAsync([m.Year, m.UnitId], ct);
                if (quota is null) db.IdeaQuotas.Add(IdeaQuotaRecord.Of(m.Year, m.UnitId, m.Count, m.Version));
                else if (!quota.Apply(m.Count, m.Version)) continue;
                touched.Add((BoardNode.Unit(m.UnitId), m.Year));
            }
            await RecountAsync(touched, IdeaFacts, ct);
        }, clock);

    private Task Activities<T>(ConsumeContext<Batch<T>> context, Func<T, ActivitySnapshot> snapshotOf) where T : class =>
        db.HandleOnceAsync(context, nameof(ActivityEventsConsumer), async (messages, ct) =>
        {
            var snapshots = messages.Select(snapshotOf).ToList();
            var ids = await db.LockRecordsAsync(snapshots.Select(s => s.ActivityId), ct);
            var known = await db.Activities.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
            var touched = new HashSet<(BoardNode, int)>();
            var attended = new HashSet<(Guid Activity, int Year)>();
            foreach (var s in snapshots)
            {
                if (known.TryGetValue(s.ActivityId, out var activity))
                {
                    var before = (Node: BoardNode.Organiser(activity.OrganiserLevel, activity.OrganiserId), activity.Year, activity.Status, activity.Kind, activity.Subtype, activity.EndsOn);
                    if (!activity.Apply(s)) continue;
                    touched.Add((before.Node, before.Year));
                    // Who attended counts by the activity's kind, day and status: their units count again when one of those changed.
                    if (before != (before.Node, activity.Year, activity.Status, activity.Kind, activity.Subtype, activity.EndsOn))
                        attended.Add((activity.Id, before.Year));
                }
                else db.Activities.Add(known[s.ActivityId] = ActivityRecord.From(s));
                touched.Add((BoardNode.Organiser(s.OrganiserLevel, s.OrganiserId), s.Year));
                attended.Add((s.ActivityId, s.Year));
            }
            await db.SaveChangesAsync(ct);
            var activityIds = attended.Select(a => a.Activity).Distinct().ToArray();
            var units = await db.Participations.Where(p => activityIds.Contains(p.ActivityId))
                .Select(p => new { p.ActivityId, p.UnitId }).Distinct().ToListAsync(ct);
            foreach (var u in units)
                foreach (var year in attended.Where(a => a.Activity == u.ActivityId).Select(a => a.Year))
                    touched.Add((BoardNode.Unit(u.UnitId), year));
            await RecountAsync(touched, ActivityFacts, ct);
        }, clock);

    private Task Participations<T>(ConsumeContext<Batch<T>> context, Func<T, ParticipationSnapshot> snapshotOf, bool withdrawn) where T : class =>
        db.HandleOnceAsync(context, nameof(ActivityEventsConsumer), async (messages, ct) =>
        {
            var snapshots = messages.Select(snapshotOf).ToList();
            var ids = await db.LockRecordsAsync(snapshots.Select(s => s.ParticipationId), ct);
            var known = await db.Participations.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
            var changed = new HashSet<(Guid Unit, Guid Activity)>();
            foreach (var s in snapshots)
            {
                if (known.TryGetValue(s.ParticipationId, out var participation))
                {
                    var unit = participation.UnitId;
                    if (!participation.Apply(s, withdrawn)) continue;
                    changed.Add((unit, s.ActivityId));
                }
                else db.Participations.Add(known[s.ParticipationId] = ParticipationRecord.From(s, withdrawn));
                changed.Add((s.UnitId, s.ActivityId));
            }
            var activityIds = changed.Select(c => c.Activity).Distinct().ToArray();
            var years = await db.Activities.Where(a => activityIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Year, ct);
            // A participation heard before its activity counts when the activity arrives (it counts its units again).
            await RecountAsync(changed.Where(c => years.ContainsKey(c.Activity)).Select(c => (BoardNode.Unit(c.Unit), years[c.Activity])).ToHashSet(),
                AttendanceFacts, ct);
        }, clock);

    // What each kind of event can change on the board: only the measures counted from those facts are counted again.
    private static readonly HashSet<string> ActivityFacts = [FactSource.Activities, FactSource.Quantity, FactSource.Attendances];
    private static readonly HashSet<string> AttendanceFacts = [FactSource.Attendances];
    private static readonly HashSet<string> IdeaFacts = [FactSource.Ideas];

    private async Task RecountAsync(HashSet<(BoardNode Node, int Year)> touched, IReadOnlySet<string> sources, CancellationToken ct)
    {
        if (touched.Count == 0) return;
        await db.SaveChangesAsync(ct);
        await board.RecountAsync(touched.Select(t => (t.Node, (int?)t.Year)).ToList(), sources, ct);
    }
}

/// <summary>Up to 100 events in a batch, handed over at most 50 ms after the first came; two batches at a time.</summary>
public sealed class ActivityEventsConsumerDefinition : ConsumerDefinition<ActivityEventsConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ActivityEventsConsumer> consumerConfigurator, IRegistrationContext context) =>
        consumerConfigurator.Options<BatchOptions>(batch => batch.SetMessageLimit(100).SetTimeLimit(ms: 50).SetConcurrencyLimit(2));
}
