using DoanKhoi.Identity.Apis;
using DoanKhoi.Identity.Extensions;
using DoanKhoi.Identity.Infrastructure;
using DoanKhoi.Messaging.Audit;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddIdentityServices();      // Extensions/: database, ASP.NET Core Identity, OpenIddict, first accounts

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseServiceMiddleware();         // forwarded headers from the gateway, authentication, authorization
app.UseAntiforgery();
app.MapDefaultEndpoints();          // /health, /alive, /openapi/v1.json, /scalar
app.MapConnectApi();                // /connect/authorize, /connect/token, /connect/signout
app.MapSignInPage();                // /account/signin, /account/first-signin
app.MapAccountsApi();               // /me, /accounts
app.MapMemberAccountsApi();         // /member-accounts: members' accounts with one-time codes, in bulk
app.MapAuditApi<AccountsDbContext>();      // /audit: the record, for the bloc office
app.Run();

public partial class Program;
