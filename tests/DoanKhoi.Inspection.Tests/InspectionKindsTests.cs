using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DoanKhoi.Security;
using DoanKhoi.Testing;

namespace DoanKhoi.Inspection.Tests;

public class InspectionKindsTests(InspectionApiFactory factory) : IClassFixture<InspectionApiFactory>
{
    [Fact]
    public async Task The_inspection_committee_reads_the_kinds_and_nobody_without_a_token()
    {
        var committee = factory.CreateClient().As(Post.Bloc(Role.InspectionCommittee));

        var kinds = await committee.GetFromJsonAsync<JsonElement>("/kinds");

        Assert.True(kinds.GetArrayLength() > 0);
        await (await factory.CreateClient().Anonymous().GetAsync("/kinds")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public void Every_kind_fits_the_lengths_the_API_description_states() =>
        Assert.All(DoanKhoi.Inspection.Apis.InspectionKindsApi.Kinds, k =>
        {
            Assert.InRange(k.Id.Length, 1, DoanKhoi.Inspection.Apis.InspectionKindName.IdMaxLength);
            Assert.InRange(k.Name.Length, 1, DoanKhoi.Inspection.Apis.InspectionKindName.NameMaxLength);
            Assert.InRange(k.EnglishName.Length, 1, DoanKhoi.Inspection.Apis.InspectionKindName.NameMaxLength);
        });
}
