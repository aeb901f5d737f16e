using DoanKhoi.Activities.Apis;
using DoanKhoi.Activities.Extensions;
using DoanKhoi.Activities.Infrastructure;
using DoanKhoi.Messaging.Audit;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddActivitiesServices();   // Extensions/: database, outbox, bus, the organisation copy, the programme

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseServiceMiddleware();         // forwarded headers from the gateway, token validation, authorization
app.MapDefaultEndpoints();          // /health, /alive, /openapi/v1.json, /scalar
app.MapProgrammeApi();            // /programme, /movements: the year's vocabulary
app.MapActivitiesApi();
app.MapEvidenceApi();
app.MapParticipationsApi();
app.MapIdeasApi();
app.MapExportsApi();
app.MapAuditApi<ActivitiesDbContext>();      // /audit: the record, for the bloc office
app.Run();

public partial class Program;
