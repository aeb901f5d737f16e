using System.Text.RegularExpressions;
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
        ProblemDetails? problem = exception switch
        {
            DbUpdateConcurrencyException => new ProblemDetails
            {
                Status = 409, Title = "Conflict",
                Detail = "Someone else changed this record at the same time. Reload it and try again.",
            },
            DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg } => UniqueViolation(pg),
            DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation } } => new ProblemDetails
            {
                Status = 409, Title = "Conflict",
                Detail = "A record this request refers to was removed meanwhile. Reload and try again.",
            },
            _ => null,
        };
        if (problem is null) return false;
        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails UniqueViolation(PostgresException pg)
    {
        // Detail reads: Key (code)=(DCS-01) already exists.
        var match = KeyDetail().Match(pg.Detail ?? "");
        var field = match.Success ? match.Groups["field"].Value : "body";
        var message = match.Success
            ? $"'{match.Groups["value"].Value}' is already taken: {field} must be unique."
            : "A record with the same key already exists.";
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [ToCamelCase(field)] = [message] })
        {
            Status = 409, Title = "Conflict", Detail = message,
        };
    }

    private static string ToCamelCase(string snake) =>
        string.Concat(snake.Split('_').Select((part, i) => i == 0 || part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));

    [GeneratedRegex(@"^Key \((?<field>[^)]+)\)=\((?<value>.*)\) already exists")]
    private static partial Regex KeyDetail();
}
