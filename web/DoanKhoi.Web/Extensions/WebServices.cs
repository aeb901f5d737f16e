using DoanKhoi.Web.Clients;
using DoanKhoi.Web.Infrastructure;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Http.Resilience;
using MudBlazor;
using MudBlazor.Services;

namespace DoanKhoi.Web.Extensions;

public static class WebServices
{
    /// <summary>The gateway, as the AppHost names it (service discovery).</summary>
    public const string GatewayAddress = $"http://{ResourceNames.Gateway}";

    /// <summary>The largest message a browser may send the portal's circuit hub. The member list and the
    /// evaluation grid hand what they read while prerendering to the live page, and the browser sends it
    /// back when the page goes live: a unit's 500 grades are some 300 KB. At SignalR's default 32 KB the
    /// circuit of such a page is refused and the page never goes live (the portal benchmark found it).</summary>
    public const long MaxCircuitMessageBytes = 1024 * 1024;

    public static IHostApplicationBuilder AddWebServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(o => o.MaximumReceiveMessageSize = MaxCircuitMessageBytes);
        builder.Services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomCenter;
            o.SnackbarConfiguration.VisibleStateDuration = 6000;
        });
        builder.Services.AddTransient<MudLocalizer, VietnameseMudLocalizer>();
        builder.Services.AddHttpContextAccessor();
        builder.AddPortalAuthentication();
        builder.Services.AddScoped<PortalSession>();
        builder.Services.AddAntiforgery(o => o.Cookie.Name = "doankhoi.portal.antiforgery");

        // One typed client per service, all through the gateway with the person's token. A change is
        // sent once: the resilience handler retries reads only, and waits as long as an import takes.
        var gateway = new Uri(builder.Configuration["Portal:Gateway"] ?? GatewayAddress);
        // RemoveAllResilienceHandlers, to give this client other retries than the default, is still marked experimental.
#pragma warning disable EXTEXP0001
        void Client<T>() where T : class => builder.Services.AddHttpClient<T>(c => c.BaseAddress = gateway)
            .RemoveAllResilienceHandlers()
            .AddStandardResilienceHandler(o =>
            {
                o.Retry.DisableForUnsafeHttpMethods();
                o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(100);
                o.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(200);
                o.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(120);
            });
#pragma warning restore EXTEXP0001
        Client<MembershipClient>();
        Client<IdentityClient>();
        Client<InspectionClient>();
        Client<ActivitiesClient>();
        Client<ReportingClient>();

        // Vietnamese everywhere: numbers, the date pickers, the sort order.
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Labels.Vietnamese);
            o.SupportedCultures = o.SupportedUICultures = [Labels.Vietnamese];
            o.RequestCultureProviders.Clear();
        });
        return builder;
    }
}
