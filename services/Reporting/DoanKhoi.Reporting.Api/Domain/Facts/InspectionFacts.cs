using DoanKhoi.Contracts.Inspection;

namespace DoanKhoi.Reporting.Domain.Facts;

/// <summary>What K14 counts, as the inspection service last published it: a concluded inspection or
/// supervision (counted on the day of its conclusion), or a social-critique item (counted on the day the
/// bloc sent its opinions). Kinds are the programme's words: regular, thematic, unscheduled,
/// on-signs-of-violation, supervision, social-critique. The newest version heard is kept.</summary>
public sealed class InspectionRecord
{
    public const string SocialCritique = "social-critique";
    public const int TitleMaxLength = 500;

    private InspectionRecord() { }

    public Guid Id { get; private set; }
    public string Kind { get; private set; } = "";
    public string Title { get; private set; } = "";
    public int Year { get; private set; }
    /// <summary>The day it counts from; null while it does not count (not concluded, no opinions sent, withdrawn, cancelled).</summary>
    public DateOnly? CountedOn { get; private set; }
    public int Version { get; private set; }

    public static string KindOf(InspectionKind kind) => kind switch
    {
        InspectionKind.OnSignsOfViolation => "on-signs-of-violation",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static InspectionRecord New(Guid id) => new() { Id = id };

    /// <summary>Takes the inspection's state if it is newer; returns whether it was.</summary>
    public bool Apply(InspectionSnapshot s)
    {
        if (s.Version <= Version) return false;
        (Kind, Title, Version) = (KindOf(s.Kind), Cut(s.Topic), s.Version);
        CountedOn = s.Status == InspectionStatus.Concluded ? s.ConcludedOn : null;
        Year = CountedOn?.Year ?? s.Year;
        return true;
    }

    public bool Apply(SocialCritiqueSnapshot s)
    {
        if (s.Version <= Version) return false;
        (Kind, Title, Version) = (SocialCritique, Cut(s.Document), s.Version);
        CountedOn = s.Withdrawn ? null : s.OpinionsSentOn;
        Year = CountedOn?.Year ?? s.Year;
        return true;
    }

    private static string Cut(string text) => text.Length <= TitleMaxLength ? text : text[..TitleMaxLength];
}

/// <summary>What weighs on a unit after its inspections, as the inspection service last published it.</summary>
public sealed class UnitStandingRecord
{
    private UnitStandingRecord() { }

    public Guid UnitId { get; private set; }
    public int OpenSeriousFindings { get; private set; }
    public int OverdueRecommendations { get; private set; }
    public int OpenRecommendations { get; private set; }
    public DateOnly AsOf { get; private set; }
    public int Version { get; private set; }

    public static UnitStandingRecord New(Guid unitId) => new() { UnitId = unitId };

    public bool Apply(UnitStandingChanged e)
    {
        if (e.Version <= Version) return false;
        (OpenSeriousFindings, OverdueRecommendations, OpenRecommendations, AsOf, Version) =
            (e.OpenSeriousFindings, e.OverdueRecommendations, e.OpenRecommendations, e.AsOf, e.Version);
        return true;
    }
}
