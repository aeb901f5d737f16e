using DoanKhoi.Membership.Apis;
using DoanKhoi.Membership.Infrastructure;
using DoanKhoi.Messaging;

namespace DoanKhoi.Membership.Extensions;

public static class MembershipServices
{
    public const string ServiceName = "membership";
    public const string DatabaseName = ResourceNames.MembershipDb;

    public static IHostApplicationBuilder AddMembershipServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<MembershipDbContext>(DatabaseName);
        // Membership publishes the tree and the members; it hears only the discipline the inspection service records.
        builder.AddMessaging<MembershipDbContext>(ServiceName, bus =>
            bus.AddConsumer<Consumers.DisciplineDecidedConsumer>().Endpoint(e => e.Name = Consumers.DisciplineDecidedConsumer.QueueName));
        builder.AddTokenValidation();
        builder.Services.AddOptions<OrganisationOptions>().BindConfiguration("Organisation").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<DemoDataOptions>().BindConfiguration("Demo");
        builder.Services.AddHostedService<DemoDataLoader>();
        builder.Services.AddSingleton(VietnameseProblems.Catalogue);
        // An uploaded member sheet is at most SpreadsheetFile.MaxBytes long: the API description says so.
        builder.Services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>("v1", o => o.AddSchemaTransformer((schema, context, _) =>
        {
            if (context.JsonTypeInfo.Type == typeof(IFormFile)) schema.MaxLength = (int)Files.SpreadsheetFile.MaxBytes;
            return Task.CompletedTask;
        }));
        return builder;
    }
}
