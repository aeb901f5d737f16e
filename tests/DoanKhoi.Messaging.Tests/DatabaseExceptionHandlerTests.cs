using System.Text.Json;
using DoanKhoi.Problems;
using DoanKhoi.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DoanKhoi.Messaging.Tests;

/// <summary>The last guard against duplicates: what the database refuses becomes a 409 naming the field.</summary>
public class DatabaseExceptionHandlerTests
{
    private static async Task<(int Status, JsonElement Problem)> HandleAsync(Exception exception, string? language = null)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails()
            .AddSingleton(SharedVietnameseProblems.Catalogue).AddSingleton<ProblemCatalogues>().BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services, Response = { Body = new MemoryStream() } };
        if (language is not null) http.Request.Headers.AcceptLanguage = language;
        var handled = await new DatabaseExceptionHandler(services.GetRequiredService<IProblemDetailsService>())
            .TryHandleAsync(http, exception, CancellationToken.None);
        Assert.True(handled);
        http.Response.Body.Position = 0;
        return (http.Response.StatusCode, JsonDocument.Parse(http.Response.Body).RootElement);
    }

    [Fact]
    public async Task A_unique_key_taken_meanwhile_is_a_409_naming_the_field_and_the_value()
    {
        var duplicate = new PostgresException("duplicate key value violates unique constraint \"ix_units_code\"", "ERROR", "ERROR",
            PostgresErrorCodes.UniqueViolation, detail: "Key (code)=(DTN-SYT) already exists.");

        var (status, problem) = await HandleAsync(new DbUpdateException("save failed", duplicate));

        Assert.Equal(409, status);
        Assert.Equal(["'DTN-SYT' is already taken: code must be unique."], problem.FieldErrors("code"));
    }

    [Fact]
    public async Task The_portal_is_told_in_Vietnamese()
    {
        var duplicate = new PostgresException("duplicate key value violates unique constraint \"ix_units_code\"", "ERROR", "ERROR",
            PostgresErrorCodes.UniqueViolation, detail: "Key (code)=(DTN-SYT) already exists.");

        var (_, taken) = await HandleAsync(new DbUpdateException("save failed", duplicate), "vi-VN,vi;q=0.9,en;q=0.5");
        var (_, changed) = await HandleAsync(new DbUpdateConcurrencyException("0 rows"), "vi");

        Assert.Equal(["'DTN-SYT' đã được dùng: code không được trùng."], taken.FieldErrors("code"));
        Assert.Equal("Trùng hoặc đã thay đổi", taken.GetProperty("title").GetString());
        Assert.Equal("Người khác vừa sửa bản ghi này cùng lúc. Hãy tải lại rồi thử lại.", changed.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_request_that_refuses_Vietnamese_is_told_in_English()
    {
        var (_, changed) = await HandleAsync(new DbUpdateConcurrencyException("0 rows"), "vi;q=0");

        Assert.Equal("Someone else changed this record at the same time. Reload it and try again.", changed.GetProperty("detail").GetString());
        Assert.Equal("Conflict", changed.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_record_changed_by_someone_else_meanwhile_is_a_409_that_says_to_reload()
    {
        var (status, problem) = await HandleAsync(new DbUpdateConcurrencyException("0 rows"));

        Assert.Equal(409, status);
        Assert.Contains("Reload", problem.GetProperty("detail").GetString());
    }
}
