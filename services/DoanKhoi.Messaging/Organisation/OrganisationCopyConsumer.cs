using DoanKhoi.Contracts.Membership;
using DoanKhoi.Messaging.Inbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Organisation;

/// <summary>Keeps a service's copy of the organisation tree from membership's events, on one queue.
/// Each event carries the node's whole state and version, so order and repetition do not matter;
/// the inbox makes a redelivered message change nothing twice.</summary>
public sealed class OrganisationCopyConsumer<TContext>(TContext db, TimeProvider clock) :
    IConsumer<ClusterCreated>, IConsumer<ClusterRenamed>,
    IConsumer<UnitCreated>, IConsumer<UnitRenamed>, IConsumer<UnitMoved>, IConsumer<UnitClosed>,
    IConsumer<BranchCreated>
    where TContext : DbContext, IOrganisationCopy
{
    /// <summary>The name the inbox records handled messages under; unchanged from the services' own consumers.</summary>
    public const string InboxName = "OrganisationEventsConsumer";

    public Task Consume(ConsumeContext<ClusterCreated> context) => Apply(context, context.Message.Cluster);
    public Task Consume(ConsumeContext<ClusterRenamed> context) => Apply(context, context.Message.Cluster);
    public Task Consume(ConsumeContext<UnitCreated> context) => Apply(context, context.Message.Unit);
    public Task Consume(ConsumeContext<UnitRenamed> context) => Apply(context, context.Message.Unit);
    public Task Consume(ConsumeContext<UnitMoved> context) => Apply(context, context.Message.Unit);
    public Task Consume(ConsumeContext<UnitClosed> context) => Apply(context, context.Message.Unit);
    public Task Consume(ConsumeContext<BranchCreated> context) => Apply(context, context.Message.Branch);

    private Task Apply<T>(ConsumeContext<T> context, ClusterSnapshot s) where T : class =>
        Upsert(context, db.Clusters, s.ClusterId, () => ClusterCopy.From(s), copy => copy.Apply(s));

    private Task Apply<T>(ConsumeContext<T> context, UnitSnapshot s) where T : class =>
        Upsert(context, db.Units, s.UnitId, () => UnitCopy.From(s), copy => copy.Apply(s));

    private Task Apply<T>(ConsumeContext<T> context, BranchSnapshot s) where T : class =>
        Upsert(context, db.Branches, s.BranchId, () => BranchCopy.From(s), copy => copy.Apply(s));

    /// <summary>Adds the copy, or applies the snapshot to it (which keeps the newer version), once per message.</summary>
    private Task Upsert<T, TCopy>(ConsumeContext<T> context, DbSet<TCopy> copies, Guid id, Func<TCopy> create, Func<TCopy, bool> apply)
        where T : class where TCopy : class =>
        db.HandleOnceAsync(context, InboxName, async ct =>
        {
            if (await copies.FindAsync([id], ct) is { } copy) apply(copy);
            else copies.Add(create());
        }, clock);
}

public static class OrganisationCopyRegistration
{
    /// <summary>Registers the consumer that keeps <typeparamref name="TContext"/>'s copy of the tree, on
    /// the queue "<paramref name="service"/>-organisation-events".</summary>
    public static IBusRegistrationConfigurator AddOrganisationCopy<TContext>(this IBusRegistrationConfigurator bus, string service)
        where TContext : DbContext, IOrganisationCopy
    {
        bus.AddConsumer<OrganisationCopyConsumer<TContext>>().Endpoint(e => e.Name = $"{service}-organisation-events");
        return bus;
    }
}
