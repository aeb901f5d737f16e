using DoanKhoi.Text;

namespace DoanKhoi.Web.Infrastructure;

// The inspection service's words in Vietnamese: kinds, states, severities, measures, reminders.
public static partial class Labels
{
    /// <summary>The kinds of inspection, in the order the committee most often plans them.</summary>
    public static readonly string[] InspectionKinds = ["thematic", "supervision", "regular", "unscheduled", "onSignsOfViolation"];

    public static string DisciplinaryMeasure(string measure) => measure switch
    {
        "reprimand" => "Khiển trách",
        "warning" => "Cảnh cáo",
        "removalFromPost" => "Cách chức",
        "expulsion" => "Khai trừ",
        _ => measure,
    };

    public static string InspectionKind(string kind) => kind switch
    {
        "regular" => "Kiểm tra thường xuyên",
        "thematic" => "Kiểm tra chuyên đề",
        "unscheduled" => "Kiểm tra đột xuất",
        "onSignsOfViolation" => "Kiểm tra khi có dấu hiệu vi phạm",
        "supervision" => "Giám sát",
        _ => kind,
    };

    public static string InspectionStatus(string status) => InspectionWords.InspectionStatus(status);

    /// <summary>Who a follow-up reminder of a recommendation went to, and why.</summary>
    public static string EscalationStage(string stage) => stage switch
    {
        "secretary" => "Nhắc đơn vị: sắp đến hạn",
        "clusterLead" => "Báo cụm trưởng: đã quá hạn",
        "blocOffice" => "Báo Văn phòng Đoàn Khối: quá hạn một tuần",
        _ => stage,
    };

    /// <summary>How far a subject's assessment has come in an inspection over many units.</summary>
    public static string AssessmentStage(string stage) => stage switch
    {
        "notStarted" => "Chưa kiểm tra",
        "inspecting" => "Đang kiểm tra",
        "assessed" => "Đã đánh giá",
        _ => stage,
    };

    public static string Severity(string severity) => severity switch
    {
        "minor" => "Nhẹ",
        "notable" => "Đáng lưu ý",
        "serious" => "Nghiêm trọng",
        _ => severity,
    };

    public static string RecommendationStatus(string status) => InspectionWords.RecommendationStatus(status);
}
