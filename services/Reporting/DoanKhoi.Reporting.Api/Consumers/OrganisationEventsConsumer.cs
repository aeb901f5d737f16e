using DoanKhoi.Contracts.Membership;
using DoanKhoi.Messaging.Inbox;
using DoanKhoi.Reporting.Domain;
using DoanKhoi.Reporting.Infrastructure;
using MassTransit;

namespace DoanKhoi.Reporting.Consumers;

/// <summary>Keeps reporting's copy of the organisation tree from membership's events, on one queue.
/// Each event carries the node's whole state and version, so order and repetition do not matter.</summary>
public sealed class OrganisationEventsConsumer(ReportingDbContext db, TimeProvider clock) :
    IConsumer<ClusterCreated>, IConsumer<ClusterRenamed>,
    IConsumer<UnitCreated>, IConsumer<UnitRenamed>, IConsumer<UnitMoved>, IConsumer<UnitClosed>,
    IConsumer<BranchCreated>
{
    public Task Consume(ConsumeContext<ClusterCreated> context) => Apply(context, context.Message.Cluster);
    public Task Consume(ConsumeContext<ClusterRenamed> context) => Apply(context, context.Message.Cluster);
    public Task Consume(ConsumeContext<UnitCreated> context) => Apply(context, context.Message.Unit);
    public Task Consume(ConsumeContext<UnitRenamed> context) => Apply(context, context.Message.Unit);
    public Task Consume(ConsumeContext<UnitMoved> context) => Apply(context, context.Message.Unit);
    public Task Consume(ConsumeContext<UnitClosed> context) => Apply(context, context.Message.Unit);
    public Task Consume(ConsumeContext<BranchCreated> context) => Apply(context, context.Message.Branch);

    private Task Apply<T>(ConsumeContext<T> context, ClusterSnapshot snapshot) where T : class =>
        db.HandleOnceAsync(context, nameof(OrganisationEventsConsumer), async ct =>
        {
            var cluster = await db.Clusters.FindAsync([snapshot.ClusterId], ct);
            if (cluster is null) db.Clusters.Add(ClusterCopy.From(snapshot));
            else cluster.Apply(snapshot);
        }, clock);

    private Task Apply<T>(ConsumeContext<T> context, UnitSnapshot snapshot) where T : class =>
        db.HandleOnceAsync(context, nameof(OrganisationEventsConsumer), async ct =>
        {
            var unit = await db.Units.FindAsync([snapshot.UnitId], ct);
            if (unit is null) db.Units.Add(UnitCopy.From(snapshot));
            else unit.Apply(snapshot);
        }, clock);

    private Task Apply<T>(ConsumeContext<T> context, BranchSnapshot snapshot) where T : class =>
        db.HandleOnceAsync(context, nameof(OrganisationEventsConsumer), async ct =>
        {
            var branch = await db.Branches.FindAsync([snapshot.BranchId], ct);
            if (branch is null) db.Branches.Add(BranchCopy.From(snapshot));
            else branch.Apply(snapshot);
        }, clock);
}
