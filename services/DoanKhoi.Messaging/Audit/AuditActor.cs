using Microsoft.AspNetCore.Http;

namespace DoanKhoi.Messaging.Audit;

/// <summary>Who is acting right now: the account of the current request's token (a person's user name,
/// or "client:…" for a system), or what <see cref="Use"/> set (a consumer handling a message), or
/// "anonymous"; and on whose behalf: the posts the account holds.</summary>
public sealed class AuditActor(IHttpContextAccessor http)
{
    private static readonly AsyncLocal<string?> Current = new();

    public const string Anonymous = "anonymous";

    public string Name => Current.Value ?? (Caller is { IsAuthenticated: true } caller ? caller.AuditName : Anonymous);

    /// <summary>The posts the account acted in, e.g. "unit-secretary@unit:…"; none for a message or a system task.</summary>
    public string? OnBehalfOf => Current.Value is null && Caller is { IsAuthenticated: true, Posts.Count: > 0 } caller
        ? Truncate(string.Join(", ", caller.Posts), 200)
        : null;

    private DoanKhoi.Security.Caller? Caller => http.HttpContext?.User is { } user ? new DoanKhoi.Security.Caller(user) : null;

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

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
