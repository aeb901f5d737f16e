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
/// post grants nothing from the next token on. Those removals are on the audit trail, by this consumer.</summary>
public sealed class MemberEventsConsumer(AccountsDbContext db, TimeProvider clock) :
    IConsumer<MemberRegistered>, IConsumer<MemberAdmitted>, IConsumer<MemberProfileChanged>,
    IConsumer<MemberTransferIssued>, IConsumer<MemberTransferred>, IConsumer<MemberTransferCancelled>,
    IConsumer<MemberMatured>, IConsumer<MemberLeft>, IConsumer<MemberRecommendedToParty>, IConsumer<MemberPartyAdmissionDecided>
{
    public Task Consume(ConsumeContext<MemberRegistered> context) => Keep(context, context.Message.Member);
    public Task Consume(ConsumeContext<MemberAdmitted> context) => Keep(context, context.Message.Member);
    public Task Consume(ConsumeContext<MemberProfileChanged> context) => Keep(context, context.Message.Member);
    public Task Consume(ConsumeContext<MemberTransferIssued> context) => Keep(context, context.Message.Member);
    public Task Consume(ConsumeContext<MemberTransferred> context) => Keep(context, context.Message.Member);
    public Task Consume(ConsumeContext<MemberTransferCancelled> context) => Keep(context, context.Message.Member);
    public Task Consume(ConsumeContext<MemberMatured> context) => Keep(context, context.Message.Member);
    public Task Consume(ConsumeContext<MemberLeft> context) => Keep(context, context.Message.Member);
    public Task Consume(ConsumeContext<MemberRecommendedToParty> context) => Keep(context, context.Message.Member);
    public Task Consume(ConsumeContext<MemberPartyAdmissionDecided> context) => Keep(context, context.Message.Member);

    private Task Keep<T>(ConsumeContext<T> context, MemberSnapshot snapshot) where T : class =>
        db.HandleOnceAsync(context, nameof(MemberEventsConsumer), async ct =>
        {
            var member = await db.KnownMembers.FindAsync([snapshot.MemberId], ct);
            if (member is null) db.KnownMembers.Add(member = KnownMember.From(snapshot));
            else if (!member.Apply(snapshot)) return;
            if (member.IsCurrent) return;

            var posts = await db.PostAssignments
                .Where(p => p.Role == Role.Member && p.Node == NodeKind.Member && p.NodeId == member.Id).ToListAsync(ct);
            db.PostAssignments.RemoveRange(posts);
            db.MemberCodes.RemoveRange(await db.MemberCodes.Where(c => c.MemberId == member.Id && c.UsedAt == null).ToListAsync(ct));
        }, clock);
}
