using DoanKhoi.Contracts.Gateway;
using DoanKhoi.Identity.Infrastructure;
using DoanKhoi.Messaging.Audit;
using DoanKhoi.Messaging.Inbox;
using MassTransit;

namespace DoanKhoi.Identity.Consumers;

/// <summary>Puts the requests the gateway refused on identity's audit trail, beside sign-ins and failed
/// sign-ins: the bloc office finds every security event of the edge in one place.</summary>
public sealed class RequestRefusedConsumer(AccountsDbContext db, TimeProvider clock) : IConsumer<RequestRefused>
{
    public Task Consume(ConsumeContext<RequestRefused> context) =>
        db.HandleOnceAsync(context, nameof(RequestRefusedConsumer), _ =>
        {
            var refused = context.Message;
            db.Set<AuditEntry>().Add(SecurityEntry.Create(refused.Caller, "Request", $"{refused.Method} {refused.Path}", AuditAction.Refused,
                new { status = refused.Status, reason = refused.Reason, address = refused.ClientAddress, at = "gateway" }, refused.OccurredAt));
            return Task.CompletedTask;
        }, clock);
}
