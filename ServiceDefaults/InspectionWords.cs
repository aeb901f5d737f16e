namespace DoanKhoi.Text;

/// <summary>The Vietnamese names of an inspection's and a recommendation's states, keyed by the camelCase word the
/// inspection API answers with ("inProgress", "done"): one wording for the portal's pages and the service's
/// downloads alike. A word not known here is shown as it is.</summary>
public static class InspectionWords
{
    public static string InspectionStatus(string status) => status switch
    {
        "planned" => "Kế hoạch",
        "inProgress" => "Đang kiểm tra",
        "concluded" => "Đã kết luận",
        "cancelled" => "Đã hủy",
        _ => status,
    };

    public static string RecommendationStatus(string status) => status switch
    {
        "open" => "Chưa thực hiện",
        "inProgress" => "Đang thực hiện",
        "done" => "Chờ xác nhận",
        "closed" => "Đã hoàn thành",
        _ => status,
    };

    /// <summary>The API's word for a value of one of its enumerations: its name in camelCase.</summary>
    public static string Word<T>(T value) where T : struct, Enum => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
