using System.Net;
using System.Text;
using DoanKhoi.Web.Infrastructure;

namespace DoanKhoi.Web.Tests;

/// <summary>What the portal makes of an API's refusal: the field errors by name, and one sentence a
/// secretary can act on.</summary>
public class ApiProblemTests
{
    private static Task<ApiProblem> FromAsync(HttpStatusCode status, string body, string mediaType = "application/problem+json") =>
        ApiProblem.FromAsync(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) }, "membership", default);

    [Fact]
    public async Task Field_errors_are_found_by_the_name_the_API_gives_the_field()
    {
        var problem = await FromAsync(HttpStatusCode.BadRequest, """
            {"title":"One or more validation errors occurred.","status":400,"errors":{"citizenId":["The CCCD has 12 digits."],"dateOfBirth":["Too young.","Not a date."]}}
            """);

        Assert.Equal("The CCCD has 12 digits.", problem.ErrorOf("citizenId"));
        Assert.Equal("Too young. Not a date.", problem.ErrorOf("DateOfBirth"));
        Assert.Null(problem.ErrorOf("fullName"));
        Assert.Equal("Một số ô chưa đúng: xem ghi chú đỏ bên cạnh từng ô.", problem.Message);
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task A_service_that_does_not_answer_is_named_and_the_person_told_nothing_changed(HttpStatusCode status)
    {
        var problem = await FromAsync(status, """{"title":"Service Unavailable","status":503,"service":"membership"}""");

        Assert.True(problem.Unavailable);
        Assert.Equal("Dịch vụ hội viên và tổ chức tạm thời không trả lời. Dữ liệu của bạn không bị thay đổi; hãy thử lại sau ít phút.", problem.Message);
    }

    [Fact]
    public async Task A_refusal_keeps_the_APIs_reason()
    {
        var problem = await FromAsync(HttpStatusCode.UnprocessableEntity, """{"title":"Unprocessable Entity","status":422,"detail":"The unit is closed: it takes no new members."}""");

        Assert.Equal("The unit is closed: it takes no new members.", problem.Message);
        Assert.False(problem.Unavailable);
    }

    [Fact]
    public async Task An_answer_that_is_not_problem_details_still_says_what_happened()
    {
        var problem = await FromAsync(HttpStatusCode.InternalServerError, "<html>oops</html>", "text/html");

        Assert.Equal(500, problem.Status);
        Assert.StartsWith("Hệ thống gặp lỗi", problem.Message);
    }
}
