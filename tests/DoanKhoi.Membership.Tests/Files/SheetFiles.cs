using System.Net.Http.Headers;
using System.Text;
using MiniExcelLibs;

namespace DoanKhoi.Membership.Tests.Files;

/// <summary>Real .xlsx and .csv files made in the test, as units' sheets come: title rows, any header
/// order, real date cells or numbers, several separators and encodings.</summary>
public static class SheetFiles
{
    /// <summary>An .xlsx whose first sheet holds <paramref name="rows"/> from A1 (no header of MiniExcel's own).</summary>
    public static byte[] Xlsx(params object?[][] rows)
    {
        var width = rows.Max(r => r.Length);
        var sheet = rows.Select(r => Enumerable.Range(0, width)
            .ToDictionary(i => ((char)('A' + i)).ToString(), i => i < r.Length ? r[i] : null)).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(sheet, printHeader: false, sheetName: "DS đoàn viên");
        return stream.ToArray();
    }

    /// <summary>A CSV with <paramref name="separator"/>, quoted where needed, in UTF-8 (with a BOM or not).</summary>
    public static byte[] Csv(string separator, bool bom, params string?[][] rows)
    {
        var text = string.Join("\r\n", rows.Select(r => string.Join(separator, r.Select(Quote)))) + "\r\n";
        var bytes = Encoding.UTF8.GetBytes(text);
        return bom ? [.. Encoding.UTF8.Preamble, .. bytes] : bytes;

        string Quote(string? cell) => cell is null ? "" : cell.IndexOfAny([',', ';', '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;
    }

    public static MultipartFormDataContent Form(byte[] file, string fileName)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { content, "file", fileName } };
    }

    /// <summary>The template's headers, in its order.</summary>
    public static readonly string[] Header =
        ["Họ và tên", "Ngày sinh", "Giới tính", "Dân tộc", "Số CCCD", "Số điện thoại", "Email", "Ngày vào Đoàn", "Số thẻ đoàn viên"];

    /// <summary>A valid row for <see cref="Header"/>: a Tày woman born in 1998 in Lạng Sơn, who joined the Union at 17.</summary>
    public static string?[] Person(string name = "Hoàng Thị Thu Trang", string cccd = "020198001234", string? card = null, string born = "15/03/1998",
        string gender = "Nữ", string ethnicity = "Tày", string? email = null) =>
        [name, born, gender, ethnicity, cccd, null, email, $"26/03/{int.Parse(born[^4..]) + 17}", card];
}
