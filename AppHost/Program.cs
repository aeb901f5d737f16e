using Microsoft.Extensions.Configuration;
using DoanKhoi;
using DoanKhoi.AppHost;

var builder = DistributedApplication.CreateBuilder(args);
var repositoryRoot = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));
var settings = builder.Configuration.GetSection("DoanKhoi");

var infrastructure = Infrastructure.Add(builder, repositoryRoot);

IResourceBuilder<ProjectResource> Service<TProject>(string name, string database) where TProject : IProjectMetadata, new()
{
    var service = builder.AddProject<TProject>(name)
        .WithReference(infrastructure.Database(database))
        .WithReference(infrastructure.Broker)
        .WithHttpHealthCheck("/health");
    foreach (var dependency in infrastructure.StartBefore) service.WaitFor(dependency);
    return service;
}

var activities = Service<Projects.DoanKhoi_Activities_Api>(ResourceNames.ActivitiesApi, ResourceNames.ActivitiesDb);
var reporting = Service<Projects.DoanKhoi_Reporting_Api>(ResourceNames.ReportingApi, ResourceNames.ReportingDb);
var inspection = Service<Projects.DoanKhoi_Inspection_Api>(ResourceNames.InspectionApi, ResourceNames.InspectionDb);

// The broker drops an event no queue is bound for yet, so on a first start a publisher waits for its
// subscribers to declare their queues: reporting keeps a copy of membership's organisation tree.
var membership = Service<Projects.DoanKhoi_Membership_Api>(ResourceNames.MembershipApi, ResourceNames.MembershipDb)
    .WithEnvironment("Demo__Load", settings.GetValue("Demo", false).ToString())
    .WaitFor(reporting);

// The gateway does not wait for the services: it answers from the start, with a 503 problem for a
// service that is not up yet.
builder.AddProject<Projects.DoanKhoi_Gateway>(ResourceNames.Gateway)
    .WithReference(membership)
    .WithReference(activities)
    .WithReference(reporting)
    .WithReference(inspection)
    .WithEndpoint("http", endpoint => endpoint.Port = settings.GetValue("GatewayPort", 8080))
    .WithHttpHealthCheck("/health")
    .WithExternalHttpEndpoints();

builder.Build().Run();
