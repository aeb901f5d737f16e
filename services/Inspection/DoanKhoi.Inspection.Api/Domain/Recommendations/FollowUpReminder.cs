using DoanKhoi.Problems;

namespace DoanKhoi.Inspection.Domain.Recommendations;

/// <summary>A reminder about a recommendation not done, at one stage of its escalation: to the unit's
/// secretary before the due day, to the cluster lead once it is overdue, to the bloc office a week later.
/// It shows in the portal to whoever holds that post, and is e-mailed to the post's contact if it has one.
/// One per recommendation, stage and due day, however many replicas run the schedule: a recommendation
/// reopened with a new due day is followed up again, one reopened on the same day is not.</summary>
public sealed class FollowUpReminder
{
    public const int EmailMaxLength = 254;

    private FollowUpReminder() { }

    public Guid Id { get; private set; }
    public Guid RecommendationId { get; private set; }
    public EscalationStage Stage { get; private set; }
    /// <summary>The post's node: the unit (secretary), its cluster (lead), or <see cref="Guid.Empty"/> for the bloc office.</summary>
    public Guid NodeId { get; private set; }
    public Guid UnitId { get; private set; }
    public DateOnly DueOn { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string? EmailTo { get; private set; }
    public DateTimeOffset? EmailSentAt { get; private set; }
    public int EmailAttempts { get; private set; }
    public string? EmailError { get; private set; }

    public void Sent(DateTimeOffset at) => (EmailSentAt, EmailAttempts, EmailError) = (at, EmailAttempts + 1, null);

    public void Failed(string error) => (EmailAttempts, EmailError) = (EmailAttempts + 1, error.Length > 500 ? error[..500] : error);
}

/// <summary>Where a post's follow-up reminders are e-mailed: a unit's secretary, a cluster's lead, or the
/// bloc office (<see cref="Guid.Empty"/>), set by the inspection committee or the post itself.</summary>
public sealed class FollowUpContact
{
    private FollowUpContact() { }

    public Guid NodeId { get; private set; }
    public string Email { get; private set; } = "";
    public string UpdatedBy { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }

    public static FollowUpContact For(Guid nodeId) => new() { NodeId = nodeId };

    public void Set(string? email, string by, DateTimeOffset now)
    {
        var text = email?.Trim() ?? "";
        if (text.Length == 0) throw new ValidationFailedException("email", "Give the e-mail address reminders go to.");
        if (text.Length > FollowUpReminder.EmailMaxLength || !System.Net.Mail.MailAddress.TryCreate(text, out var address) || address.Address != text)
            throw new ValidationFailedException("email", $"'{text}' is not an e-mail address.");
        (Email, UpdatedBy, UpdatedAt) = (text, by, now);
    }
}
