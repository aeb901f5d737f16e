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
        var type = TypeOf(content) ?? throw new UnsupportedMediaTypeException(
            "The file is not a photo (JPEG, PNG) or a document (PDF, Word .docx): send the photo or the scanned document itself.");
        var name = Path.GetFileName(fileName ?? "").Trim();
        if (name.Length == 0) name = "minh-chung" + type.Extension;
        if (name.Length > FileNameMaxLength) name = name[..(FileNameMaxLength - type.Extension.Length)] + type.Extension;
        return new EvidenceFile
        {
            Id = Guid.CreateVersion7(now), ActivityId = activity.Id, FileName = name.Normalize(), ContentType = type.ContentType, Size = content.Length,
            Content = content, UploadedBy = uploadedBy, UploadedAt = now,
        };
    }

    /// <summary>JPEG, PNG, PDF, or a Word document (a zip with word/document.xml), by their first bytes.</summary>
    private static (string ContentType, string Extension)? TypeOf(byte[] content)
    {
        var head = content.AsSpan();
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return ("image/jpeg", ".jpg");
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return ("image/png", ".png");
        if (head.StartsWith("%PDF-"u8)) return ("application/pdf", ".pdf");
        if (head.StartsWith("PK\u0003\u0004"u8) && IsWordDocument(content))
            return ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");
        return null;
    }

    private static bool IsWordDocument(byte[] content)
    {
        try
        {
            using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(content), System.IO.Compression.ZipArchiveMode.Read);
            return zip.GetEntry("word/document.xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
