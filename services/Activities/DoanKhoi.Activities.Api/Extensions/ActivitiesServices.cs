using DoanKhoi.Messaging;
using DoanKhoi.Activities.Infrastructure;

namespace DoanKhoi.Activities.Extensions;

public static class ActivitiesServices
{
    public const string ServiceName = "activities";
    public const string DatabaseName = ResourceNames.ActivitiesDb;

    public static IHostApplicationBuilder AddActivitiesServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ActivitiesDbContext>(DatabaseName);
        builder.AddMessaging<ActivitiesDbContext>(ServiceName);
        builder.AddTokenValidation();
        return builder;
    }
}
