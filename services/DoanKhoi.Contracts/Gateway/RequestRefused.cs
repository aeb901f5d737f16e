namespace DoanKhoi.Contracts.Gateway;

/// <summary>The gateway refused a request before it reached a service: no valid token (401), or a token
/// the route does not accept (403). The identity service keeps these on its audit trail.</summary>
public record RequestRefused
{
    public required string Method { get; init; }
    public required string Path { get; init; }
    public required int Status { get; init; }
    public required string Reason { get; init; }

    /// <summary>The account of the token when there was a valid one ("client:…" for a system), else "anonymous".</summary>
    public required string Caller { get; init; }

    public string? ClientAddress { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
