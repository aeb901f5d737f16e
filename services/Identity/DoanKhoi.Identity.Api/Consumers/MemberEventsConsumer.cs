using DoanKhoi.Contracts.Membership;
using DoanKhoi.Identity.Domain;
using DoanKhoi.Identity.Infrastructure;
using DoanKhoi.Messaging.Inbox;
using DoanKhoi.Security;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Identity.Consumers;

/// <summary>Hears which members exist, which unit each belongs to now and whether they are still on the
/// rolls: a member post is only ever given to a current member, and a member's secretary is the secretary
/// of the unit they belong to now. Every event carries the member's whole state and a version: the newest
/// is kept, in whatever order they come, and a redelivery changes nothing (the inbox).
/// When a member matures out or leaves, their member post is taken from any account that holds it and an
/// unused one-time code is withdrawn: the account keeps its history (and any other post) but the member
/// post grants nothing from the next token on. Those removals are on the audit trail, by this consumer.
/// The events come in batches (<see cref="MemberEventsConsumerDefinition"/>): an import of 10,000 members
/// is 10,000 events, and a batch of them costs one transaction and a few statements.</summary>
public sealed class MemberEventsConsumer(AccountsDbContext db, TimeProvider clock) :
    IConsumer<Batch<MemberRegistered>>, IConsumer<Batch<MemberAdmitted>>, IConsumer<Batch<MemberProfileChanged>>,
    IConsumer<Batch<MemberTransferIssued>>, IConsumer<Batch<MemberTransferred>>, IConsumer<Batch<MemberTransferCancelled>>,
    IConsumer<Batch<MemberMatured>>, IConsumer<Batch<MemberLeft>>, IConsumer<Batch<MemberRecommendedToParty>>,
    IConsumer<Batch<MemberPartyAdmissionDecided>>
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
        db.HandleOnceAsync(context, nameof(MemberEventsConsumer), async (messages, ct) =>
        {
            var snapshots = messages.Select(snapshotOf).ToList();
            var ids = snapshots.Select(s => s.MemberId).Distinct().Order().ToArray();
            // Batches of different events about the same member (an import's MemberRegistered, the transfer that
            // follows) take turns on that member: the second reads what the first wrote instead of adding it
            // again. The locks are taken in the members' order, so two batches never wait on each other.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended(id::text, 0)) FROM unnest({ids}) AS id", ct);
            var known = await db.KnownMembers.Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
            var changed = new HashSet<Guid>();
            foreach (var snapshot in snapshots)
            {
                if (!known.TryGetValue(snapshot.MemberId, out var member))
                    db.KnownMembers.Add(known[snapshot.MemberId] = KnownMember.From(snapshot));
                else if (!member.Apply(snapshot)) continue;
                changed.Add(snapshot.MemberId);
            }

            var gone = changed.Where(id => !known[id].IsCurrent).ToList();
            if (gone.Count == 0) return;
            db.PostAssignments.RemoveRange(await db.PostAssignments
                .Where(p => p.Role == Role.Member && p.Node == NodeKind.Member && p.NodeId != null && gone.Contains(p.NodeId.Value)).ToListAsync(ct));
            db.MemberCodes.RemoveRange(await db.MemberCodes.Where(c => gone.Contains(c.MemberId) && c.UsedAt == null).ToListAsync(ct));
        }, clock);
}

/// <summary>Up to 100 member events in a batch, handed over at most 50 ms after the first of them came;
/// two batches at a time. One event alone (a transfer accepted) waits those 50 ms.</summary>
public sealed class MemberEventsConsumerDefinition : ConsumerDefinition<MemberEventsConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<MemberEventsConsumer> consumerConfigurator, IRegistrationContext context) =>
        consumerConfigurator.Options<BatchOptions>(batch => batch.SetMessageLimit(100).SetTimeLimit(ms: 50).SetConcurrencyLimit(2));
}
