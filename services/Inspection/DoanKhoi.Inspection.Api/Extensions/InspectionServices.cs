using DoanKhoi.Files;
using DoanKhoi.Inspection.Domain.Standing;
using DoanKhoi.Inspection.Infrastructure;
using DoanKhoi.Messaging;
using DoanKhoi.Organisation;

namespace DoanKhoi.Inspection.Extensions;

public static class InspectionServices
{
    public const string ServiceName = "inspection";
    public const string DatabaseName = ResourceNames.InspectionDb;

    public static IHostApplicationBuilder AddInspectionServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<InspectionDbContext>(DatabaseName);
        builder.AddMessaging<InspectionDbContext>(ServiceName, bus =>
        {
            bus.AddOrganisationCopy<InspectionDbContext>(ServiceName);
            bus.AddMemberCopy<InspectionDbContext>(ServiceName);
        });
        builder.AddTokenValidation();
        builder.Services.AddSingleton(VietnameseProblems.Catalogue);
        builder.Services.AddScoped<UnitStanding>();
        builder.Services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>("v1", o => o.LimitUploadsTo(Domain.Evidence.EvidenceFile.MaxBytes));
        builder.AddFollowUpScheduling();
        builder.Services.AddOptions<DemoInspectionsOptions>().BindConfiguration("Demo");
        builder.Services.AddHostedService<DemoInspectionsLoader>();
        return builder;
    }
}
