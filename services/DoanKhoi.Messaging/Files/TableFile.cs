using System.Globalization;
using CsvHelper;
using DoanKhoi.Problems;
using DoanKhoi.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace DoanKhoi.Files;

/// <summary>A list as a file people open in a spreadsheet: one sheet of an .xlsx (MiniExcel, numbers kept
/// as numbers so that a spreadsheet adds them up, a header row frozen and filtered) or a .csv (CsvHelper,
/// UTF-8 with a BOM so that Excel shows Vietnamese). Vietnamese headers, dates as dd/MM/yyyy, and every text
/// a spreadsheet would run as a formula neutralised. Every service's exports are made here.</summary>
public static class TableFile
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvContentType = "text/csv";

    /// <summary>A text a spreadsheet would take for a formula (= + - @, or a tab or carriage return
    /// first) gets a leading apostrophe (OWASP's advice on CSV injection), so it is only ever shown.</summary>
    public static string? Neutralise(string? text) =>
        string.IsNullOrEmpty(text) || text[0] is not ('=' or '+' or '-' or '@' or '\t' or '\r') ? text : "'" + text;

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>A moment as people in Vietnam read it: dd/MM/yyyy HH:mm:ss in Vietnam time.</summary>
    public static string Moment(DateTimeOffset moment) =>
        TimeZoneInfo.ConvertTime(moment, VietnamTime.Zone).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Refuses a format other than xlsx or csv (null is xlsx).</summary>
    public static void CheckFormat(string? format)
    {
        if (format is not null && format.Trim().ToLowerInvariant() is not ("xlsx" or "csv"))
            throw new ValidationFailedException("format", $"'{format}' is not a file format: use xlsx or csv.");
    }

    /// <summary>The rows as a download named <paramref name="name"/> (.xlsx unless <paramref name="format"/> is csv).</summary>
    public static FileContentHttpResult Result(string? format, string[] headers, IEnumerable<object?[]> rows, string sheet, string name) =>
        format?.Trim().Equals("csv", StringComparison.OrdinalIgnoreCase) == true
            ? TypedResults.File(Csv(headers, rows), CsvContentType + "; charset=utf-8", name + ".csv")
            : TypedResults.File(Xlsx(headers, rows, sheet), XlsxContentType, name + ".xlsx");

    public static byte[] Xlsx(string[] headers, IEnumerable<object?[]> rows, string sheetName)
    {
        using var file = new MemoryStream();
        file.SaveAs(Sheet(headers, rows), sheetName: sheetName, configuration: Configuration(headers));
        return file.ToArray();
    }

    /// <summary>Several lists as the sheets of one .xlsx, in order (a workbook the province expects, one sheet per table).</summary>
    public static byte[] Workbook(IReadOnlyList<(string Name, string[] Headers, IEnumerable<object?[]> Rows)> sheets)
    {
        using var file = new MemoryStream();
        var content = new Dictionary<string, object>();
        foreach (var sheet in sheets) content[sheet.Name] = Sheet(sheet.Headers, sheet.Rows);
        file.SaveAs(content, configuration: Configuration(sheets.SelectMany(s => s.Headers).Distinct()));
        return file.ToArray();
    }

    public static byte[] Csv(string[] headers, IEnumerable<object?[]> rows)
    {
        using var file = new MemoryStream();
        using (var csv = CsvWriter.Create(file, new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.None }, leaveOpen: true))
        {
            csv.WriteRecord(headers);
            foreach (var row in rows)
                csv.WriteRecord(row.Select(c => Convert.ToString(c, CultureInfo.InvariantCulture) ?? "").ToArray());
        }
        return file.ToArray();
    }

    /// <summary>Rows keyed by header, as MiniExcel writes them (text, or numbers a spreadsheet adds up); a header-only sheet when there are none.</summary>
    public static object Sheet(string[] headers, IEnumerable<object?[]> rows)
    {
        var enumerator = rows.GetEnumerator();
        if (!enumerator.MoveNext())
        {
            enumerator.Dispose();
            var table = new System.Data.DataTable();
            foreach (var header in headers) table.Columns.Add(header, typeof(string));
            return table;
        }
        return Rest(enumerator);

        IEnumerable<IDictionary<string, object?>> Rest(IEnumerator<object?[]> more)
        {
            using (more)
            {
                do yield return ToDictionary(more.Current);
                while (more.MoveNext());
            }
        }

        Dictionary<string, object?> ToDictionary(object?[] row)
        {
            var values = new Dictionary<string, object?>(headers.Length);
            for (var i = 0; i < headers.Length; i++) values[headers[i]] = i < row.Length ? row[i] : null;
            return values;
        }
    }

    public static OpenXmlConfiguration Configuration(IEnumerable<string> headers) => new()
    {
        TableStyles = TableStyles.Default,
        AutoFilter = true,
        FreezeRowCount = 1,
        DynamicColumns = headers.Select(h => new DynamicExcelColumn(h) { Width = Math.Max(12, Math.Min(40, h.Length + 6)) }).ToArray(),
    };
}
