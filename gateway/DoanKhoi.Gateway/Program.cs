using DoanKhoi;
using DoanKhoi.Gateway;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddReverseProxy().AddGatewayRoutes(builder.Configuration);
builder.Services.AddGatewayRateLimits(builder.Configuration);

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRateLimiter();
app.MapDefaultEndpoints(behindGateway: false);
app.MapGet("/", () => TypedResults.Ok(new
{
    name = "DoanKhoi gateway",
    apis = ResourceNames.Services.Select(s => new
    {
        service = s.Segment,
        baseUrl = $"/api/{s.Segment}/",
        openApi = $"/api/{s.Segment}/openapi/v1.json",
        reference = $"/api/{s.Segment}/scalar/",
    }),
})).ExcludeFromDescription();
app.MapReverseProxy(proxy => proxy.Use(ProxyErrors.WriteProblemOnErrorAsync));
app.Run();

public partial class Program;
