using Yarp.ReverseProxy.Forwarder;

namespace DoanKhoi.Gateway;

/// <summary>When a service cannot answer, the caller gets problem details that say which service and
/// what happened, never a hang or an empty body.</summary>
public static class ProxyErrors
{
    public static async Task WriteProblemOnErrorAsync(HttpContext http, Func<Task> next)
    {
        await next();
        var error = http.GetForwarderErrorFeature();
        if (error is null || http.Response.HasStarted) return;

        var service = http.GetRouteModel().Config.ClusterId ?? "requested";
        var (status, title, detail) = error.Error switch
        {
            ForwarderError.NoAvailableDestinations => (503, "Service unavailable", $"The {service} service is not available right now. Try again in a moment."),
            ForwarderError.RequestTimedOut => (504, "Gateway timeout", $"The {service} service did not answer in time. Try again in a moment."),
            ForwarderError.RequestCanceled => (499, "Request cancelled", "The request was cancelled before the service answered."),
            _ => (502, "Bad gateway", $"The {service} service could not be reached. Try again in a moment."),
        };
        http.Response.StatusCode = status;
        if (status == 503 || status == 502) http.Response.Headers.RetryAfter = "5";
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = status, Title = title, Detail = detail, Extensions = { ["service"] = service } },
        });
    }
}
