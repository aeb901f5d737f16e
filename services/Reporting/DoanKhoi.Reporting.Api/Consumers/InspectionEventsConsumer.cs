using DoanKhoi.Contracts.Inspection;
using DoanKhoi.Messaging.Inbox;
using DoanKhoi.Reporting.Domain.Board;
using DoanKhoi.Reporting.Domain.Facts;
using DoanKhoi.Reporting.Domain.Programme;
using DoanKhoi.Reporting.Infrastructure;
using MassTransit;

namespace DoanKhoi.Reporting.Consumers;

/// <summary>Keeps what K14 counts from the inspection service's events: concluded inspections and
/// supervisions, and social-critique items whose opinions were sent. They are the bloc's own figures (the
/// inspection committee is the bloc's), so the bloc's steps are counted again, in the same transaction as
/// the inbox record: a replay or an older state changes nothing. It also keeps each unit's standing, which
/// the scoreboard weighs.</summary>
public sealed class InspectionEventsConsumer(ReportingDbContext db, BoardCounter board, TimeProvider clock) :
    IConsumer<InspectionChanged>, IConsumer<SocialCritiqueChanged>, IConsumer<UnitStandingChanged>
{
    private static readonly HashSet<string> Sources = [FactSource.Inspections];

    public Task Consume(ConsumeContext<InspectionChanged> context) =>
        ApplyAsync(context, context.Message.Inspection.InspectionId, r => r.Apply(context.Message.Inspection));

    public Task Consume(ConsumeContext<SocialCritiqueChanged> context) =>
        ApplyAsync(context, context.Message.SocialCritique.SocialCritiqueId, r => r.Apply(context.Message.SocialCritique));

    /// <summary>A unit's standing weighs on the scoreboard as it is today: kept, not counted into the board.</summary>
    public Task Consume(ConsumeContext<UnitStandingChanged> context) =>
        db.HandleOnceAsync(context, nameof(InspectionEventsConsumer), async ct =>
        {
            await db.LockRecordsAsync([context.Message.UnitId], ct);
            var record = await db.UnitStandings.FindAsync([context.Message.UnitId], ct);
            if (record is null) db.UnitStandings.Add(record = UnitStandingRecord.New(context.Message.UnitId));
            record.Apply(context.Message);
        }, clock);

    private Task ApplyAsync<T>(ConsumeContext<T> context, Guid id, Func<InspectionRecord, bool> apply) where T : class =>
        db.HandleOnceAsync(context, nameof(InspectionEventsConsumer), async ct =>
        {
            await db.LockRecordsAsync([id], ct);
            var record = await db.InspectionRecords.FindAsync([id], ct);
            var before = record?.Year;
            if (record is null) db.InspectionRecords.Add(record = InspectionRecord.New(id));
            if (!apply(record)) return;
            var touched = new HashSet<(BoardNode Node, int? Year)> { (BoardNode.Bloc, record.Year) };
            if (before is { } year) touched.Add((BoardNode.Bloc, year));
            await db.SaveChangesAsync(ct);   // the count reads the records from the database, in this transaction
            await board.RecountAsync(touched, Sources, ct);
        }, clock);
}
