using DoanKhoi.Files;
using DoanKhoi.Problems;

namespace DoanKhoi.Activities.Domain.Activities;

/// <summary>A photo or document that shows an activity took place (minh chứng): kept with the activity,
/// recognised by its content, not by its name.</summary>
public sealed class EvidenceFile
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxPerActivity = 20;
    public const int FileNameMaxLength = 200;

    private EvidenceFile() { }

    public Guid Id { get; private set; }
    public Guid ActivityId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public byte[] Content { get; private set; } = [];
    public string UploadedBy { get; private set; } = "";
    public DateTimeOffset UploadedAt { get; private set; }

    public static EvidenceFile Of(Activity activity, string? fileName, byte[] content, string uploadedBy, DateTimeOffset now)
    {
        if (activity.Status == Contracts.Activities.ActivityStatus.Cancelled)
            throw new DomainRuleException("The activity was cancelled: it can no longer change.");
        var type = DocumentKind.Of(content) is { } kind && Accepted.Contains(kind) ? kind : throw new UnsupportedMediaTypeException(
            "The file is not a photo (JPEG, PNG) or a document (PDF, Word .docx): send the photo or the scanned document itself.");
        var name = type.NameFor(fileName, "minh-chung", FileNameMaxLength);
        return new EvidenceFile
        {
            Id = Guid.CreateVersion7(now), ActivityId = activity.Id, FileName = name, ContentType = type.ContentType, Size = content.Length,
            Content = content, UploadedBy = uploadedBy, UploadedAt = now,
        };
    }

    /// <summary>Photos and documents: JPEG, PNG, PDF, Word (.docx).</summary>
    private static readonly DocumentKind[] Accepted = [DocumentKind.Jpeg, DocumentKind.Png, DocumentKind.Pdf, DocumentKind.Word];
}
