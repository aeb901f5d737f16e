using DoanKhoi.Files;
using System.Globalization;
using CsvHelper;
using DoanKhoi.Membership.Apis;
using MiniExcelLibs;

namespace DoanKhoi.Membership.Files;

/// <summary>The statistics and the movements as the bloc office sends them up the line: one sheet (.xlsx,
/// the counts as numbers, so that a spreadsheet adds them up) or a .csv (UTF-8 with a BOM), Vietnamese
/// headers, a row per group and the total last.</summary>
public static class StatisticsExport
{
    private static readonly string[] Counts =
        ["Tổng số đoàn viên", "Nữ", "Đảng viên", "Đã giới thiệu cho Đảng", "Cán bộ Đoàn", "16-20 tuổi", "21-25 tuổi", "26-30 tuổi", "Trên 30 tuổi"];

    private static readonly string[] Movements =
        ["Kết nạp", "Chuyển đến", "Chuyển đi", "Trưởng thành Đoàn", "Ra khỏi danh sách", "Giới thiệu cho Đảng", "Kết nạp Đảng"];

    /// <summary>The heading of the first column: what the rows are.</summary>
    public static string GroupHeader(string groupBy) => groupBy switch
    {
        "unit" => "Đơn vị",
        "gender" => "Giới tính",
        "ethnicity" => "Dân tộc",
        "ageBand" => "Độ tuổi",
        "partyStatus" => "Đảng",
        _ => "Cụm thi đua",
    };

    public static (string[] Headers, List<object?[]> Rows) Of(MemberStatistics statistics) =>
        ([GroupHeader(statistics.GroupBy), .. Counts],
         statistics.Rows.Append(statistics.Total).Select(r => new object?[]
         {
             TableFile.Neutralise(r.Label), r.Members, r.Women, r.PartyMembers, r.RecommendedToParty, r.Cadres,
             r.Aged16To20, r.Aged21To25, r.Aged26To30, r.AgedOver30,
         }).ToList());

    public static (string[] Headers, List<object?[]> Rows) Of(MemberMovements movements) =>
        ([GroupHeader(movements.GroupBy), .. Movements],
         movements.Rows.Append(movements.Total).Select(r => new object?[]
         {
             TableFile.Neutralise(r.Label), r.Admitted, r.TransferredIn, r.TransferredOut, r.Matured, r.Left, r.RecommendedToParty, r.AdmittedToParty,
         }).ToList());
}
