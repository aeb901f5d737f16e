using DoanKhoi.Contracts.Membership;
using DoanKhoi.Identity.Domain;
using DoanKhoi.Identity.Infrastructure;
using DoanKhoi.Messaging.Inbox;
using DoanKhoi.Security;
using MassTransit;

namespace DoanKhoi.Identity.Consumers;

/// <summary>Hears which clusters, units and branches exist, so that a post is only ever given on one that does.</summary>
public sealed class OrganisationEventsConsumer(AccountsDbContext db, TimeProvider clock) :
    IConsumer<ClusterCreated>, IConsumer<ClusterRenamed>,
    IConsumer<UnitCreated>, IConsumer<UnitRenamed>, IConsumer<UnitMoved>, IConsumer<UnitClosed>,
    IConsumer<BranchCreated>
{
    public Task Consume(ConsumeContext<ClusterCreated> context) => Cluster(context, context.Message.Cluster);
    public Task Consume(ConsumeContext<ClusterRenamed> context) => Cluster(context, context.Message.Cluster);
    public Task Consume(ConsumeContext<UnitCreated> context) => Unit(context, context.Message.Unit);
    public Task Consume(ConsumeContext<UnitRenamed> context) => Unit(context, context.Message.Unit);
    public Task Consume(ConsumeContext<UnitMoved> context) => Unit(context, context.Message.Unit);
    public Task Consume(ConsumeContext<UnitClosed> context) => Unit(context, context.Message.Unit);
    public Task Consume(ConsumeContext<BranchCreated> context) =>
        Upsert(context, context.Message.Branch.BranchId, NodeKind.Branch, context.Message.Branch.Name, context.Message.Branch.Version);

    private Task Cluster<T>(ConsumeContext<T> context, ClusterSnapshot s) where T : class => Upsert(context, s.ClusterId, NodeKind.Cluster, s.Name, s.Version);

    private Task Unit<T>(ConsumeContext<T> context, UnitSnapshot s) where T : class => Upsert(context, s.UnitId, NodeKind.Unit, s.Name, s.Version);

    private Task Upsert<T>(ConsumeContext<T> context, Guid id, NodeKind kind, string name, int version) where T : class =>
        db.HandleOnceAsync(context, nameof(OrganisationEventsConsumer), async ct =>
        {
            if (await db.KnownNodes.FindAsync([id], ct) is { } node) node.Apply(name, version);
            else db.KnownNodes.Add(KnownNode.From(id, kind, name, version));
        }, clock);
}
