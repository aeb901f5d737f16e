using DoanKhoi.Web.Apis;
using DoanKhoi.Web.Components;
using DoanKhoi.Web.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddWebServices();           // Extensions/: components, sign-in, the typed clients of the gateway

var app = builder.Build();
app.UseExceptionHandler("/error", createScopeForErrors: true);
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseRequestLocalization();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.MapDefaultEndpoints();          // /health, /alive
app.MapStaticAssets();
app.MapAccountEndpoints();          // /signin, /signout
app.MapFileEndpoints();             // /files/…: exports and templates, with the person's token
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.Run();

public partial class Program;
