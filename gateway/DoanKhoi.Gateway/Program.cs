using DoanKhoi;
using DoanKhoi.Gateway;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddReverseProxy().AddGatewayRoutes(builder.Configuration);
builder.Services.AddGatewayRateLimits(builder.Configuration);
builder.Services.AddGatewayCors(builder.Configuration);
builder.AddTokenValidation();
builder.AddRefusedRequestEvents();  // 401s and 403s to identity's audit trail, through the broker

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
// No UseForwardedHeaders: at the edge a caller could forge them.
app.UseCors();                      // the web origins that may read the answers (none unless configured)
app.UseAuthentication();            // who is calling: the rate limits count per person and per system
app.UseRateLimitHeaders();          // every answer to a limited request says where the caller stands
app.UseRateLimiter();
app.UseAuthorization();             // a valid token, except on the public paths
app.MapDefaultEndpoints();
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
})).AllowAnonymous().ExcludeFromDescription();
app.MapReverseProxy(proxy => proxy.Use(ProxyErrors.WriteProblemOnErrorAsync));
app.Run();

public partial class Program;
