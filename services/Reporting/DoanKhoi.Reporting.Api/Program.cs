using DoanKhoi.Messaging.Audit;
using DoanKhoi.Reporting.Apis;
using DoanKhoi.Reporting.Extensions;
using DoanKhoi.Reporting.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddReportingServices();     // Extensions/: database, outbox, bus, consumers

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseServiceMiddleware();         // forwarded headers from the gateway, token validation, authorization
app.MapDefaultEndpoints();          // /health, /alive, /openapi/v1.json, /scalar
app.MapOrganisationApi();
app.MapProgrammesApi();             // /programmes: the year's targets, calendar and weights, as data
app.MapBoardApi();                  // /board: the targets live, at the bloc, a cluster or a unit, as of a day
app.MapBoardRecordsApi();           // /board/measures/{code}/records and /missing: what a figure is made of
app.MapReportsApi();                // /reports: the calendar's reports sent, reviewed, opened again
app.MapReportCalendarApi();         // /reports/{year}/calendar: who sent what, on time or not
app.MapScoreboardApi();             // /scoreboard: units and clusters ranked; the year's workbook
app.MapRemindersApi();              // /reports/reminders and /reports/contacts: who was reminded, where it is e-mailed
app.MapAuditApi<ReportingDbContext>();      // /audit: the record, for the bloc office
app.Run();

public partial class Program;
