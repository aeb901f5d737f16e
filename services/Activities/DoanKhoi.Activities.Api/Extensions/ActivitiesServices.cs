using DoanKhoi.Activities.Domain.Programme;
using DoanKhoi.Activities.Infrastructure;
using DoanKhoi.Files;
using DoanKhoi.Messaging;
using DoanKhoi.Organisation;

namespace DoanKhoi.Activities.Extensions;

public static class ActivitiesServices
{
    public const string ServiceName = "activities";
    public const string DatabaseName = ResourceNames.ActivitiesDb;

    public static IHostApplicationBuilder AddActivitiesServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ActivitiesDbContext>(DatabaseName);
        builder.AddMessaging<ActivitiesDbContext>(ServiceName, bus =>
        {
            bus.AddOrganisationCopy<ActivitiesDbContext>(ServiceName);
            bus.AddMemberCopy<ActivitiesDbContext>(ServiceName);
        });
        builder.AddTokenValidation();
        builder.Services.AddSingleton(_ => ProgrammeCatalogue.Load(builder.Configuration["Activities:ProgrammeFolder"] ?? ProgrammeCatalogue.DefaultFolder));
        builder.Services.AddSingleton(VietnameseProblems.Catalogue);
        builder.Services.AddOptions<DemoActivitiesOptions>().BindConfiguration("Demo");
        builder.Services.AddHostedService<DemoActivitiesLoader>();
        // An uploaded photo or document is at most EvidenceFile.MaxBytes long: the API description says so.
        builder.Services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>("v1", o => o.LimitUploadsTo(Domain.Activities.EvidenceFile.MaxBytes));
        return builder;
    }
}
