using System.IO.Compression;
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
        var type = TypeOf(content) ?? throw new UnsupportedMediaTypeException(
            "The file is not a PDF or an Office document (Word, Excel, PowerPoint): send the report's document itself.");
        var name = Path.GetFileName(fileName ?? "").Trim();
        if (name.Length == 0) name = "bao-cao" + type.Extension;
        if (name.Length > FileNameMaxLength) name = name[..(FileNameMaxLength - type.Extension.Length)] + type.Extension;
        return new ReportAttachment
        {
            Id = Guid.CreateVersion7(now), Year = year, Code = code, SubmitterId = submitter, FileName = name.Normalize(), ContentType = type.ContentType,
            Size = content.Length, Content = content, UploadedBy = by, UploadedAt = now,
        };
    }

    /// <summary>PDF, an Office Open XML document (a zip holding word/, xl/ or ppt/), or an older Office file (OLE).</summary>
    private static (string ContentType, string Extension)? TypeOf(byte[] content)
    {
        var head = content.AsSpan();
        if (head.StartsWith("%PDF-"u8)) return ("application/pdf", ".pdf");
        if (head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])) return ("application/x-ole-storage", ".doc");
        if (!head.StartsWith("PK\u0003\u0004"u8)) return null;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            if (zip.GetEntry("word/document.xml") is not null) return ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");
            if (zip.GetEntry("xl/workbook.xml") is not null) return ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");
            if (zip.GetEntry("ppt/presentation.xml") is not null) return ("application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx");
        }
        catch (InvalidDataException)
        {
        }
        return null;
    }
}
