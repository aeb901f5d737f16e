using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DoanKhoi.Security;

/// <summary>Where refused requests are recorded. Every process logs them (the dashboard shows them);
/// a service with a database also writes them to its audit trail.</summary>
public interface ISecurityEvents
{
    Task RefusedAsync(HttpContext http, int status, string reason);
}

public sealed partial class LoggedSecurityEvents(ILogger<LoggedSecurityEvents> logger) : ISecurityEvents
{
    public Task RefusedAsync(HttpContext http, int status, string reason)
    {
        var caller = new Caller(http.User);
        Refused(logger, http.Request.Method, http.Request.Path, status, caller.IsAuthenticated ? caller.AuditName : "anonymous",
            http.Connection.RemoteIpAddress?.ToString(), reason);
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 4030, EventName = "RequestRefused", Level = LogLevel.Warning,
        Message = "Refused {Method} {Path} with {Status} for {Caller} from {Address}: {Reason}")]
    private static partial void Refused(ILogger logger, string method, string path, int status, string caller, string? address, string reason);
}
