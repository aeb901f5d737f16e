using DoanKhoi.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Microsoft.Extensions.Hosting;

/// <summary>A request without a valid token gets 401, one whose token does not allow it 403: both as
/// problem details that say why, and both recorded as security events.</summary>
internal sealed class ProblemAuthorizationResultHandler(IProblemDetailsService problems, ISecurityEvents events) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext http, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (result.Succeeded)
        {
            await _default.HandleAsync(next, http, policy, result);
            return;
        }

        ProblemDetails problem;
        if (result.Challenged)
        {
            // The handler keeps its result for the request: this asks again for why, without validating twice.
            var failure = (await http.AuthenticateAsync()).Failure;
            await http.ChallengeAsync();
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Sign in first",
                Detail = failure switch
                {
                    null => "This request needs an access token (Authorization: Bearer …) from the identity service.",
                    Microsoft.IdentityModel.Tokens.SecurityTokenExpiredException => "The access token has expired: refresh it or sign in again.",
                    _ => "The access token is not valid here: get a new one from the identity service.",
                },
            };
        }
        else
        {
            await http.ForbidAsync();
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Not allowed",
                Detail = string.Join(" ", result.AuthorizationFailure?.FailureReasons.Select(r => r.Message) ?? [])
                    is { Length: > 0 } reasons ? reasons : "Your posts do not allow this request.",
            };
        }

        http.Response.StatusCode = problem.Status!.Value;
        await events.RefusedAsync(http, problem.Status.Value, problem.Detail!);
        await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }
}
