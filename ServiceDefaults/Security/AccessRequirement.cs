using Microsoft.AspNetCore.Authorization;

namespace DoanKhoi.Security;

/// <summary>What a policy asks of the token beyond being valid; each refusal says why.</summary>
public sealed class AccessRequirement : IAuthorizationRequirement
{
    private AccessRequirement(string name) => Name = name;

    public string Name { get; }

    public static readonly AccessRequirement Read = new(Policies.Read);
    public static readonly AccessRequirement Write = new(Policies.Write);
    public static readonly AccessRequirement BlocOffice = new(Policies.BlocOffice);
}

internal sealed class AccessRequirementHandler : AuthorizationHandler<AccessRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AccessRequirement requirement)
    {
        var caller = new Caller(context.User);
        if (!caller.IsAuthenticated) return Task.CompletedTask;
        var (allowed, reason) = requirement.Name switch
        {
            Policies.Read => (caller.CanRead, $"The token has neither the '{Scopes.Read}' nor the '{Scopes.Write}' scope."),
            Policies.Write => (caller.CanWrite, $"The token may only read: a change needs the '{Scopes.Write}' scope."),
            Policies.BlocOffice => (caller.IsBlocOffice, "Only the bloc office (Văn phòng Đoàn Khối) may do this."),
            _ => (false, "Unknown requirement."),
        };
        if (allowed) context.Succeed(requirement);
        else context.Fail(new AuthorizationFailureReason(this, reason));
        return Task.CompletedTask;
    }
}
