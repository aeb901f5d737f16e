using System.IO.Compression;

namespace DoanKhoi.Files;

/// <summary>What a file is, from its first bytes, not its name: the photos and documents people attach to
/// activities and reports. Each service says which kinds it takes.</summary>
public sealed record DocumentKind(string ContentType, string Extension)
{
    public static readonly DocumentKind Jpeg = new("image/jpeg", ".jpg");
    public static readonly DocumentKind Png = new("image/png", ".png");
    public static readonly DocumentKind Pdf = new("application/pdf", ".pdf");
    public static readonly DocumentKind Word = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");
    public static readonly DocumentKind Excel = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");
    public static readonly DocumentKind PowerPoint = new("application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx");
    /// <summary>An Office file of before 2007 (.doc, .xls, .ppt): an OLE compound file.</summary>
    public static readonly DocumentKind OldOffice = new("application/x-ole-storage", ".doc");

    /// <summary>The kind of <paramref name="content"/>, or null when it is none of the above.</summary>
    public static DocumentKind? Of(byte[] content)
    {
        var head = content.AsSpan();
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return Jpeg;
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return Png;
        if (head.StartsWith("%PDF-"u8)) return Pdf;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])) return OldOffice;
        if (!head.StartsWith("PK\u0003\u0004"u8)) return null;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            if (zip.GetEntry("word/document.xml") is not null) return Word;
            if (zip.GetEntry("xl/workbook.xml") is not null) return Excel;
            if (zip.GetEntry("ppt/presentation.xml") is not null) return PowerPoint;
        }
        catch (InvalidDataException)
        {
        }
        return null;
    }

    /// <summary>The name to keep for an uploaded file: its own, without a path, in NFC, at most
    /// <paramref name="maxLength"/> long with this kind's extension kept; <paramref name="fallback"/> when it has none.</summary>
    public string NameFor(string? fileName, string fallback, int maxLength)
    {
        var name = Path.GetFileName(fileName ?? "").Trim();
        if (name.Length == 0) name = fallback + Extension;
        if (name.Length > maxLength) name = name[..(maxLength - Extension.Length)] + Extension;
        return name.Normalize();
    }
}
