using DoanKhoi.Contracts.Membership;
using DoanKhoi.Messaging.Inbox;
using DoanKhoi.Text;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Organisation;

/// <summary>A member (đoàn viên) as a service has heard of them from membership's events: who they are,
/// the unit and branch they belong to now, whether they are on the rolls. No personal data: the events
/// carry none. Keeps the highest version seen, so order and repetition do not matter.</summary>
public sealed class MemberCopy
{
    /// <summary>Membership's longest full name.</summary>
    public const int FullNameMaxLength = 100;

    private MemberCopy() { }

    public Guid Id { get; private set; }
    public string FullName { get; private set; } = "";
    public string FullNameFolded { get; private set; } = "";
    public Guid UnitId { get; private set; }
    public Guid? BranchId { get; private set; }
    public MemberStatus Status { get; private set; }
    public int Version { get; private set; }

    /// <summary>On the rolls: active, or in transfer (still the sending unit's until the other accepts).</summary>
    public bool IsCurrent => Status is MemberStatus.Active or MemberStatus.InTransfer;

    public static MemberCopy From(MemberSnapshot s)
    {
        var member = new MemberCopy { Id = s.MemberId };
        member.Apply(s);
        return member;
    }

    /// <summary>Takes the snapshot if it is newer; returns whether it was.</summary>
    public bool Apply(MemberSnapshot s)
    {
        if (s.Version <= Version) return false;
        (FullName, FullNameFolded, UnitId, BranchId, Status, Version) = (s.FullName, VietnameseText.Fold(s.FullName), s.UnitId, s.BranchId, s.Status, s.Version);
        return true;
    }
}

/// <summary>A service database that keeps a copy of the members: <c>Set&lt;MemberCopy&gt;()</c>,
/// <see cref="MemberCopyRegistration.AddMemberCopy(ModelBuilder)"/> in <c>OnModelCreating</c>, and
/// <see cref="MemberCopyRegistration.AddMemberCopy{TContext}"/> on the bus.</summary>
public interface IMemberCopy
{
    DbSet<MemberCopy> Members { get; }
}

/// <summary>What a service does, in the same transaction, when members of its copy change (identity takes
/// the member post from a member who left the rolls). Registered in the service's container.</summary>
public interface IMembersChanged<TContext> where TContext : DbContext, IMemberCopy
{
    /// <summary>The members whose copy changed (new, or a newer version), before the batch is saved.</summary>
    Task ChangedAsync(IReadOnlyCollection<MemberCopy> members, CancellationToken ct);
}

/// <summary>Keeps a service's copy of the members from membership's events, in batches (an import of
/// 10,000 members is 10,000 events): a batch costs one transaction; a redelivery changes nothing (the inbox).</summary>
public sealed class MemberCopyConsumer<TContext>(TContext db, TimeProvider clock, IEnumerable<IMembersChanged<TContext>> observers) :
    IConsumer<Batch<MemberRegistered>>, IConsumer<Batch<MemberAdmitted>>, IConsumer<Batch<MemberProfileChanged>>,
    IConsumer<Batch<MemberTransferIssued>>, IConsumer<Batch<MemberTransferred>>, IConsumer<Batch<MemberTransferCancelled>>,
    IConsumer<Batch<MemberMatured>>, IConsumer<Batch<MemberLeft>>, IConsumer<Batch<MemberRecommendedToParty>>,
    IConsumer<Batch<MemberPartyAdmissionDecided>>
    where TContext : DbContext, IMemberCopy
{
    public Task Consume(ConsumeContext<Batch<MemberRegistered>> context) => Keep(context, m => m.Member);
    public Task Consume(ConsumeContext<Batch<MemberAdmitted>> context) => Keep(context, m => m.Member);
    public Task Consume(ConsumeContext<Batch<MemberProfileChanged>> context) => Keep(context, m => m.Member);
    public Task Consume(ConsumeContext<Batch<MemberTransferIssued>> context) => Keep(context, m => m.Member);
    public Task Consume(ConsumeContext<Batch<MemberTransferred>> context) => Keep(context, m => m.Member);
    public Task Consume(ConsumeContext<Batch<MemberTransferCancelled>> context) => Keep(context, m => m.Member);
    public Task Consume(ConsumeContext<Batch<MemberMatured>> context) => Keep(context, m => m.Member);
    public Task Consume(ConsumeContext<Batch<MemberLeft>> context) => Keep(context, m => m.Member);
    public Task Consume(ConsumeContext<Batch<MemberRecommendedToParty>> context) => Keep(context, m => m.Member);
    public Task Consume(ConsumeContext<Batch<MemberPartyAdmissionDecided>> context) => Keep(context, m => m.Member);

    private Task Keep<T>(ConsumeContext<Batch<T>> context, Func<T, MemberSnapshot> snapshotOf) where T : class =>
        db.HandleOnceAsync(context, "MemberCopyConsumer", async (messages, ct) =>
        {
            var snapshots = messages.Select(snapshotOf).ToList();
            var ids = await db.LockRecordsAsync(snapshots.Select(s => s.MemberId), ct);
            var known = await db.Members.Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
            var changed = new HashSet<Guid>();
            foreach (var snapshot in snapshots)
            {
                if (!known.TryGetValue(snapshot.MemberId, out var member)) db.Members.Add(known[snapshot.MemberId] = MemberCopy.From(snapshot));
                else if (!member.Apply(snapshot)) continue;
                changed.Add(snapshot.MemberId);
            }
            if (changed.Count == 0) return;
            foreach (var observer in observers) await observer.ChangedAsync(changed.Select(id => known[id]).ToList(), ct);
        }, clock);
}

/// <summary>Up to 100 member events in a batch, handed over at most 50 ms after the first came; two batches at a time.</summary>
public sealed class MemberCopyConsumerDefinition<TContext> : ConsumerDefinition<MemberCopyConsumer<TContext>>
    where TContext : DbContext, IMemberCopy
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<MemberCopyConsumer<TContext>> consumerConfigurator, IRegistrationContext context) =>
        consumerConfigurator.Options<BatchOptions>(batch => batch.SetMessageLimit(100).SetTimeLimit(ms: 50).SetConcurrencyLimit(2));
}

public static class MemberCopyRegistration
{
    /// <summary>The copy's table, "members", with the unit and the folded name indexed for lists and search
    /// (bench/activities.sh measures the participant lists over 10,000,000 participations with them).</summary>
    public static ModelBuilder AddMemberCopy(this ModelBuilder model)
    {
        model.Entity<MemberCopy>(e =>
        {
            e.ToTable("members");
            e.Ignore(m => m.IsCurrent);
            e.Property(m => m.Id).ValueGeneratedNever();
            e.Property(m => m.FullName).HasMaxLength(MemberCopy.FullNameMaxLength);
            e.Property(m => m.FullNameFolded).HasMaxLength(MemberCopy.FullNameMaxLength);
            e.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(m => m.UnitId);
            // A participant list joins its rows to their names and pages by name: the id with the names
            // (an index-only join), and the names in order (the first page of a large list without a sort).
            e.HasIndex(m => m.Id).IncludeProperties(m => new { m.FullNameFolded, m.FullName });
            e.HasIndex(m => new { m.FullNameFolded, m.Id });
        });
        return model;
    }

    /// <summary>Registers the consumer that keeps <typeparamref name="TContext"/>'s copy of the members, on
    /// the queue "<paramref name="service"/>-member-events".</summary>
    public static IBusRegistrationConfigurator AddMemberCopy<TContext>(this IBusRegistrationConfigurator bus, string service)
        where TContext : DbContext, IMemberCopy
    {
        bus.AddConsumer<MemberCopyConsumer<TContext>, MemberCopyConsumerDefinition<TContext>>().Endpoint(e => e.Name = $"{service}-member-events");
        return bus;
    }
}
