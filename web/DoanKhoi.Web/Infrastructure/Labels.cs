using System.Globalization;
using DoanKhoi.Security;
using DoanKhoi.Text;

namespace DoanKhoi.Web.Infrastructure;

/// <summary>The API's words in Vietnamese, and dates and times as people here write them: dd/MM/yyyy,
/// in Vietnam time.</summary>
public static partial class Labels
{
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Vietnamese sort order (ă after a, đ after d, tones after the base letter).</summary>
    public static readonly StringComparer Order = StringComparer.Create(Vietnamese, CompareOptions.None);

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "";

    public static string Time(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, VietnamTime.Zone).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    public static string Number(int n) => n.ToString("N0", Vietnamese);
    public static string Number(long n) => n.ToString("N0", Vietnamese);

    public static string MemberStatus(string status) => status switch
    {
        "active" => "Đang sinh hoạt",
        "inTransfer" => "Đang chuyển sinh hoạt",
        "matured" => "Đã trưởng thành Đoàn",
        "left" => "Đã ra khỏi danh sách",
        _ => status,
    };

    public static string PartyStatus(string status) => status switch
    {
        "none" => "Chưa",
        "recommended" => "Đã giới thiệu cho Đảng",
        "partyMember" => "Đảng viên",
        _ => status,
    };

    public static string ActivityStatus(string status) => status switch
    {
        "planned" => "Dự kiến",
        "held" => "Đã tổ chức",
        "cancelled" => "Đã hủy",
        _ => status,
    };

    public static string Attendance(string attendance) => attendance switch
    {
        "registered" => "Đã đăng ký",
        "attended" => "Có mặt",
        "absent" => "Vắng",
        "excused" => "Vắng có phép",
        _ => attendance,
    };

    public static string DutyState(string state) => state switch
    {
        "met" => "Đã đạt",
        "pending" => "Chưa đến hạn",
        "missed" => "Chưa đạt",
        _ => state,
    };

    public static string IdeaStatus(string status) => status switch
    {
        "submitted" => "Chờ xét",
        "accepted" => "Được công nhận",
        "rejected" => "Không công nhận",
        "applied" => "Đã áp dụng",
        _ => status,
    };

    public static string IdeaField(string field) => field switch
    {
        "professional-work" => "Công tác chuyên môn",
        "labour" => "Lao động",
        "production" => "Sản xuất",
        "union-work" => "Công tác Đoàn",
        _ => field,
    };

    public static string Gender(string gender) => gender switch { "male" => "Nam", "female" => "Nữ", _ => gender };

    public static string UnitKind(string kind) => kind switch
    {
        "agency" => "Cơ quan",
        "enterprise" => "Doanh nghiệp",
        "school" => "Trường học",
        _ => kind,
    };

    public static string UnitStatus(string status) => status switch { "open" => "Đang hoạt động", "closed" => "Đã giải thể", _ => status };

    public static string UnionPost(string? post) => post switch
    {
        "secretary" => "Bí thư",
        "deputySecretary" => "Phó Bí thư",
        "committeeMember" => "Ủy viên BCH",
        null => "",
        _ => post,
    };

    public static string TransferStatus(string status) => status switch
    {
        "pending" => "Chờ tiếp nhận",
        "accepted" => "Đã tiếp nhận",
        "rejected" => "Bị từ chối",
        "withdrawn" => "Đã rút lại",
        _ => status,
    };

    public static string MemberChange(string change) => change switch
    {
        "registered" => "Ghi nhận vào danh sách",
        "admitted" => "Kết nạp Đoàn",
        "profileCorrected" => "Sửa hồ sơ",
        "contactCorrected" => "Sửa liên lạc",
        "postsChanged" => "Thay đổi chức vụ",
        "transferIssued" => "Giới thiệu chuyển sinh hoạt",
        "transferred" => "Chuyển sinh hoạt Đoàn",
        "transferRejected" => "Đơn vị nhận từ chối",
        "transferWithdrawn" => "Rút giấy giới thiệu",
        "matured" => "Trưởng thành Đoàn",
        "left" => "Ra khỏi danh sách",
        "recommendedToParty" => "Giới thiệu đoàn viên ưu tú cho Đảng",
        "admittedToParty" => "Kết nạp Đảng",
        "notAdmittedToParty" => "Chưa được kết nạp Đảng",
        "disciplined" => "Bị kỷ luật",
        "disciplineAnnulled" => "Quyết định kỷ luật bị hủy",
        _ => change,
    };

    public static string LeaveReason(string reason) => reason switch
    {
        "transferredOut" => "Chuyển sinh hoạt ra ngoài Đoàn Khối",
        "movedAway" => "Chuyển đi nơi khác, thôi công tác",
        "removed" => "Xóa tên",
        "expelled" => "Khai trừ",
        "deceased" => "Từ trần",
        _ => reason,
    };

    public static string Grade(string? grade) => grade switch
    {
        "excellent" => "Hoàn thành xuất sắc nhiệm vụ",
        "good" => "Hoàn thành tốt nhiệm vụ",
        "pass" => "Hoàn thành nhiệm vụ",
        "fail" => "Không hoàn thành nhiệm vụ",
        null => "Chưa xếp loại",
        _ => grade,
    };

    /// <summary>A figure of the board: a share as "85,5%", a count as "4.500" (up to two decimals).</summary>
    public static string Figure(decimal? value, bool share) => value switch
    {
        null => "—",
        { } v when share => v.ToString("0.##", Vietnamese) + "%",
        { } v => v.ToString("#,##0.##", Vietnamese),
    };

    /// <summary>A measure's goal: "≥ 4.500", "≥ 100%", "≤ 0".</summary>
    public static string Goal(decimal? atLeast, decimal? atMost, bool share) =>
        atLeast is { } least ? $"≥ {Figure(least, share)}" : atMost is { } most ? $"≤ {Figure(most, share)}" : "—";

    /// <summary>Where a figure stands against its goal and its pace.</summary>
    public static string FigureStatus(string status) => status switch
    {
        "met" => "Đạt",
        "onTrack" => "Đúng tiến độ",
        "behind" => "Chậm tiến độ",
        "notMet" => "Không đạt",
        "contribution" => "Đóng góp",
        _ => status,
    };

    /// <summary>Who must reach a measure's threshold: "Mỗi cơ sở ít nhất 2", "Mỗi cụm ít nhất 1"; nothing for a measure of the whole.</summary>
    public static string Each(string? each, int? atLeast, string? quota) => each switch
    {
        "unit" when quota == "ideas" => "Mỗi cơ sở đạt chỉ tiêu ý tưởng được giao",
        "unit" => $"Mỗi cơ sở ít nhất {atLeast ?? 1}",
        "cluster" => $"Mỗi cụm ít nhất {atLeast ?? 1}",
        _ => "",
    };

    /// <summary>What a measure counts from, said to the person reading the programme.</summary>
    public static string FactSource(string source) => source switch
    {
        "activities" => "Hoạt động đã tổ chức",
        "quantity" => "Số lượng ghi với hoạt động",
        "attendances" => "Đoàn viên tham gia hoạt động",
        "ideas" => "Ý tưởng sáng tạo được công nhận",
        "admissions" => "Kết nạp đoàn viên",
        "party-recommendations" => "Giới thiệu đoàn viên ưu tú cho Đảng",
        "member-grades" => "Xếp loại đoàn viên",
        "unit-grades" => "Xếp loại cơ sở Đoàn",
        "members" => "Đoàn viên",
        "youths" => "Thanh niên đơn vị báo cáo",
        "inspections" => "Kiểm tra, giám sát",
        "reported" => "Số liệu báo cáo",
        _ => source,
    };

    public static string RecordKind(string kind) => kind switch
    {
        "activity" => "Hoạt động",
        "member" => "Đoàn viên",
        "idea" => "Ý tưởng",
        "unit" => "Cơ sở Đoàn",
        "cluster" => "Cụm thi đua",
        _ => kind,
    };

    /// <summary>Where a unit or cluster stands with one report of the calendar; "đã duyệt" once the bloc office accepted it.</summary>
    public static string CalendarState(string state, bool accepted = false) => state switch
    {
        "onTime" => accepted ? "Đúng hạn, đã duyệt" : "Đúng hạn",
        "late" => accepted ? "Muộn, đã duyệt" : "Nộp muộn",
        "missing" => "Chưa nộp (quá hạn)",
        "returned" => "Trả lại để sửa",
        "pending" => "Chưa đến hạn",
        "exempt" => "Không áp dụng",
        _ => state,
    };

    /// <summary>A report sent, as the bloc office left it.</summary>
    public static string ReportStatus(string state) => state switch
    {
        "submitted" => "Đã gửi, chờ duyệt",
        "returned" => "Bị trả lại để sửa",
        "accepted" => "Đã duyệt",
        _ => state,
    };

    public static string ReminderStage(string stage) => stage switch
    {
        "before" => "Sắp đến hạn",
        "due" => "Đến hạn hôm nay",
        "after" => "Đã quá hạn",
        _ => stage,
    };

    /// <summary>A report's deadline as the Union writes it: the end of its due day.</summary>
    public static string Deadline(DateOnly due) => $"Hạn nộp 23:59 ngày {Date(due)}";

    /// <summary>Points of the scoreboard: "8,75".</summary>
    public static string Points(decimal? points) => points is { } p ? p.ToString("0.##", Vietnamese) : "—";

    /// <summary>A file's size: "850 KB", "2,4 MB".</summary>
    public static string FileSize(long bytes) =>
        bytes >= 1024 * 1024 ? (bytes / 1024d / 1024d).ToString("0.#", Vietnamese) + " MB" : Math.Max(1, (bytes + 1023) / 1024).ToString(Vietnamese) + " KB";

    public static string RoleName(Role role) => role.VietnameseName();
}
