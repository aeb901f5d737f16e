using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Scalar.AspNetCore;

namespace Microsoft.Extensions.Hosting;

/// <summary>What every DoanKhoi process shares: telemetry, health, service discovery, resilience,
/// problem details, and the OpenAPI document with its browsable reference.</summary>
public static class Extensions
{
    public const string HealthPath = "/health";
    public const string AlivenessPath = "/alive";

    /// <summary>Activity sources and meters beyond ASP.NET Core's and HttpClient's own.</summary>
    public static readonly string[] TelemetrySources = ["MassTransit", "DoanKhoi.Messaging"];

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });

        // ASP.NET Core adds the request's traceId to every problem; it also says which request it was,
        // and no part of it is longer than the OpenAPI documents say.
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = DoanKhoi.Problems.ProblemBounds.Customize);
        builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        builder.Services.AddSingleton(DoanKhoi.Problems.SharedVietnameseProblems.Catalogue);
        builder.Services.AddSingleton<DoanKhoi.Problems.ProblemCatalogues>();
        builder.Services.TryAddSingleton<DoanKhoi.Security.ISecurityEvents, DoanKhoi.Security.LoggedSecurityEvents>();
        // Unreadable requests reach the exception handler, which names the field at fault.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        // The document states every limit and every error, as the OWASP API ruleset asks (see OpenApi/).
        builder.Services.AddOpenApi(o => o
            .AddDocumentTransformer<OpenApiGateway>()
            .AddDocumentTransformer<OpenApiSecurity>()
            .AddOperationTransformer<OpenApiSecurity>()
            .AddOperationTransformer<OpenApiResponses>()
            .AddSchemaTransformer<OpenApiLimits>());
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
            // A field the request does not take is refused, not ignored: no mass assignment.
            o.SerializerOptions.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow;
            // A number is a JSON number, not a string of digits (the web default takes both).
            o.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
        });
        // Behind the gateway a service sees the public prefix (/api/membership), so the links it
        // returns (Location, the OpenAPI server) work for the caller. Only the gateway is believed:
        // loopback by default (ASP.NET Core's known proxies), more with ForwardedHeaders:KnownNetworks.
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost | ForwardedHeaders.XForwardedPrefix;
            foreach (var network in builder.Configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(TelemetrySources))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(TelemetrySources)
                .AddAspNetCoreInstrumentation(o => o.Filter = ctx =>
                    !ctx.Request.Path.StartsWithSegments(HealthPath) && !ctx.Request.Path.StartsWithSegments(AlivenessPath))
                .AddHttpClientInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }
        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        return builder;
    }

    /// <summary>What every service behind the gateway runs before its endpoints: the X-Forwarded-*
    /// headers the gateway sets, then who is calling and whether they may.</summary>
    public static WebApplication UseServiceMiddleware(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>Maps the public endpoints: <c>/health</c> (ready: every check, database and broker
    /// included), <c>/alive</c> (the process answers), <c>/openapi/v1.json</c> and the API reference at
    /// <c>/scalar</c>.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(HealthPath, new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymous();
        app.MapHealthChecks(AlivenessPath, new HealthCheckOptions { Predicate = r => r.Tags.Contains("live") }).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        // Behind the gateway the request's path base is the forwarded prefix (/api/membership): the
        // page asks for the document under it (a relative pattern would resolve against /api/), and
        // "try it" sends requests to the document's server, the gateway, with the token given in the
        // page. Nothing is fetched from elsewhere, for an office whose network reaches no CDN: the
        // script is the package's own, the fonts the browser's, no proxy, telemetry or AI chat.
        app.MapScalarApiReference(o =>
            {
                o.WithTitle(OpenApiSecurity.TitleOf(app.Environment.ApplicationName))
                    .DisableDefaultFonts()
                    .WithProxy(null!)
                    .AddPreferredSecuritySchemes(OpenApiSecurity.Scheme);
                o.Telemetry = false;
                o.ShowDeveloperTools = DeveloperToolsVisibility.Never;
                o.Agent = new ScalarAgentOptions { Disabled = true };
            })
            .AllowAnonymous();
        return app;
    }
}
