using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Polly.Timeout;

namespace DoanKhoi.Web.Infrastructure;

/// <summary>What every typed client of the gateway shares: each request carries the signed-in person's
/// own access token, goes to <c>/api/&lt;service&gt;/</c> through the gateway, and an answer that is not a
/// success becomes an <see cref="ApiProblem"/> (a service that does not answer, too).</summary>
public abstract class GatewayClient(HttpClient http, PortalSession session, string service)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public string Service => service;

    /// <summary>The service's record of changes and security events, newest first (the bloc office).</summary>
    public Task<Clients.AuditPage> AuditAsync(Clients.AuditQuery query, CancellationToken ct = default) =>
        GetAsync<Clients.AuditPage>("audit" + AuditQueryOf(query, ("page", query.Page), ("pageSize", query.PageSize)), ct);

    /// <summary>The audit trail's filters as a query string (the list's and its export's), and <paramref name="more"/>.</summary>
    public static string AuditQueryOf(Clients.AuditQuery query, params (string, object?)[] more) => Query(
        [("person", query.Person), ("entityType", query.EntityType), ("entityId", query.EntityId), ("action", query.Action), ("unitId", query.UnitId),
            ("from", query.From), ("to", query.To), .. more]);

    /// <summary>A file the API makes (an export, the import template), streamed to the person's browser.</summary>
    public Task<HttpResponseMessage> FileAsync(string pathAndQuery, CancellationToken ct = default) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, Url(pathAndQuery)), ct, HttpCompletionOption.ResponseHeadersRead);

    protected async Task<T> GetAsync<T>(string path, CancellationToken ct)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, Url(path)), ct);
        return (await response.Content.ReadFromJsonAsync<T>(Json, ct))!;
    }

    protected async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var response = await SendAsync(new HttpRequestMessage(method, Url(path)) { Content = body is null ? null : JsonContent.Create(body, options: Json) }, ct);
        return (await response.Content.ReadFromJsonAsync<T>(Json, ct))!;
    }

    protected async Task SendAsync(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var response = await SendAsync(new HttpRequestMessage(method, Url(path)) { Content = body is null ? null : JsonContent.Create(body, options: Json) }, ct);
    }

    /// <summary>Sends with the person's token; the caller disposes the answer (a file is read as a stream).</summary>
    /// <summary>Posts a file as the form field 'file', the way every service takes photos and documents.</summary>
    protected async Task<T> UploadAsync<T>(string path, Stream file, string fileName, CancellationToken ct)
    {
        using var content = new MultipartFormDataContent { { new StreamContent(file), "file", fileName } };
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Post, Url(path)) { Content = content }, ct);
        return (await response.Content.ReadFromJsonAsync<T>(Json, ct))!;
    }

    protected async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(ct));
        request.Headers.AcceptLanguage.ParseAdd("vi");
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, completion, ct);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            throw ApiProblem.Unreachable(service);
        }
        if (response.IsSuccessStatusCode) return response;
        using (response) throw await ApiProblem.FromAsync(response, service, ct);
    }

    private async Task<string> TokenAsync(CancellationToken ct)
    {
        try
        {
            return await session.AccessTokenAsync(ct);
        }
        catch (HttpRequestException)
        {
            throw ApiProblem.Unreachable("identity");
        }
        catch (SessionEndedException)
        {
            throw ApiProblem.SessionEnded(service);
        }
    }

    protected string Url(string path) => $"/api/{service}/{path.TrimStart('/')}";

    /// <summary>A query string from the values that are set, escaped.</summary>
    protected static string Query(params (string Name, object? Value)[] parameters)
    {
        var parts = parameters
            .Where(p => p.Value is not null && (p.Value is not string s || s.Length > 0))
            .Select(p => $"{p.Name}={Uri.EscapeDataString(Format(p.Value!))}")
            .ToList();
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }

    private static string Format(object value) => value switch
    {
        DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString()!,
    };
}
