using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace DoanKhoi.Testing;

/// <summary>Reads an RFC 9457 problem response and checks what a caller relies on.</summary>
public static class ProblemAssertions
{
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        return problem;
    }

    /// <summary>The messages the problem gives for one field; fails when the field is not named.</summary>
    public static string[] FieldErrors(this JsonElement problem, string field)
    {
        Assert.True(problem.TryGetProperty("errors", out var errors), $"The problem names no fields: {problem}");
        Assert.True(errors.TryGetProperty(field, out var messages), $"The problem does not name '{field}': {errors}");
        return messages.EnumerateArray().Select(m => m.GetString()!).ToArray();
    }

    /// <summary>Fails unless the problem names each of <paramref name="fields"/>, each with a message.</summary>
    public static void ShouldNameFields(this JsonElement problem, params string[] fields)
    {
        foreach (var field in fields) Assert.NotEmpty(problem.FieldErrors(field));
    }

    public static Task<T?> ReadAsync<T>(this HttpResponseMessage response) => response.Content.ReadFromJsonAsync<T>(Json);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
