using DoanKhoi.Inspection.Extensions;
using DoanKhoi.Problems;
using DoanKhoi.Testing;

namespace DoanKhoi.Inspection.Tests;

/// <summary>The inspection service's refusals have their Vietnamese, and each translation keeps its English's values.</summary>
public class VietnameseProblemsTests
{
    public static TheoryData<string, string> Entries() => CatalogueChecks.EntriesOf(VietnameseProblems.Catalogue);

    [Theory]
    [MemberData(nameof(Entries))]
    public void A_translation_says_only_the_values_its_English_has_and_formats(string english, string vietnamese) =>
        CatalogueChecks.ShouldSayOnlyItsValues(english, vietnamese);

    [Fact]
    public void Every_refusal_the_inspection_service_writes_can_be_said_in_Vietnamese() =>
        CatalogueChecks.ShouldTranslateEveryRefusal([VietnameseProblems.Catalogue, SharedVietnameseProblems.Catalogue], 20,
            "services/Inspection/DoanKhoi.Inspection.Api", "services/DoanKhoi.Messaging", "ServiceDefaults");
}
