using DoanKhoi.Contracts.Inspection;
using DoanKhoi.Files;
using DoanKhoi.Inspection.Domain.Recommendations;
using DoanKhoi.Problems;

namespace DoanKhoi.Inspection.Domain.Evidence;

/// <summary>A photo or document (minh chứng) kept with a finding, recorded by the inspection team, or with a
/// recommendation, uploaded by its unit to show what it did and then given with one of its reports (the
/// report names it: <see cref="Recommendation.ReportGiving"/>).
/// Recognised by its content, not its name. One with a finding about a person is personal data, as the finding is.</summary>
public sealed class EvidenceFile
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxPerFinding = 20;
    public const int MaxPerRecommendation = 50;
    public const int FileNameMaxLength = 200;

    private EvidenceFile() { }

    public Guid Id { get; private set; }
    public Guid InspectionId { get; private set; }
    /// <summary>The finding it shows, or null for one of a recommendation.</summary>
    public Guid? FindingId { get; private set; }
    /// <summary>The recommendation whose follow-up it shows, or null for one of a finding.</summary>
    public Guid? RecommendationId { get; private set; }
    /// <summary>The unit it is about: the finding's or the recommendation's.</summary>
    public Guid UnitId { get; private set; }
    /// <summary>With a finding about a named person.</summary>
    public bool IsPersonal { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public byte[] Content { get; private set; } = [];
    public string UploadedBy { get; private set; } = "";
    public DateTimeOffset UploadedAt { get; private set; }

    /// <summary>Evidence of a finding, while its inspection is in progress (its findings are fixed after).</summary>
    public static EvidenceFile OfFinding(Inspections.Inspection inspection, Guid findingId, int held, string? fileName, byte[] content, string by,
        DateTimeOffset now)
    {
        if (inspection.Status != InspectionStatus.InProgress)
            throw new DomainRuleException("A finding's evidence is added while the inspection is in progress.");
        var finding = inspection.Findings.FirstOrDefault(f => f.Id == findingId) ?? throw new NotFoundException("finding", findingId);
        if (held >= MaxPerFinding) throw new DomainRuleException($"A finding holds at most {MaxPerFinding} files.");
        var file = Of(inspection.Id, finding.UnitId, fileName, content, by, now);
        file.FindingId = finding.Id;
        file.IsPersonal = finding.IsPersonal;
        return file;
    }

    /// <summary>What a unit did of a recommendation, uploaded before it reports (it cannot once it has reported it done).</summary>
    public static EvidenceFile OfRecommendation(Recommendation recommendation, int held, string? fileName, byte[] content, string by, DateTimeOffset now)
    {
        if (recommendation.Status is RecommendationStatus.Done or RecommendationStatus.Closed)
            throw new DomainRuleException("The recommendation is reported done or closed: its evidence is given. Ask the committee to reopen it to add more.");
        if (held >= MaxPerRecommendation) throw new DomainRuleException($"A recommendation holds at most {MaxPerRecommendation} files.");
        var file = Of(recommendation.InspectionId, recommendation.UnitId, fileName, content, by, now);
        file.RecommendationId = recommendation.Id;
        return file;
    }

    /// <summary>A finding's file goes while the inspection is in progress (one of a recommendation: <see cref="Recommendation.TakeBackFile"/>).</summary>
    public static void EnsureRemovableFrom(Inspections.Inspection inspection)
    {
        if (inspection.Status != InspectionStatus.InProgress)
            throw new DomainRuleException("A finding's evidence is removed while the inspection is in progress.");
    }

    private static EvidenceFile Of(Guid inspectionId, Guid unitId, string? fileName, byte[] content, string by, DateTimeOffset now)
    {
        if (content.Length > MaxBytes)
            throw new PayloadTooLargeException($"The file is {content.Length / (1024.0 * 1024):0.#} MB; a file is at most {MaxBytes / (1024 * 1024)} MB.");
        var type = DocumentKind.Of(content) is { } kind && Accepted.Contains(kind) ? kind : throw new UnsupportedMediaTypeException(
            "The file is not a photo (JPEG, PNG) or a document (PDF, Word, Excel): send the photo, the minutes or the scanned document itself.");
        return new EvidenceFile
        {
            Id = Guid.CreateVersion7(now), InspectionId = inspectionId, UnitId = unitId, FileName = type.NameFor(fileName, "minh-chung", FileNameMaxLength),
            ContentType = type.ContentType, Size = content.Length, Content = content, UploadedBy = by, UploadedAt = now,
        };
    }

    /// <summary>Photos and documents: JPEG, PNG, PDF, Word, Excel.</summary>
    private static readonly DocumentKind[] Accepted = [DocumentKind.Jpeg, DocumentKind.Png, DocumentKind.Pdf, DocumentKind.Word, DocumentKind.Excel];
}
