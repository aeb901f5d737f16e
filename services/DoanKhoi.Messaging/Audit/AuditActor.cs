using Microsoft.AspNetCore.Http;

namespace DoanKhoi.Messaging.Audit;

/// <summary>Who is acting right now: the signed-in account of the current request, or what
/// <see cref="Use"/> set (a consumer handling a message), or "anonymous".</summary>
public sealed class AuditActor(IHttpContextAccessor http)
{
    private static readonly AsyncLocal<string?> Current = new();

    public const string Anonymous = "anonymous";

    public string Name => Current.Value ?? http.HttpContext?.User.Identity?.Name ?? Anonymous;

    /// <summary>Acts as <paramref name="actor"/> until the returned scope is disposed.</summary>
    public static IDisposable Use(string actor)
    {
        var previous = Current.Value;
        Current.Value = actor;
        return new Restore(() => Current.Value = previous);
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
