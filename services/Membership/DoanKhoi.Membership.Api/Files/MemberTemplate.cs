using DoanKhoi.Files;
using CsvHelper;
using MiniExcelLibs;

namespace DoanKhoi.Membership.Files;

/// <summary>The member sheet a unit fills in, written from <see cref="MemberColumns"/>: the headers with a
/// sample row, and a second sheet that explains each column. The repository keeps a copy
/// (samples/members-template.xlsx, samples/members-sample.csv) that a test holds to this code.</summary>
public static class MemberTemplate
{
    public const string MembersSheet = "Đoàn viên";
    public const string GuideSheet = "Hướng dẫn";

    /// <summary>The template's columns: one unit column (by code or name) is enough.</summary>
    public static readonly IReadOnlyList<MemberColumn> Columns = MemberColumns.Imported.Where(c => c != MemberColumns.UnitCode).ToList();

    public static readonly IReadOnlyList<string> GuideHeaders = ["Cột", "Bắt buộc", "Cách ghi", "Cũng nhận các tên cột", "Ví dụ"];

    /// <summary>Members as a sheet would list them (all Lạng Sơn-born, so their CCCDs start 020).</summary>
    public static readonly IReadOnlyList<string?[]> SampleRows =
    [
        Row("Hoàng Thị Thu Trang", "15/03/1998", "Nữ", "Tày", "020198001234", "0912345678", "trang.ht@langson.gov.vn", "26/03/2014", "DV0001", "", "Chi đoàn Văn phòng", "Bí thư", "01/01/2023", "x", ""),
        Row("Lăng Văn Hùng", "04/07/2001", "Nam", "Nùng", "020201005678", "0987654321", "", "26/03/2018", "DV0002", "", "Chi đoàn Văn phòng", "", "", "", ""),
        Row("Nguyễn Thị Mai", "20/11/1995", "Nữ", "Kinh", "020195004321", "", "mai.nt@langson.gov.vn", "26/03/2012", "", "", "", "", "", "", "Đảng viên"),
    ];

    private static string?[] Row(params string?[] cells) => cells;

    private static readonly Lazy<byte[]> XlsxBytes = new(BuildXlsx);
    private static readonly Lazy<byte[]> CsvBytes = new(() => BuildCsv(SampleRows.Take(1)));

    /// <summary>The .xlsx template: the headers and a sample row, then the guide.</summary>
    public static byte[] Xlsx => XlsxBytes.Value;

    /// <summary>The .csv template: the headers and a sample row, UTF-8 with a BOM.</summary>
    public static byte[] Csv => CsvBytes.Value;

    /// <summary>The sample file of the repository: the headers and every sample row.</summary>
    public static byte[] SampleCsv() => BuildCsv(SampleRows);

    /// <summary>The guide sheet's rows: each column, whether required, how to write it, its other spellings.</summary>
    public static IEnumerable<string?[]> GuideRows() =>
        Columns.Select(c => new[]
        {
            c.Header, c.Required ? "Bắt buộc" : "", c.Explanation, string.Join("; ", c.Spellings), c.Example,
        }).Append(
        [
            "", "", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Xóa dòng mẫu trước khi nhập. Ngày ghi dd/MM/yyyy hoặc dùng ô ngày tháng. Các cột theo thứ tự bất kỳ; dòng tiêu đề có thể nằm dưới vài dòng tên danh sách. Tối đa {SpreadsheetFile.MaxRows:N0} dòng, {SpreadsheetFile.MaxBytes / (1024 * 1024)} MB. Xem trước (preview) rồi mới nhập (commit)."), "", "",
        ]);

    private static byte[] BuildXlsx()
    {
        var headers = Columns.Select(c => c.Header).ToArray();
        var sheets = new Dictionary<string, object>
        {
            [MembersSheet] = TableFile.Sheet(headers, SampleRows.Take(1)),
            [GuideSheet] = TableFile.Sheet(GuideHeaders.ToArray(), GuideRows()),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, configuration: TableFile.Configuration(headers.Concat(GuideHeaders)));
        return stream.ToArray();
    }

    private static byte[] BuildCsv(IEnumerable<string?[]> rows)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, new CsvWriterOptions { WriteByteOrderMark = true }, leaveOpen: true))
        {
            csv.WriteRecord(Columns.Select(c => c.Header).ToArray());
            foreach (var row in rows) csv.WriteRecord(row.Select(c => c ?? "").ToArray());
        }
        return stream.ToArray();
    }
}
