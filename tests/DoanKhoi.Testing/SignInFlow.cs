using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.IdentityModel.Tokens;

namespace DoanKhoi.Testing;

/// <summary>What a front-end does to get tokens from the identity service: authorization code with
/// PKCE through the sign-in page, refresh, revoke; and what a system does: client credentials.
/// <paramref name="http"/> must not follow redirects and must keep cookies.</summary>
public sealed partial class SignInFlow(HttpClient http, string basePath = "")
{
    public const string CliClient = "doankhoi-cli";
    public const string CliRedirectUri = "http://localhost/doankhoi-cli/callback";
    public const string PersonScopes = "openid offline_access doankhoi.read doankhoi.write";

    /// <summary>Signs in on the sign-in page and exchanges the code; throws with the page's answer if a step fails.</summary>
    public async Task<TokenResponse> SignInAsync(string userName, string password, string scope = PersonScopes)
    {
        var (code, verifier) = await GetCodeAsync(userName, password, scope);
        return await TokenAsync(new()
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = CliRedirectUri,
            ["client_id"] = CliClient, ["code_verifier"] = verifier,
        });
    }

    public async Task<(string Code, string Verifier)> GetCodeAsync(string userName, string password, string scope = PersonScopes)
    {
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier)));
        var authorize = $"{basePath}/connect/authorize?client_id={CliClient}&response_type=code&redirect_uri={Uri.EscapeDataString(CliRedirectUri)}" +
                        $"&scope={Uri.EscapeDataString(scope)}&code_challenge={challenge}&code_challenge_method=S256&state=s1";

        var toSignIn = await Expect(await http.GetAsync(authorize), HttpStatusCode.Redirect);
        var page = await http.GetAsync(toSignIn);
        var html = await page.Content.ReadAsStringAsync();
        if (page.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"The sign-in page answered {page.StatusCode}: {html}");

        var signedIn = await PostSignInAsync(html, userName, password);
        var back = await Expect(signedIn, HttpStatusCode.Redirect);
        var withCode = await Expect(await http.GetAsync(back), HttpStatusCode.Redirect);
        var query = System.Web.HttpUtility.ParseQueryString(withCode.Query);
        return (query["code"] ?? throw new InvalidOperationException($"No code in {withCode}"), verifier);
    }

    /// <summary>Posts the sign-in form of <paramref name="html"/> (its antiforgery token and return address).</summary>
    public async Task<HttpResponseMessage> PostSignInAsync(string html, string userName, string password)
    {
        var form = HiddenInput().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        form["userName"] = userName;
        form["password"] = password;
        var action = WebUtility.HtmlDecode(FormAction().Match(html).Groups["action"].Value);
        return await http.PostAsync(action, new FormUrlEncodedContent(form));
    }

    public Task<TokenResponse> RefreshAsync(string refreshToken) =>
        TokenAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken, ["client_id"] = CliClient });

    public Task<TokenResponse> ClientCredentialsAsync(string clientId, string secret, string scope) =>
        TokenAsync(new() { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = scope });

    public async Task<HttpResponseMessage> RevokeAsync(string token) =>
        await http.PostAsync($"{basePath}/connect/revoke", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token, ["client_id"] = CliClient }));

    public async Task<TokenResponse> TokenAsync(Dictionary<string, string> form)
    {
        var response = await http.PostAsync($"{basePath}/connect/token", new FormUrlEncodedContent(form));
        var body = await response.Content.ReadFromJsonAsync<TokenResponse>() ?? new TokenResponse();
        return body with { Status = response.StatusCode };
    }

    private static async Task<Uri> Expect(HttpResponseMessage response, HttpStatusCode status)
    {
        if (response.StatusCode != status || response.Headers.Location is null)
            throw new InvalidOperationException($"Expected {status} with a Location, got {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response.Headers.Location.IsAbsoluteUri ? response.Headers.Location : new Uri(response.RequestMessage!.RequestUri!, response.Headers.Location);
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]*)\" value=\"(?<value>[^\"]*)\">")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("<form method=\"post\" action=\"(?<action>[^\"]*)\"")]
    private static partial Regex FormAction();
}

public sealed record TokenResponse
{
    [JsonIgnore] public HttpStatusCode Status { get; init; }
    [JsonPropertyName("access_token")] public string? AccessToken { get; init; }
    [JsonPropertyName("refresh_token")] public string? RefreshToken { get; init; }
    [JsonPropertyName("id_token")] public string? IdToken { get; init; }
    [JsonPropertyName("expires_in")] public int? ExpiresIn { get; init; }
    [JsonPropertyName("scope")] public string? Scope { get; init; }
    [JsonPropertyName("error")] public string? Error { get; init; }
    [JsonPropertyName("error_description")] public string? ErrorDescription { get; init; }
}
