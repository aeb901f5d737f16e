using System.Diagnostics;
using System.Text.Json;
using DoanKhoi.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DoanKhoi.Messaging.Audit;

public static class SecurityEntry
{
    /// <summary>A security event as an audit entry: <paramref name="subject"/> is what it concerns (an
    /// account name, a request), <paramref name="details"/> goes to the "after" values.</summary>
    public static AuditEntry Create(string actor, string entityType, string subject, AuditAction action, object details, DateTimeOffset at) => new()
    {
        OccurredAt = at,
        Actor = actor,
        EntityType = entityType,
        EntityId = subject.Length > 200 ? subject[..200] : subject,
        Action = action,
        After = JsonSerializer.Serialize(details, JsonSerializerOptions.Web),
        TraceId = Activity.Current?.TraceId.ToString(),
    };
}

/// <summary>Logs a refused request and writes it to the service's audit trail, in a transaction of its
/// own: the refused request changed nothing else.</summary>
public sealed class AuditedSecurityEvents<TContext>(IServiceScopeFactory scopes, LoggedSecurityEvents log, TimeProvider clock, ILogger<AuditedSecurityEvents<TContext>> logger) : ISecurityEvents
    where TContext : DbContext
{
    public async Task RefusedAsync(HttpContext http, int status, string reason)
    {
        await log.RefusedAsync(http, status, reason);
        var caller = new Caller(http.User);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TContext>();
            db.Set<AuditEntry>().Add(SecurityEntry.Create(
                caller.IsAuthenticated ? caller.AuditName : AuditActor.Anonymous, "Request",
                $"{http.Request.Method} {http.Request.PathBase}{http.Request.Path}", AuditAction.Refused,
                new { status, reason, address = http.Connection.RemoteIpAddress?.ToString() }, clock.GetUtcNow()));
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is DbUpdateException or Npgsql.NpgsqlException or InvalidOperationException)
        {
            // The refusal stands whether or not it could be written; the log line above has it.
            logger.LogWarning(e, "Could not write a refused request to the audit trail");
        }
    }
}
