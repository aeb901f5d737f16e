using System.Text.Json;
using DoanKhoi.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DoanKhoi.Messaging.Tests;

/// <summary>The last guard against duplicates: what the database refuses becomes a 409 naming the field.</summary>
public class DatabaseExceptionHandlerTests
{
    private static async Task<(int Status, JsonElement Problem)> HandleAsync(Exception exception)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services, Response = { Body = new MemoryStream() } };
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
    public async Task A_record_changed_by_someone_else_meanwhile_is_a_409_that_says_to_reload()
    {
        var (status, problem) = await HandleAsync(new DbUpdateConcurrencyException("0 rows"));

        Assert.Equal(409, status);
        Assert.Contains("Reload", problem.GetProperty("detail").GetString());
    }
}
