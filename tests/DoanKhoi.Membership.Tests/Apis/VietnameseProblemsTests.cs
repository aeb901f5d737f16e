using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DoanKhoi.Membership.Extensions;
using DoanKhoi.Problems;
using DoanKhoi.Testing;

namespace DoanKhoi.Membership.Tests.Apis;

/// <summary>A refusal is said in Vietnamese to a request that asks for it (the portal does), field by field,
/// and in English to one that does not (an integrator's); the catalogue's translations keep their values.</summary>
public class VietnameseProblemsTests(MembershipApiFactory factory) : IClassFixture<MembershipApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _office = factory.CreateClient();
    private Guid _unit;

    public async Task InitializeAsync()
    {
        await factory.Database.ResetAsync();
        var cluster = (await (await _office.PostAsJsonAsync("/clusters", new { code = "CUM-VI", name = "Cụm Tiếng Việt" })).ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
        _unit = (await (await _office.PostAsJsonAsync("/units", new { code = "VI", name = "Đoàn Sở Ngoại vụ", kind = "agency", clusterId = cluster })).ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static readonly object Wrong = new
    {
        fullName = "Trang", dateOfBirth = "2099-01-01", gender = "x", ethnicity = "Kinh", citizenId = "0123",
        phone = "12345", email = "không-phải-thư", joinedUnionOn = "2015-03-26",
    };

    private async Task<(HttpResponseMessage Response, JsonElement Problem)> RegisterWrongAsync(string? language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/units/{_unit}/members") { Content = JsonContent.Create(Wrong) };
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        var response = await _office.SendAsync(request);
        return (response, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    [Theory]
    [InlineData("vi")]
    [InlineData("vi-VN,vi;q=0.9,en;q=0.5")]
    public async Task A_form_with_mistakes_is_answered_in_Vietnamese_field_by_field_when_asked(string language)
    {
        var (response, problem) = await RegisterWrongAsync(language);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("vi", response.Content.Headers.ContentLanguage.Single());
        Assert.Equal("Một số thông tin chưa hợp lệ", problem.GetProperty("title").GetString());
        var errors = problem.GetProperty("errors");
        Assert.Equal("Hãy ghi đầy đủ họ và tên, họ trước (ví dụ Hoàng Thị Thu Trang).", errors.GetProperty("fullName")[0].GetString());
        Assert.Equal("Ngày sinh 01/01/2099 chưa đến.", errors.GetProperty("dateOfBirth")[0].GetString());
        Assert.Equal("'x' không phải giới tính: ghi Nam hoặc Nữ.", errors.GetProperty("gender")[0].GetString());
        Assert.Equal("Số CCCD có 12 chữ số; số này có 4.", errors.GetProperty("citizenId")[0].GetString());
        Assert.StartsWith("'12345' không phải số di động Việt Nam", errors.GetProperty("phone")[0].GetString());
        Assert.StartsWith("'không-phải-thư' không phải địa chỉ thư điện tử", errors.GetProperty("email")[0].GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("en-US,en;q=0.9,vi;q=0.5")]
    public async Task An_integrator_who_does_not_ask_for_Vietnamese_is_answered_in_English(string? language)
    {
        var (response, problem) = await RegisterWrongAsync(language);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentLanguage);
        Assert.Equal("One or more fields are invalid", problem.GetProperty("title").GetString());
        Assert.Equal("The date of birth 01/01/2099 is in the future.", problem.GetProperty("errors").GetProperty("dateOfBirth")[0].GetString());
    }

    [Fact]
    public async Task A_broken_rule_is_said_in_Vietnamese_with_its_values()
    {
        var member = (await (await _office.PostAsJsonAsync($"/units/{_unit}/members", new
        {
            fullName = "Vi Thị Hoa", dateOfBirth = "1999-05-05", gender = "female", ethnicity = "Tày", joinedUnionOn = "2015-05-05",
        })).ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/members/{member}/party-admission") { Content = JsonContent.Create(new { admitted = true }) };
        request.Headers.AcceptLanguage.ParseAdd("vi");

        var response = await _office.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Trái với quy định", problem.GetProperty("title").GetString());
        Assert.Equal("Vi Thị Hoa chưa được giới thiệu cho Đảng; Đảng xem xét kết nạp đoàn viên đã được giới thiệu.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_record_that_is_not_there_is_named_in_Vietnamese()
    {
        var id = Guid.NewGuid();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/members/{id}");
        request.Headers.AcceptLanguage.ParseAdd("vi");

        var response = await _office.SendAsync(request);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("Không tìm thấy", problem.GetProperty("title").GetString());
        Assert.Equal($"Không tìm thấy đoàn viên mã '{id}', hoặc bạn không được xem.", problem.GetProperty("detail").GetString());
        Assert.Equal($"There is no member with id '{id}'.", (await (await _office.GetAsync($"/members/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound)).GetProperty("detail").GetString());
    }

    public static TheoryData<string, string> Entries() => CatalogueChecks.EntriesOf(VietnameseProblems.Catalogue, SharedVietnameseProblems.Catalogue);

    [Theory]
    [MemberData(nameof(Entries))]
    public void A_translation_says_only_the_values_its_English_has_and_formats(string english, string vietnamese) =>
        CatalogueChecks.ShouldSayOnlyItsValues(english, vietnamese);

    [Fact]
    public void Every_refusal_membership_writes_can_be_said_in_Vietnamese() =>
        CatalogueChecks.ShouldTranslateEveryRefusal([VietnameseProblems.Catalogue, SharedVietnameseProblems.Catalogue], 100,
            "services/Membership/DoanKhoi.Membership.Api", "services/DoanKhoi.Messaging", "ServiceDefaults");
}
