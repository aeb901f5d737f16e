using DoanKhoi.Problems;

namespace DoanKhoi.Reporting.Extensions;

/// <summary>The reporting service's refusals in Vietnamese, for the portal and anyone who asks with
/// <c>Accept-Language: vi</c>. Keyed by the English template (<see cref="ProblemText.Template"/>).</summary>
public static class VietnameseProblems
{
    public static readonly ProblemCatalogue Catalogue = new(new Dictionary<string, string>(StringComparer.Ordinal)
    {
    });
}
