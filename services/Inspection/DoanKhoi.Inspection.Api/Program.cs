using DoanKhoi.Inspection.Apis;
using DoanKhoi.Inspection.Extensions;
using DoanKhoi.Inspection.Infrastructure;
using DoanKhoi.Messaging.Audit;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddInspectionServices();   // Extensions/: database, outbox, bus

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseServiceMiddleware();         // forwarded headers from the gateway, token validation, authorization
app.MapDefaultEndpoints();          // /health, /alive, /openapi/v1.json, /scalar
app.MapInspectionKindsApi();
app.MapAuditApi<InspectionDbContext>();      // /audit: the record, for the bloc office
app.Run();

public partial class Program;
