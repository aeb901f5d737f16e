using DoanKhoi.Files;
using DoanKhoi.Messaging;
using DoanKhoi.Organisation;
using DoanKhoi.Reporting.Consumers;
using DoanKhoi.Reporting.Infrastructure;

namespace DoanKhoi.Reporting.Extensions;

public static class ReportingServices
{
    public const string ServiceName = "reporting";
    public const string DatabaseName = ResourceNames.ReportingDb;

    public static IHostApplicationBuilder AddReportingServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ReportingDbContext>(DatabaseName);
        builder.AddMessaging<ReportingDbContext>(ServiceName, bus =>
        {
            bus.AddOrganisationCopy<ReportingDbContext>(ServiceName);
            bus.AddMemberCopy<ReportingDbContext>(ServiceName);
            bus.AddConsumer<ActivityEventsConsumer>(typeof(ActivityEventsConsumerDefinition));
            bus.AddConsumer<MembershipFactsConsumer>(typeof(MembershipFactsConsumerDefinition));
            bus.AddConsumer<UnitHistoryConsumer>();
            bus.AddConsumer<InspectionEventsConsumer>().Endpoint(e => e.Name = "reporting-inspection-events");
        });
        builder.AddTokenValidation();
        builder.Services.AddSingleton(VietnameseProblems.Catalogue);
        builder.Services.AddSingleton<ProgrammeStore>();
        builder.Services.AddScoped<BoardCounter>();
        builder.Services.AddScoped<BoardReader>();
        builder.Services.AddHostedService<ProgrammeSeeder>();
        builder.AddReportScheduling();
        builder.Services.AddOptions<DemoReportsOptions>().BindConfiguration("Demo");
        builder.Services.AddHostedService<DemoReportsLoader>();      // Quartz, clustered in the database: deadlines, reminders, their e-mail
        builder.Services.AddSingleton<BoardRecounter>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<BoardRecounter>());
        // A report's document is at most ReportAttachment.MaxBytes long: the API description says so.
        builder.Services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>("v1", o => o.LimitUploadsTo(Domain.Reports.ReportAttachment.MaxBytes));
        return builder;
    }
}
