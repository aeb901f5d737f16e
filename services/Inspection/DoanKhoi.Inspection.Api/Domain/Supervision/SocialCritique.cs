using DoanKhoi.Contracts.Inspection;
using DoanKhoi.Inspection.Domain.Inspections;
using DoanKhoi.Messaging.Outbox;
using DoanKhoi.Problems;

namespace DoanKhoi.Inspection.Domain.Supervision;

/// <summary>A social-critique item (phản biện xã hội, K14): a draft document someone sent the bloc for
/// its opinion, the opinions the bloc sent back and when, and the response received. It counts toward
/// K14 on the day the opinions were sent.</summary>
public sealed class SocialCritique : AggregateRoot
{
    public const int DocumentMaxLength = 500;
    public const int SenderMaxLength = 200;
    public const int OpinionsMaxLength = 20_000;

    private SocialCritique() { }

    public Guid Id { get; private set; }
    public int Year { get; private set; }
    /// <summary>The document critiqued: its title and number ("Dự thảo Nghị quyết … về …").</summary>
    public string Document { get; private set; } = "";
    /// <summary>Who sent it for critique (the province's people's committee, a department, …).</summary>
    public string SentBy { get; private set; } = "";
    public DateOnly ReceivedOn { get; private set; }
    public string? Opinions { get; private set; }
    public DateOnly? OpinionsSentOn { get; private set; }
    public string? Response { get; private set; }
    public DateOnly? ResponseOn { get; private set; }
    public bool Withdrawn { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; private set; }

    public static SocialCritique Receive(string? document, string? sentBy, DateOnly? receivedOn, DateOnly today, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        var title = errors.Check(() => InspectionText.Required(document, "document", DocumentMaxLength, "Name the document critiqued."));
        var sender = errors.Check(() => InspectionText.Required(sentBy, "sentBy", SenderMaxLength, "Say who sent the document for critique."));
        if (receivedOn is null) errors.Add("receivedOn", "Give the day the document was received.");
        else if (receivedOn > today) errors.Add("receivedOn", "The day received cannot be in the future.");
        errors.ThrowIfAny();
        var item = new SocialCritique { Id = Guid.CreateVersion7(now), Document = title!, SentBy = sender!, ReceivedOn = receivedOn!.Value, Year = receivedOn.Value.Year };
        item.Changed(now);
        return item;
    }

    /// <summary>The opinions the bloc sent, on a day: from then on the item counts toward K14 (of that day's year).</summary>
    public void SendOpinions(string? opinions, DateOnly? sentOn, DateOnly today, DateTimeOffset now)
    {
        EnsureNotWithdrawn();
        var errors = new FieldErrors();
        var text = errors.Check(() => InspectionText.Required(opinions, "opinions", OpinionsMaxLength, "Write the opinions the bloc sent."));
        if (sentOn is null) errors.Add("sentOn", "Give the day the opinions were sent.");
        else if (sentOn < ReceivedOn) errors.Add("sentOn", "Opinions cannot be sent before the document was received.");
        else if (sentOn > today) errors.Add("sentOn", "The day sent cannot be in the future.");
        errors.ThrowIfAny();
        Opinions = text;
        OpinionsSentOn = sentOn;
        Year = sentOn!.Value.Year;
        Changed(now);
    }

    /// <summary>The response the bloc received to its opinions.</summary>
    public void RecordResponse(string? response, DateOnly? on, DateOnly today, DateTimeOffset now)
    {
        EnsureNotWithdrawn();
        if (OpinionsSentOn is null) throw new DomainRuleException("No opinions were sent yet: a response answers the opinions the bloc sent.");
        var errors = new FieldErrors();
        var text = errors.Check(() => InspectionText.Required(response, "response", OpinionsMaxLength, "Write the response received."));
        if (on is null) errors.Add("respondedOn", "Give the day of the response.");
        else if (on < OpinionsSentOn) errors.Add("respondedOn", "A response cannot come before the opinions were sent.");
        else if (on > today) errors.Add("respondedOn", "The day of the response cannot be in the future.");
        errors.ThrowIfAny();
        Response = text;
        ResponseOn = on;
        Changed(now);
    }

    /// <summary>Entered by mistake, or the sender withdrew the document: it no longer counts.</summary>
    public void Withdraw(DateTimeOffset now)
    {
        EnsureNotWithdrawn();
        Withdrawn = true;
        Changed(now);
    }

    public SocialCritiqueSnapshot ToSnapshot() => new()
    {
        SocialCritiqueId = Id, Year = Year, Document = Document, OpinionsSentOn = OpinionsSentOn, Withdrawn = Withdrawn, Version = Version,
    };

    private void EnsureNotWithdrawn()
    {
        if (Withdrawn) throw new DomainRuleException("The item was withdrawn: it can no longer change.");
    }

    private void Changed(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
        Raise(new SocialCritiqueChanged { SocialCritique = ToSnapshot(), OccurredAt = now });
    }
}
