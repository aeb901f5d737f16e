using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace DoanKhoi.EndToEnd.Tests;

/// <summary>How the AppHost provides PostgreSQL and RabbitMQ, read from its model without starting it.</summary>
public class AppHostModelTests
{
    private static async Task<IDistributedApplicationTestingBuilder> ModelAsync(params string[] args) =>
        await DistributedApplicationTestingBuilder.CreateAsync<Projects.DoanKhoi_AppHost>([$"DoanKhoi:DataFolder={Path.GetTempPath()}doankhoi-model", .. args]);

    private static T Resource<T>(IDistributedApplicationTestingBuilder builder, string name) where T : IResource =>
        Assert.IsType<T>(builder.Resources.Single(r => r.Name == name), exactMatch: false);

    [Fact]
    public async Task Connection_strings_in_configuration_replace_the_servers_it_would_start()
    {
        await using var builder = await ModelAsync(
            "ConnectionStrings:postgres=Host=db.example;Port=5432;Username=doankhoi;Password=secret",
            "ConnectionStrings:messaging=amqp://doankhoi:secret@mq.example:5672/doankhoi");

        Assert.DoesNotContain(builder.Resources, r => r is ExecutableResource { Name: ResourceNames.Postgres or ResourceNames.Messaging } || r is ContainerResource);
        var membershipDb = await Resource<IResourceWithConnectionString>(builder, ResourceNames.MembershipDb).GetConnectionStringAsync();
        Assert.Contains("Host=db.example", membershipDb);
        Assert.Contains("Database=membershipdb", membershipDb);
        Assert.Equal("amqp://doankhoi:secret@mq.example:5672/doankhoi", await Resource<IResourceWithConnectionString>(builder, ResourceNames.Messaging).GetConnectionStringAsync());
    }

    [Fact]
    public async Task Without_Docker_it_starts_Debians_servers_on_loopback_with_a_database_per_service()
    {
        await using var builder = await ModelAsync("DoanKhoi:Infrastructure=executables", "DoanKhoi:PostgresPort=55999");

        var postgres = Resource<ExecutableResource>(builder, ResourceNames.Postgres);
        Assert.Equal("bash", postgres.Command);
        Resource<ExecutableResource>(builder, ResourceNames.Messaging);
        foreach (var (_, _, database) in ResourceNames.Services)
        {
            var connection = await Resource<IResourceWithConnectionString>(builder, database).GetConnectionStringAsync();
            Assert.Contains("Host=127.0.0.1;Port=55999", connection);
            Assert.Contains($"Database={database}", connection);
        }
        Assert.StartsWith("amqp://doankhoi:", await Resource<IResourceWithConnectionString>(builder, ResourceNames.Messaging).GetConnectionStringAsync());
    }

    [Fact]
    public async Task With_Docker_it_uses_Aspires_container_integrations()
    {
        await using var builder = await ModelAsync("DoanKhoi:Infrastructure=containers");

        Assert.IsAssignableFrom<ContainerResource>(builder.Resources.Single(r => r.Name == ResourceNames.Postgres));
        Assert.IsAssignableFrom<ContainerResource>(builder.Resources.Single(r => r.Name == ResourceNames.Messaging));
        Assert.Contains(builder.Resources, r => r.Name == ResourceNames.ReportingDb && r is IResourceWithParent);
    }

    [Fact]
    public async Task Every_service_the_gateway_and_the_portal_are_in_the_model()
    {
        await using var builder = await ModelAsync("DoanKhoi:Infrastructure=executables");

        foreach (var name in new[] { ResourceNames.MembershipApi, ResourceNames.ActivitiesApi, ResourceNames.ReportingApi, ResourceNames.InspectionApi, ResourceNames.Gateway, ResourceNames.Web })
            Resource<ProjectResource>(builder, name);
    }

    [Fact]
    public async Task The_portal_listens_on_the_port_it_is_given_and_identity_lets_it_sign_people_in_there()
    {
        await using var builder = await ModelAsync("DoanKhoi:Infrastructure=executables", "DoanKhoi:WebPort=8123");

        var web = Resource<ProjectResource>(builder, ResourceNames.Web);
        Assert.Equal(8123, web.Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == "http").Port);
        var identity = Resource<ProjectResource>(builder, ResourceNames.IdentityApi);
        var environment = await EnvironmentOfAsync(identity);
        Assert.Equal("{web.bindings.http.url}/signin-oidc", environment["Identity__WebRedirectUris__0"]);
        Assert.Equal("{web.bindings.http.url}/signout-callback-oidc", environment["Identity__WebPostLogoutRedirectUris__0"]);
    }

    /// <summary>A resource's environment as the manifest would write it: references as expressions.</summary>
    private static async Task<Dictionary<string, string?>> EnvironmentOfAsync(IResource resource)
    {
        var values = new Dictionary<string, object>();
        var context = new EnvironmentCallbackContext(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Publish), values);
        foreach (var callback in resource.Annotations.OfType<EnvironmentCallbackAnnotation>()) await callback.Callback(context);
        return values.ToDictionary(v => v.Key, v => v.Value switch
        {
            string text => text,
            IManifestExpressionProvider expression => expression.ValueExpression,
            _ => v.Value.ToString(),
        });
    }
}
