using DoanKhoi.Membership.Apis;
using DoanKhoi.Membership.Extensions;
using DoanKhoi.Membership.Infrastructure;
using DoanKhoi.Messaging.Audit;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddMembershipServices();    // Extensions/: database, outbox, bus, demo data

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseServiceMiddleware();         // forwarded headers from the gateway, token validation, authorization
app.MapDefaultEndpoints();          // /health, /alive, /openapi/v1.json, /scalar
app.MapOrganisationApi();
app.MapClustersApi();
app.MapUnitsApi();
app.MapUnitDirectoryApi();       // every open unit by name: where a transfer can go
app.MapMembersApi();
app.MapMemberFilesApi();         // the member sheet: template, import, export
app.MapLifecycleApi();
app.MapEvaluationsApi();
app.MapYouthCountsApi();
app.MapMemberStatisticsApi();
app.MapStatisticsFilesApi();
app.MapAuditApi<MembershipDbContext>();      // /audit: the record, for the bloc office
app.Run();

public partial class Program;
