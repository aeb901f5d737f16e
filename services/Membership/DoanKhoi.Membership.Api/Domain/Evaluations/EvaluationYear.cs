using DoanKhoi.Contracts.Membership;
using DoanKhoi.Messaging.Outbox;
using DoanKhoi.Membership.Domain.Members;
using DoanKhoi.Problems;

namespace DoanKhoi.Membership.Domain.Evaluations;

/// <summary>A year's evaluation (đánh giá, xếp loại): open while units grade their members and the
/// standing committee grades the units, then closed by the standing committee, which locks every grade
/// of that year. A change after that needs the year reopened, with the reason, on the year's record.</summary>
public sealed class EvaluationYear : AggregateRoot
{
    public const int MaxReasonLength = 500;

    /// <summary>The first year the bloc evaluates in DoanKhoi; earlier ones are on paper.</summary>
    public const int FirstYear = 2000;

    private readonly List<EvaluationYearStep> _steps = [];

    private EvaluationYear() { }

    public int Year { get; private set; }
    public bool IsClosed { get; private set; }
    public DateOnly? ClosedOn { get; private set; }
    public string? ClosedBy { get; private set; }
    public int Version { get; private set; }
    public IReadOnlyList<EvaluationYearStep> Steps => _steps;

    /// <summary>A year that is evaluated: not before <see cref="FirstYear"/>, not after the present one.</summary>
    public static EvaluationYear Open(int year, DateOnly today)
    {
        EnsureEvaluable(year, today);
        return new EvaluationYear { Year = year, Version = 0 };
    }

    public static void EnsureEvaluable(int year, DateOnly today)
    {
        if (year < FirstYear || year > today.Year)
            throw new ValidationFailedException("year", $"A year from {FirstYear} to {today.Year} is evaluated; {year} is not.");
    }

    /// <summary>Refuses any grading while the year is closed, saying how to change it.</summary>
    public void EnsureOpen()
    {
        if (IsClosed)
            throw new DomainRuleException(
                $"The evaluation of {Year} was closed by the standing committee on {ClosedOn:dd/MM/yyyy}; its grades are locked. The standing committee reopens it, with the reason, before a grade changes.");
    }

    public void Close(Decision decision)
    {
        if (IsClosed) throw new DomainRuleException($"The evaluation of {Year} is already closed (since {ClosedOn:dd/MM/yyyy}).");
        IsClosed = true;
        ClosedOn = decision.EffectiveOn;
        ClosedBy = decision.By;
        Version++;
        _steps.Add(new EvaluationYearStep(Year, Version, EvaluationYearChange.Closed, null, decision.By, decision.At));
        Raise(new EvaluationYearClosed { Year = Year, Version = Version, EffectiveOn = decision.EffectiveOn, OccurredAt = decision.At });
    }

    public void Reopen(string? reason, Decision decision)
    {
        if (!IsClosed) throw new DomainRuleException($"The evaluation of {Year} is open; only a closed year is reopened.");
        var why = string.IsNullOrWhiteSpace(reason) ? "" : Text.VietnameseText.Clean(reason);
        if (why.Length == 0) throw new ValidationFailedException("reason", "Reopening a closed evaluation needs the reason (it goes on the year's record).");
        if (why.Length > MaxReasonLength) throw new ValidationFailedException("reason", $"The reason is at most {MaxReasonLength} characters.");
        IsClosed = false;
        ClosedOn = null;
        ClosedBy = null;
        Version++;
        _steps.Add(new EvaluationYearStep(Year, Version, EvaluationYearChange.Reopened, why, decision.By, decision.At));
        Raise(new EvaluationYearReopened { Year = Year, Reason = why, Version = Version, EffectiveOn = decision.EffectiveOn, OccurredAt = decision.At });
    }
}

public enum EvaluationYearChange
{
    Closed,
    Reopened,
}

/// <summary>A step on a year's record: closed or reopened (with the reason), by whom, when.</summary>
public sealed record EvaluationYearStep(int Year, int Version, EvaluationYearChange Change, string? Reason, string By, DateTimeOffset At)
{
    public long Id { get; private set; }
}
