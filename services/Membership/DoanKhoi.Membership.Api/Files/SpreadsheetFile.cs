using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsvHelper;
using DoanKhoi.Problems;
using MiniExcelLibs;

namespace DoanKhoi.Membership.Files;

public enum SpreadsheetKind { Xlsx, Csv }

/// <summary>A cell as the file holds it: text, a real spreadsheet date, or a number (a date's serial
/// number, or a CCCD typed as a number that lost its leading 0).</summary>
public readonly record struct Cell(string? Text, DateTime? Date = null, double? Number = null)
{
    public bool IsBlank => Date is null && Number is null && string.IsNullOrWhiteSpace(Text);

    public static Cell From(object? value) => value switch
    {
        null => default,
        string text => new Cell(text),
        DateTime date => new Cell(null, date),
        double number => new Cell(null, null, number),
        bool flag => new Cell(flag ? "x" : ""),
        _ => new Cell(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };
}

/// <summary>One row of the sheet, numbered as the spreadsheet numbers it (the header is row 1 of a
/// plain sheet), its cells by column index.</summary>
public sealed record SheetRow(int Number, Cell[] Cells);

/// <summary>An uploaded .xlsx or .csv, recognised by its content (not its name), read as rows of cells
/// through MiniExcel (.xlsx, streaming) or CsvHelper (.csv, its delimiter detected, UTF-8 or the
/// Windows-1258 code page older Vietnamese Excel saves). Within the limits: 413 past them.</summary>
public static class SpreadsheetFile
{
    public const long MaxBytes = 20 * 1024 * 1024;
    public const int MaxRows = 50_000;

    private const string NotASpreadsheet = "The file is not a spreadsheet: send an Excel workbook (.xlsx) or a CSV file (.csv, UTF-8), e.g. the template of GET /members/import-template.";

    static SpreadsheetFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Which kind of spreadsheet the bytes are: 415 for anything else (a PDF, an image, an old .xls, a zip that is no workbook).</summary>
    public static SpreadsheetKind Recognise(Stream file)
    {
        if (file.Length > MaxBytes)
            throw new PayloadTooLargeException($"The file is {file.Length / (1024.0 * 1024):0.#} MB; at most {MaxBytes / (1024 * 1024)} MB are imported at once: split it.");
        if (file.Length == 0) throw new ValidationFailedException("file", "The file is empty.");
        Span<byte> head = stackalloc byte[8];
        file.Position = 0;
        var read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        file.Position = 0;
        head = head[..read];
        if (head.StartsWith("PK\x03\x04"u8))
        {
            try
            {
                using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
                if (zip.Entries.Any(e => e.FullName.TrimStart('/').Equals("xl/workbook.xml", StringComparison.OrdinalIgnoreCase)))
                    return SpreadsheetKind.Xlsx;
            }
            catch (InvalidDataException) { }
            finally { file.Position = 0; }
            throw new UnsupportedMediaTypeException(
                "The file is a zip archive but not an Excel workbook (.xlsx): send an Excel workbook (.xlsx) or a CSV file (.csv, UTF-8), e.g. the template of GET /members/import-template.");
        }
        if (head.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }))
            throw new UnsupportedMediaTypeException("The file is an Excel 97-2003 workbook (.xls): open it in Excel and save it as an Excel Workbook (.xlsx) or CSV UTF-8, then send it again.");
        var sample = new byte[Math.Min(file.Length, 64 * 1024)];
        file.ReadExactly(sample);
        file.Position = 0;
        if (LooksLikeText(sample)) return SpreadsheetKind.Csv;
        throw new UnsupportedMediaTypeException(NotASpreadsheet);
    }

    /// <summary>Every row of the first sheet that has a header row (or of the CSV), as the file numbers them.</summary>
    public static IEnumerable<SheetRow> Rows(MemoryStream file, SpreadsheetKind kind)
    {
        var bytes = file.TryGetBuffer(out var buffer) ? buffer : new ArraySegment<byte>(file.ToArray());
        return kind == SpreadsheetKind.Xlsx ? XlsxRows(bytes) : CsvRows(bytes);
    }

    private static IEnumerable<SheetRow> XlsxRows(ArraySegment<byte> bytes)
    {
        // MiniExcel closes the stream it reads: each reading gets its own view of the bytes.
        MemoryStream Open() => new(bytes.Array!, bytes.Offset, bytes.Count, writable: false);
        var sheets = Guard(() => Open().GetSheetNames());
        foreach (var sheet in sheets)
        {
            var rows = Guard(() => Open().Query(useHeaderRow: false, sheetName: sheet, excelType: ExcelType.XLSX));
            using var enumerator = rows.GetEnumerator();
            var number = 0;
            // A sheet without a header in its first rows (the template's guide, a cover page) is passed over.
            var found = false;
            var buffered = new List<SheetRow>();
            while (Guard(enumerator.MoveNext))
            {
                var row = ToRow(++number, (IDictionary<string, object?>)enumerator.Current);
                if (!found)
                {
                    buffered.Add(row);
                    found = MemberSheet.IsHeader(row);
                    if (found) { foreach (var b in buffered) yield return b; }
                    else if (number >= MemberSheet.HeaderSearchRows) break;
                    continue;
                }
                yield return row;
            }
            if (found) yield break;
        }
    }

    private static SheetRow ToRow(int number, IDictionary<string, object?> cells)
    {
        var values = new Cell[cells.Count];
        var i = 0;
        foreach (var value in cells.Values) values[i++] = Cell.From(value);
        return new SheetRow(number, values);
    }

    private static IEnumerable<SheetRow> CsvRows(ArraySegment<byte> bytes)
    {
        var text = Decode(bytes);
        // Excel's rows are the CSV's records, blank ones included: the numbers the secretary sees.
        using var reader = CsvReader.FromText(text, new CsvReaderOptions { HasHeader = false, SkipEmptyLines = false });
        var number = 0;
        while (Guard(reader.Read))
        {
            number++;
            var record = reader.Current.ToArray();
            yield return new SheetRow(number, record.Select(v => new Cell(v)).ToArray());
        }
    }

    /// <summary>UTF-8 (with or without BOM), UTF-16 with BOM, else the Windows-1258 code page of older Vietnamese Excel.</summary>
    private static string Decode(ArraySegment<byte> bytes)
    {
        if (bytes.AsSpan().StartsWith("\uFEFF"u8)) return Encoding.UTF8.GetString(bytes.AsSpan(3));
        if (bytes.Count >= 2 && (bytes[0], bytes[1]) is (0xFF, 0xFE) or (0xFE, 0xFF))
            return new StreamReader(new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count), detectEncodingFromByteOrderMarks: true).ReadToEnd();
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1258).GetString(bytes);
        }
    }

    /// <summary>Text has no NUL bytes (UTF-16 aside) and few control characters.</summary>
    private static bool LooksLikeText(ReadOnlySpan<byte> sample)
    {
        if (sample.Length >= 2 && (sample[0], sample[1]) is (0xFF, 0xFE) or (0xFE, 0xFF)) return true;
        var control = 0;
        foreach (var b in sample)
        {
            if (b == 0) return false;
            if (b < 0x20 && b is not (byte)'\r' and not (byte)'\n' and not (byte)'\t') control++;
        }
        return control <= sample.Length / 100;
    }

    /// <summary>A workbook the library cannot read is not a spreadsheet we can take (415); our own refusals pass through.</summary>
    private static T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is not (ValidationFailedException or PayloadTooLargeException or UnsupportedMediaTypeException or OperationCanceledException))
        {
            throw new UnsupportedMediaTypeException(
                $"The file could not be read as a spreadsheet ({e.GetType().Name}): send an Excel workbook (.xlsx) or a CSV file (.csv, UTF-8), e.g. the template of GET /members/import-template.");
        }
    }
}
