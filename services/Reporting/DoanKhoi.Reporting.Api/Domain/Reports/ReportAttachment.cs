using DoanKhoi.Files;
using DoanKhoi.Problems;

namespace DoanKhoi.Reporting.Domain.Reports;

/// <summary>A document sent with a report: a PDF or an Office file (Word, Excel, PowerPoint), recognised by
/// its content, not by its name. Uploaded first, then named by the version that carries it.</summary>
public sealed class ReportAttachment
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int FileNameMaxLength = 200;

    private ReportAttachment() { }

    public Guid Id { get; private set; }
    public int Year { get; private set; }
    public string Code { get; private set; } = "";
    public Guid SubmitterId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public byte[] Content { get; private set; } = [];
    public string UploadedBy { get; private set; } = "";
    public DateTimeOffset UploadedAt { get; private set; }

    public static ReportAttachment Of(int year, string code, Guid submitter, string? fileName, byte[] content, string by, DateTimeOffset now)
    {
        if (content.Length > MaxBytes) throw new PayloadTooLargeException($"A report's file is at most {MaxBytes / 1024 / 1024} MB.");
        var type = DocumentKind.Of(content) is { } kind && Accepted.Contains(kind) ? kind : throw new UnsupportedMediaTypeException(
            "The file is not a PDF or an Office document (Word, Excel, PowerPoint): send the report's document itself.");
        var name = type.NameFor(fileName, "bao-cao", FileNameMaxLength);
        return new ReportAttachment
        {
            Id = Guid.CreateVersion7(now), Year = year, Code = code, SubmitterId = submitter, FileName = name, ContentType = type.ContentType,
            Size = content.Length, Content = content, UploadedBy = by, UploadedAt = now,
        };
    }

    /// <summary>Documents: PDF, Word, Excel, PowerPoint, and their older formats.</summary>
    private static readonly DocumentKind[] Accepted = [DocumentKind.Pdf, DocumentKind.Word, DocumentKind.Excel, DocumentKind.PowerPoint, DocumentKind.OldOffice];
}
