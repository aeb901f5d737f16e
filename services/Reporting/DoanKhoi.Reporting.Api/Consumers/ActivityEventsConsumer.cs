using DoanKhoi.Contracts.Activities;
using DoanKhoi.Messaging.Inbox;
using DoanKhoi.Reporting.Domain.Facts;
using DoanKhoi.Reporting.Infrastructure;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Reporting.Consumers;

/// <summary>Keeps reporting's records of the activities, participations and ideas from the activities
/// service's events, in batches (an attendance sheet of 500 is 500 events): each event carries the whole
/// state and a version, the newest is kept, and the inbox makes a redelivery change nothing.</summary>
public sealed class ActivityEventsConsumer(ReportingDbContext db, TimeProvider clock) :
    IConsumer<Batch<ActivityPlanned>>, IConsumer<Batch<ActivityChanged>>, IConsumer<Batch<ActivityHeld>>, IConsumer<Batch<ActivityCancelled>>,
    IConsumer<Batch<ParticipationChanged>>, IConsumer<Batch<ParticipationWithdrawn>>, IConsumer<Batch<IdeaChanged>>
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
            var snapshots = messages.Select(m => m.Idea).ToList();
            var ids = await db.LockRecordsAsync(snapshots.Select(s => s.IdeaId), ct);
            var known = await db.Ideas.Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
            foreach (var s in snapshots)
                if (known.TryGetValue(s.IdeaId, out var idea)) idea.Apply(s);
                else db.Ideas.Add(known[s.IdeaId] = IdeaRecord.From(s));
        }, clock);

    private Task Activities<T>(ConsumeContext<Batch<T>> context, Func<T, ActivitySnapshot> snapshotOf) where T : class =>
        db.HandleOnceAsync(context, nameof(ActivityEventsConsumer), async (messages, ct) =>
        {
            var snapshots = messages.Select(snapshotOf).ToList();
            var ids = await db.LockRecordsAsync(snapshots.Select(s => s.ActivityId), ct);
            var known = await db.Activities.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
            foreach (var s in snapshots)
                if (known.TryGetValue(s.ActivityId, out var activity)) activity.Apply(s);
                else db.Activities.Add(known[s.ActivityId] = ActivityRecord.From(s));
        }, clock);

    private Task Participations<T>(ConsumeContext<Batch<T>> context, Func<T, ParticipationSnapshot> snapshotOf, bool withdrawn) where T : class =>
        db.HandleOnceAsync(context, nameof(ActivityEventsConsumer), async (messages, ct) =>
        {
            var snapshots = messages.Select(snapshotOf).ToList();
            var ids = await db.LockRecordsAsync(snapshots.Select(s => s.ParticipationId), ct);
            var known = await db.Participations.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
            foreach (var s in snapshots)
                if (known.TryGetValue(s.ParticipationId, out var participation)) participation.Apply(s, withdrawn);
                else db.Participations.Add(known[s.ParticipationId] = ParticipationRecord.From(s, withdrawn));
        }, clock);
}

/// <summary>Up to 100 events in a batch, handed over at most 50 ms after the first came; two batches at a time.</summary>
public sealed class ActivityEventsConsumerDefinition : ConsumerDefinition<ActivityEventsConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ActivityEventsConsumer> consumerConfigurator, IRegistrationContext context) =>
        consumerConfigurator.Options<BatchOptions>(batch => batch.SetMessageLimit(100).SetTimeLimit(ms: 50).SetConcurrencyLimit(2));
}
