using DoanKhoi.Messaging;
using DoanKhoi.Inspection.Infrastructure;

namespace DoanKhoi.Inspection.Extensions;

public static class InspectionServices
{
    public const string ServiceName = "inspection";
    public const string DatabaseName = ResourceNames.InspectionDb;

    public static IHostApplicationBuilder AddInspectionServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<InspectionDbContext>(DatabaseName);
        builder.AddMessaging<InspectionDbContext>(ServiceName);
        builder.AddTokenValidation();
        return builder;
    }
}
