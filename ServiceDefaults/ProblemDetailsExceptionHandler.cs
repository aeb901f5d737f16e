using System.Text.Json;
using DoanKhoi.Problems;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.Hosting;

/// <summary>Turns the failures of <see cref="DoanKhoi.Problems"/> and unreadable requests into problem
/// details. Anything else falls through to the default handler: a 500 without internals.</summary>
public sealed partial class ProblemDetailsExceptionHandler(IProblemDetailsService problems, DoanKhoi.Security.ISecurityEvents security, ILogger<ProblemDetailsExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        var catalogue = ProblemLanguage.CatalogueFor(http);
        string Say(RefusalException e) => e.Text.In(catalogue);
        ProblemDetails? problem = exception switch
        {
            ValidationFailedException e => Invalid(e.Texts, catalogue),
            BadHttpRequestException e => Unreadable(e, TakesFiles(http)),
            NotFoundException e => new ProblemDetails { Status = 404, Title = "Not found", Detail = catalogue is null ? e.Message : ProblemLanguage.VietnameseNotFound(e) },
            ForbiddenException e => WithField(new ProblemDetails { Status = 403, Title = "Not allowed", Detail = Say(e) }, e.Field, Say(e)),
            ConflictException e => WithField(new ProblemDetails { Status = 409, Title = "Conflict", Detail = Say(e) }, e.Field, Say(e)),
            DomainRuleException e => WithField(new ProblemDetails { Status = 422, Title = "The request breaks a rule", Detail = Say(e) }, e.Field, Say(e)),
            PayloadTooLargeException e => new ProblemDetails { Status = 413, Title = "Too large", Detail = Say(e) },
            UnsupportedMediaTypeException e => new ProblemDetails { Status = 415, Title = "Unsupported media type", Detail = Say(e) },
            _ => null,
        };
        if (problem is null) return false;

        logger.LogInformation("Request refused with {Status}: {Detail}", problem.Status, exception.Message);
        if (exception is ForbiddenException or OutOfReachException)
            await security.RefusedAsync(http, problem.Status!.Value, exception.Message);
        if (catalogue is not null)
        {
            problem.Title = ProblemLanguage.VietnameseTitle(problem.Status!.Value) ?? problem.Title;
            http.Response.Headers.ContentLanguage = "vi";
        }
        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    public static HttpValidationProblemDetails Invalid(IReadOnlyDictionary<string, string[]> errors) => new(errors.ToDictionary())
    {
        Status = 400,
        Title = "One or more fields are invalid",
        Detail = string.Join(" ", errors.SelectMany(e => e.Value)),
    };

    /// <summary>The fields at fault, each message in the catalogue's language (English without one).</summary>
    public static HttpValidationProblemDetails Invalid(IReadOnlyDictionary<string, ProblemText[]> texts, ProblemCatalogue? catalogue) =>
        Invalid(texts.ToDictionary(e => e.Key, e => e.Value.Select(t => t.In(catalogue)).ToArray()));

    private static ProblemDetails WithField(ProblemDetails problem, string? field, string message) =>
        field is null ? problem : new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = problem.Status, Title = problem.Title, Detail = problem.Detail,
        };

    /// <summary>Malformed JSON, a value of the wrong type, a missing body or content type.</summary>
    /// <summary>Whether the endpoint takes a file (multipart/form-data) rather than JSON.</summary>
    private static bool TakesFiles(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes.Contains("multipart/form-data") == true;

    private static ProblemDetails Unreadable(BadHttpRequestException e, bool takesFiles)
    {
        if (e.InnerException is JsonException unmapped && UnmappedMember().Match(unmapped.Message) is { Success: true } member)
        {
            var name = member.Groups["name"].Value;
            return Invalid(new Dictionary<string, string[]> { [name] = [$"'{name}' cannot be set by this request."] });
        }
        if (e.InnerException is JsonException json)
        {
            var where = json.LineNumber is { } line ? $" (line {line + 1}, position {json.BytePositionInLine + 1})" : "";
            var wrongType = json.Message.Contains("could not be converted", StringComparison.Ordinal);
            var field = wrongType ? JsonPathToField(json.Path) : "body";
            var message = wrongType && field != "body"
                ? $"The value of '{field}' has the wrong type{where}{ExpectedType(json.Message)}."
                : $"The request body is not valid JSON{where}.";
            return Invalid(new Dictionary<string, string[]> { [field] = [message] });
        }
        if (takesFiles && e.StatusCode == 415)
            return new ProblemDetails { Status = 415, Title = "Unsupported media type", Detail = "Send the file as multipart/form-data, in the form field 'file'." };
        if (takesFiles && e.StatusCode == 400 && e.Message.Contains("form", StringComparison.OrdinalIgnoreCase))
            return Invalid(new Dictionary<string, string[]> { ["file"] = ["Attach the spreadsheet (.xlsx or .csv) as the form field 'file' of a multipart/form-data request."] });
        if (takesFiles && e.StatusCode == 413)
            return new ProblemDetails { Status = 413, Title = "Too large", Detail = "The file is larger than this endpoint takes." };
        if (e.StatusCode == StatusCodes.Status400BadRequest && e.Message.Contains("no body was provided", StringComparison.OrdinalIgnoreCase))
            return Invalid(new Dictionary<string, string[]> { ["body"] = ["A JSON body is required."] });
        return new ProblemDetails
        {
            Status = e.StatusCode,
            Title = e.StatusCode == 415 ? "Unsupported media type" : "Bad request",
            Detail = e.StatusCode == 415 ? "Send the body as JSON with 'Content-Type: application/json'." : e.Message,
        };
    }

    /// <summary>"$.unit.name" → "unit.name"; "$" or nothing → "body".</summary>
    internal static string JsonPathToField(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return "body";
        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return field.Length == 0 ? "body" : char.ToLowerInvariant(field[0]) + field[1..];
    }

    /// <summary>System.Text.Json says "The JSON value could not be converted to System.Int32. Path: …";
    /// it names the enclosing type when a property's own type is not simple, so only simple types are told.</summary>
    private static string ExpectedType(string message)
    {
        var match = System.Text.RegularExpressions.Regex.Match(message, @"converted to (?:System\.)?(?<type>[\w.]+?)(?:\. |\.$|$)");
        var expected = match.Groups["type"].Value switch
        {
            "String" => "text",
            "Int32" or "Int64" or "Decimal" or "Double" or "Nullable`1[System.Int32]" => "a number",
            "Boolean" => "true or false",
            "Guid" or "Nullable`1[System.Guid]" => "an id (a GUID)",
            "DateOnly" or "Nullable`1[System.DateOnly]" => "a date (yyyy-MM-dd)",
            "DateTime" or "DateTimeOffset" => "a date and time (ISO 8601)",
            _ => null,
        };
        return expected is null ? "" : $": expected {expected}";
    }

    // System.Text.Json: "The JSON property 'status' could not be mapped to any .NET member contained in type '…'."
    [System.Text.RegularExpressions.GeneratedRegex("The JSON property '(?<name>[^']+)' could not be mapped")]
    private static partial System.Text.RegularExpressions.Regex UnmappedMember();
}
