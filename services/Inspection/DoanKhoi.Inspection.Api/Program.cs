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
app.MapInspectionKindsApi();        // /kinds
app.MapProgrammeApi();              // /programme: the year's plan against K14
app.MapInspectionsApi();            // /inspections: planned, started, concluded with recommendations
app.MapFindingsApi();               // /inspections/{id}/findings, subjects' assessment
app.MapEvidenceApi();               // photos and documents of findings and of what units did of recommendations
app.MapRecommendationsApi();        // /recommendations: the follow-up board, units' reports, verification
app.MapFollowUpApi();               // /reminders, /standing, /contacts
app.MapDisciplineApi();             // /discipline: measures on members, heard by membership
app.MapSupervisionApi();            // /social-critiques, /youth-forums
app.MapExportsApi();                // /inspections/export, /recommendations/export, /social-critiques/export
app.MapAuditApi<InspectionDbContext>();      // /audit: the record, for the bloc office
app.Run();

public partial class Program;
