using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace DoanKhoi.Problems;

/// <summary>Which language a refusal is said in: Vietnamese when the request prefers it
/// (<c>Accept-Language: vi</c>, as the portal sends), English otherwise, for integrators.</summary>
public static class ProblemLanguage
{
    public static bool WantsVietnamese(HttpRequest request)
    {
        // q=0 says "not this one" (RFC 9110 §12.4.2).
        var preferred = request.GetTypedHeaders().AcceptLanguage.Where(l => l.Quality is not 0).OrderByDescending(l => l.Quality ?? 1).FirstOrDefault();
        return preferred?.Value.Value is { } tag && (tag.Equals("vi", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("vi-", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The service's Vietnamese catalogue when the request prefers Vietnamese; null (English) otherwise.
    /// For what an endpoint answers in its body rather than as a problem (an import's refused rows).</summary>
    public static ProblemCatalogue? CatalogueFor(HttpContext http) =>
        WantsVietnamese(http.Request) ? http.RequestServices.GetRequiredService<ProblemCatalogues>().Vietnamese : null;

    /// <summary>A 404's detail in Vietnamese: what was asked for, named as the bloc names it.</summary>
    public static string VietnameseNotFound(NotFoundException e)
    {
        var what = e.What switch
        {
            "member" => "đoàn viên", "unit" => "cơ sở Đoàn", "cluster" => "cụm thi đua", "branch" => "chi đoàn",
            "transfer" => "giấy giới thiệu chuyển sinh hoạt", "account" => "tài khoản", _ => e.What,
        };
        return $"Không tìm thấy {what} mã '{e.Id}', hoặc bạn không được xem.";
    }

    /// <summary>The problem's title in Vietnamese, by its status.</summary>
    public static string? VietnameseTitle(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "Một số thông tin chưa hợp lệ",
        StatusCodes.Status403Forbidden => "Không được phép",
        StatusCodes.Status404NotFound => "Không tìm thấy",
        StatusCodes.Status409Conflict => "Trùng hoặc đã thay đổi",
        StatusCodes.Status413PayloadTooLarge => "Quá lớn",
        StatusCodes.Status415UnsupportedMediaType => "Không đọc được loại tệp này",
        StatusCodes.Status422UnprocessableEntity => "Trái với quy định",
        _ => null,
    };
}

/// <summary>Every catalogue the service registered, as one: built once.</summary>
public sealed class ProblemCatalogues(IEnumerable<ProblemCatalogue> catalogues)
{
    public ProblemCatalogue Vietnamese { get; } = ProblemCatalogue.Merge(catalogues);
}
