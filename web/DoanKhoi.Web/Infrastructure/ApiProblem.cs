using System.Net;
using System.Text.Json;

namespace DoanKhoi.Web.Infrastructure;

/// <summary>What an API answered instead of doing what was asked: its RFC 9457 problem details, with
/// the fields at fault. <see cref="Unavailable"/> when the service (or the gateway) did not answer.</summary>
public sealed class ApiProblem(int status, string title, string? detail, IReadOnlyDictionary<string, string[]> errors, string service)
    : Exception(detail ?? title)
{
    public int Status { get; } = status;
    public string Title { get; } = title;
    public string? Detail { get; } = detail;
    public string Service { get; } = service;

    /// <summary>Each field at fault, by the name the API gives it (camelCase, e.g. <c>dateOfBirth</c>), with its messages.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public bool Unavailable => Status is (int)HttpStatusCode.BadGateway or (int)HttpStatusCode.ServiceUnavailable or (int)HttpStatusCode.GatewayTimeout;

    /// <summary>The messages of one field, if the API named it: <c>"fullName"</c>, <c>"posts[0]"</c>.</summary>
    public string? ErrorOf(string field) =>
        Errors.FirstOrDefault(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } messages
            ? string.Join(" ", messages)
            : null;

    /// <summary>What to tell the person in one sentence, in Vietnamese where the portal knows better words.</summary>
    public override string Message => Status switch
    {
        _ when Unavailable => $"Dịch vụ {ServiceName(Service)} tạm thời không trả lời. Dữ liệu của bạn không bị thay đổi; hãy thử lại sau ít phút.",
        (int)HttpStatusCode.Unauthorized => "Phiên đăng nhập đã hết. Hãy đăng nhập lại.",
        (int)HttpStatusCode.Forbidden => Detail is { Length: > 0 } d ? $"Bạn không có quyền làm việc này. ({d})" : "Bạn không có quyền làm việc này.",
        (int)HttpStatusCode.NotFound => "Không tìm thấy, hoặc nằm ngoài phạm vi bạn được xem.",
        (int)HttpStatusCode.TooManyRequests => "Bạn gửi quá nhiều yêu cầu trong một phút. Hãy chờ một chút rồi thử lại.",
        _ when Errors.Count > 0 => Detail is { Length: > 0 } d && !d.StartsWith("One or more", StringComparison.Ordinal) ? d : "Một số ô chưa đúng: xem ghi chú đỏ bên cạnh từng ô.",
        >= 500 => "Hệ thống gặp lỗi khi xử lý yêu cầu. Dữ liệu không bị thay đổi; hãy thử lại, và báo Văn phòng nếu lỗi lặp lại.",
        _ => Detail ?? Title,
    };

    public static string ServiceName(string service) => service switch
    {
        "membership" => "hội viên và tổ chức",
        "identity" => "tài khoản",
        "activities" => "hoạt động",
        "reporting" => "báo cáo",
        "inspection" => "kiểm tra",
        _ => service,
    };

    /// <summary>The person's session ended: they sign in again (the page offers the link).</summary>
    public static ApiProblem SessionEnded(string service) =>
        new((int)HttpStatusCode.Unauthorized, "Unauthorized", null, new Dictionary<string, string[]>(), service);

    public static ApiProblem Unreachable(string service) =>
        new((int)HttpStatusCode.ServiceUnavailable, "Service Unavailable", null, new Dictionary<string, string[]>(), service);

    public static async Task<ApiProblem> FromAsync(HttpResponseMessage response, string service, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        string title = response.ReasonPhrase ?? status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string? detail = null;
        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        try
        {
            if (response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
            {
                using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
                var root = document.RootElement;
                if (root.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String) title = t.GetString()!;
                if (root.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String) detail = d.GetString();
                if (root.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object)
                    foreach (var field in e.EnumerateObject())
                        errors[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                            ? field.Value.EnumerateArray().Select(m => m.ToString()).ToArray()
                            : [field.Value.ToString()];
            }
        }
        catch (JsonException)
        {
            // Not problem details after all: the status says enough.
        }
        return new ApiProblem(status, title, detail, errors, service);
    }
}
