using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DoanKhoi.Security;
using DoanKhoi.Testing;

namespace DoanKhoi.Activities.Tests;

public class MovementsTests(ActivitiesApiFactory factory) : IClassFixture<ActivitiesApiFactory>
{
    [Fact]
    public async Task Any_post_reads_the_movements_and_nobody_without_a_token()
    {
        var member = factory.CreateClient().As(Post.OfMember(Guid.NewGuid()));

        var movements = await member.GetFromJsonAsync<JsonElement>("/movements");

        Assert.True(movements.GetArrayLength() > 0);
        await (await factory.CreateClient().Anonymous().GetAsync("/movements")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_without_a_DoanKhoi_scope_is_refused_with_the_reason()
    {
        var client = factory.CreateClient().As(TestTokens.Create([Post.Bloc(Role.BlocOffice)], ["openid"]));

        var problem = await (await client.GetAsync("/movements")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        Assert.Contains("doankhoi.read", problem.GetProperty("detail").GetString());
    }
}
