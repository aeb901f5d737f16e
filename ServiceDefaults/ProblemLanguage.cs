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
        var languages = request.GetTypedHeaders().AcceptLanguage;
        if (languages is not { Count: > 0 }) return false;
        var preferred = languages.OrderByDescending(l => l.Quality ?? 1).First();
        return preferred.Value.Value is { } tag && (tag.Equals("vi", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("vi-", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The service's Vietnamese catalogue when the request prefers Vietnamese; null (English) otherwise.
    /// For what an endpoint answers in its body rather than as a problem (an import's refused rows).</summary>
    public static ProblemCatalogue? CatalogueFor(HttpContext http) =>
        WantsVietnamese(http.Request) ? http.RequestServices.GetRequiredService<ProblemCatalogues>().Vietnamese : null;

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
