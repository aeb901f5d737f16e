using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace DoanKhoi.Problems;

/// <summary>How long each part of a problem may be. Messages can quote what the caller sent (a field
/// name, a value), so every problem a DoanKhoi process writes is cut to these bounds on its way out,
/// and the OpenAPI documents state them.</summary>
public static class ProblemBounds
{
    public const int TypeMaxLength = 200;
    public const int TitleMaxLength = 200;
    public const int DetailMaxLength = 2000;
    public const int InstanceMaxLength = 2000;

    /// <summary>The W3C trace id of the request (55 characters), or the server's request id.</summary>
    public const int TraceIdMaxLength = 100;

    /// <summary>Any other member (the gateway's <c>service</c>).</summary>
    public const int ExtensionMaxLength = 100;

    public const int MaxFields = 50;
    public const int FieldMaxLength = 200;
    public const int MaxMessagesPerField = 20;
    public const int MessageMaxLength = 1000;

    /// <summary>Cuts <paramref name="problem"/> to the bounds; fields beyond <see cref="MaxFields"/> are left out.</summary>
    public static void Apply(ProblemDetails problem)
    {
        problem.Type = Cut(problem.Type, TypeMaxLength);
        problem.Title = Cut(problem.Title, TitleMaxLength);
        problem.Detail = Cut(problem.Detail, DetailMaxLength);
        problem.Instance = Cut(problem.Instance, InstanceMaxLength);
        foreach (var (key, value) in problem.Extensions.ToList())
        {
            if (value is string text)
                problem.Extensions[key] = Cut(text, key == "traceId" ? TraceIdMaxLength : ExtensionMaxLength);
        }
        if (problem is HttpValidationProblemDetails { Errors: { Count: > 0 } errors })
        {
            var bounded = errors.Take(MaxFields).Select(e => (Field: Cut(e.Key, FieldMaxLength)!,
                Messages: e.Value.Take(MaxMessagesPerField).Select(m => Cut(m, MessageMaxLength)!).ToArray())).ToList();
            errors.Clear();
            foreach (var (field, messages) in bounded) errors.TryAdd(field, messages);
        }
    }

    /// <summary>The text, or its start and "…" when it is longer than <paramref name="max"/>; never
    /// splits a surrogate pair.</summary>
    public static string? Cut(string? text, int max)
    {
        if (text is null || text.Length <= max) return text;
        var length = max - 1;
        if (char.IsHighSurrogate(text[length - 1])) length--;
        return string.Concat(text.AsSpan(0, length), "…");
    }

    /// <summary>For <c>AddProblemDetails</c>: names the request in <c>instance</c> and applies the bounds.</summary>
    public static void Customize(ProblemDetailsContext context)
    {
        context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
        Apply(context.ProblemDetails);
    }
}
