using DoanKhoi.Contracts.Reporting;
using DoanKhoi.Messaging.Outbox;
using DoanKhoi.Problems;
using DoanKhoi.Reporting.Domain.Programme;

namespace DoanKhoi.Reporting.Domain.Reports;

// Reminders go only to the units and clusters that have not sent a report: some days before it is due, on
// the due day, and the day after. Each (report, submitter, stage) is reminded once: the row's key says so,
// so a job run twice, or by two replicas at once, adds nothing the second time.

public enum ReminderStage
{
    /// <summary>Some days before the due day.</summary>
    Before,
    /// <summary>On the due day.</summary>
    Due,
    /// <summary>After the due day: the report is missing.</summary>
    After,
}

public sealed class Reminder
{
    public const int EmailMaxLength = 254;

    private Reminder() { }

    public Guid Id { get; private set; }
    public int Year { get; private set; }
    public string Code { get; private set; } = "";
    public Guid SubmitterId { get; private set; }
    public ReminderStage Stage { get; private set; }
    public DateOnly Due { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>Where the e-mail goes (the submitter's contact then), if it has one.</summary>
    public string? EmailTo { get; private set; }
    public DateTimeOffset? EmailSentAt { get; private set; }
    public int EmailAttempts { get; private set; }
    public string? EmailError { get; private set; }

    public static Reminder For(int year, ReportDefinition report, Guid submitter, ReminderStage stage, string? emailTo, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), Year = year, Code = report.Code, SubmitterId = submitter, Stage = stage, Due = report.Due,
        CreatedAt = now, EmailTo = emailTo,
    };

    public void Sent(DateTimeOffset at) => (EmailSentAt, EmailAttempts, EmailError) = (at, EmailAttempts + 1, null);

    public void Failed(string error) => (EmailAttempts, EmailError) = (EmailAttempts + 1, error.Length > 500 ? error[..500] : error);

    /// <summary>The stage a reminder is due at on <paramref name="today"/>, if any: from <paramref name="daysBefore"/>
    /// days before the due day up to it, the due day itself, and the days after it for <paramref name="daysAfter"/> days.</summary>
    public static ReminderStage? StageOn(ReportDefinition report, DateOnly today, int daysBefore, int daysAfter) =>
        today == report.Due ? ReminderStage.Due
        : today < report.Due && today >= report.Due.AddDays(-daysBefore) ? ReminderStage.Before
        : today > report.Due && today <= report.Due.AddDays(daysAfter) ? ReminderStage.After
        : null;
}

/// <summary>Where a unit's or cluster's reminders are e-mailed: set by its secretary (lead) or the bloc office.</summary>
public sealed class ReportContact
{
    private ReportContact() { }

    public Guid NodeId { get; private set; }
    public string Email { get; private set; } = "";
    public string ChangedBy { get; private set; } = "";
    public DateTimeOffset ChangedAt { get; private set; }

    public static ReportContact For(Guid node, string? email, string by, DateTimeOffset now)
    {
        var contact = new ReportContact { NodeId = node };
        contact.Change(email, by, now);
        return contact;
    }

    public void Change(string? email, string by, DateTimeOffset now)
    {
        var address = email?.Trim() ?? "";
        if (address.Length is 0 or > Reminder.EmailMaxLength || !System.Net.Mail.MailAddress.TryCreate(address, out var parsed) || parsed.Address != address)
            throw new ValidationFailedException("email", $"'{email}' is not an e-mail address, e.g. doan.sotaichinh@langson.gov.vn.");
        (Email, ChangedBy, ChangedAt) = (address, by, now);
    }
}

/// <summary>A report's deadline passed: recorded once, with who had not sent it (a report is locked from then).</summary>
public sealed class ReportClosing : AggregateRoot
{
    private ReportClosing() { }

    public int Year { get; private set; }
    public string Code { get; private set; } = "";
    public DateTimeOffset ClosedAt { get; private set; }
    public List<Guid> Missing { get; private set; } = [];

    public static ReportClosing Close(int year, ReportDefinition report, IReadOnlyList<Guid> missing, DateTimeOffset now)
    {
        var closing = new ReportClosing { Year = year, Code = report.Code, ClosedAt = now, Missing = [.. missing] };
        closing.Raise(new ReportDeadlinePassed { Year = year, Code = report.Code, Due = report.Due, MissingSubmitterIds = [.. missing], OccurredAt = now });
        return closing;
    }
}
