using System.Text.RegularExpressions;
using DoanKhoi.Problems;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DoanKhoi.Messaging;

/// <summary>Turns what the database refused into a 409 problem: a unique key taken (the last guard
/// against duplicates, after the service's own checks) or a row changed by someone else meanwhile.</summary>
public sealed partial class DatabaseExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        var catalogue = ProblemLanguage.CatalogueFor(http);
        ProblemDetails? problem = exception switch
        {
            DbUpdateConcurrencyException => Conflict("Someone else changed this record at the same time. Reload it and try again.", catalogue),
            DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg } => UniqueViolation(pg, catalogue),
            DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation } } =>
                Conflict("A record this request refers to was removed meanwhile. Reload and try again.", catalogue),
            _ => null,
        };
        if (problem is null) return false;
        if (catalogue is not null)
        {
            problem.Title = ProblemLanguage.VietnameseTitle(StatusCodes.Status409Conflict);
            http.Response.Headers.ContentLanguage = "vi";
        }
        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails Conflict(ProblemText text, ProblemCatalogue? catalogue) =>
        new() { Status = StatusCodes.Status409Conflict, Title = "Conflict", Detail = text.In(catalogue) };

    private static ProblemDetails UniqueViolation(PostgresException pg, ProblemCatalogue? catalogue)
    {
        // Detail reads: Key (code)=(DCS-01) already exists.
        var match = KeyDetail().Match(pg.Detail ?? "");
        if (!match.Success) return Conflict("A record with the same key already exists.", catalogue);
        var (field, value) = (ToCamelCase(match.Groups["field"].Value), match.Groups["value"].Value);
        var message = ProblemText.Of($"'{value}' is already taken: {field} must be unique.").In(catalogue);
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status409Conflict, Title = "Conflict", Detail = message,
        };
    }

    private static string ToCamelCase(string snake) =>
        string.Concat(snake.Split('_').Select((part, i) => i == 0 || part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));

    [GeneratedRegex(@"^Key \((?<field>[^)]+)\)=\((?<value>.*)\) already exists")]
    private static partial Regex KeyDetail();
}
