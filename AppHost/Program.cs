using Microsoft.Extensions.Configuration;
using DoanKhoi;
using DoanKhoi.AppHost;

var builder = DistributedApplication.CreateBuilder(args);
var repositoryRoot = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));
var settings = builder.Configuration.GetSection("DoanKhoi");

var infrastructure = Infrastructure.Add(builder, repositoryRoot);

IResourceBuilder<ProjectResource> Service<TProject>(string name, string database) where TProject : IProjectMetadata, new()
{
    // Not the launch profile's port: callers reach a service through the gateway, and a second system
    // on the same machine (./run.sh with other ports) would otherwise route to the first one's services.
    var service = builder.AddProject<TProject>(name)
        .WithEndpoint("http", endpoint => endpoint.Port = null)
        .WithReference(infrastructure.Database(database))
        .WithReference(infrastructure.Broker)
        .WithHttpHealthCheck("/health");
    foreach (var dependency in infrastructure.StartBefore) service.WaitFor(dependency);
    return service;
}

// Identity: accounts, posts, the sign-in page and the tokens. The first bloc-office account is made
// from the operator's password on the first start (./run.sh asks for it); no password is in the code.
var identity = Service<Projects.DoanKhoi_Identity_Api>(ResourceNames.IdentityApi, ResourceNames.IdentityDb)
    .WithEnvironment("Demo__Load", settings.GetValue("Demo", false).ToString());
if (settings["BlocOfficePassword"] is { Length: > 0 } blocOfficePassword)
    identity.WithEnvironment("Identity__BlocOffice__Password", builder.AddParameter("bloc-office-password", blocOfficePassword, secret: true));

var reporting = Service<Projects.DoanKhoi_Reporting_Api>(ResourceNames.ReportingApi, ResourceNames.ReportingDb)
    .WithEnvironment("Demo__Load", settings.GetValue("Demo", false).ToString());
// Reminders of reports go by e-mail when the operator names an SMTP server (DoanKhoi:SmtpHost, SmtpPort, SmtpFrom).
if (settings["SmtpHost"] is { Length: > 0 } smtpHost)
    reporting.WithEnvironment("Reporting__Smtp__Host", smtpHost)
        .WithEnvironment("Reporting__Smtp__Port", settings.GetValue("SmtpPort", 25).ToString(System.Globalization.CultureInfo.InvariantCulture))
        .WithEnvironment("Reporting__Smtp__From", settings["SmtpFrom"] ?? "doankhoi@localhost");
// Reporting counts the targets from what activities publishes: it is up (its queues declared) first.
var activities = Service<Projects.DoanKhoi_Activities_Api>(ResourceNames.ActivitiesApi, ResourceNames.ActivitiesDb)
    .WithEnvironment("Demo__Load", settings.GetValue("Demo", false).ToString())
    .WaitFor(reporting);
// Reporting counts K14 and weighs a unit's standing from what inspection publishes.
var inspection = Service<Projects.DoanKhoi_Inspection_Api>(ResourceNames.InspectionApi, ResourceNames.InspectionDb)
    .WithEnvironment("Demo__Load", settings.GetValue("Demo", false).ToString())
    .WaitFor(reporting);
// How often the follow-up of recommendations runs, in seconds (DoanKhoi:FollowUpIntervalSeconds; five minutes by default).
if (settings["FollowUpIntervalSeconds"] is { Length: > 0 } followUpEvery)
    inspection.WithEnvironment("Inspection__Scheduler__IntervalSeconds", followUpEvery);
if (settings["SmtpHost"] is { Length: > 0 } inspectionSmtp)
    inspection.WithEnvironment("Inspection__Smtp__Host", inspectionSmtp)
        .WithEnvironment("Inspection__Smtp__Port", settings.GetValue("SmtpPort", 25).ToString(System.Globalization.CultureInfo.InvariantCulture))
        .WithEnvironment("Inspection__Smtp__From", settings["SmtpFrom"] ?? "doankhoi@localhost");

// The broker drops an event no queue is bound for yet, so on a first start a publisher waits for its
// subscribers to declare their queues: reporting, activities, inspection and identity keep a copy of
// membership's organisation tree (and of its members).
var membership = Service<Projects.DoanKhoi_Membership_Api>(ResourceNames.MembershipApi, ResourceNames.MembershipDb)
    .WithEnvironment("Demo__Load", settings.GetValue("Demo", false).ToString())
    .WaitFor(reporting)
    .WaitFor(activities)
    .WaitFor(inspection)
    .WaitFor(identity);

// The gateway does not wait for the services: it answers from the start, with a 503 problem for a
// service that is not up yet.
var gateway = builder.AddProject<Projects.DoanKhoi_Gateway>(ResourceNames.Gateway)
    .WithReference(membership)
    .WithReference(activities)
    .WithReference(reporting)
    .WithReference(inspection)
    .WithReference(identity)
    .WithReference(infrastructure.Broker)   // refused requests go to identity's audit trail
    .WithEndpoint("http", endpoint => endpoint.Port = settings.GetValue("GatewayPort", 8080))
    .WithHttpHealthCheck("/health")
    .WithExternalHttpEndpoints();
if (settings["RateLimitPerCaller"] is { Length: > 0 } permits)
    gateway.WithEnvironment("Gateway__RateLimit__PermitsPerCaller", permits);

// Tokens name the identity service by its public address, through the gateway; every service checks
// that name and reads the signing keys from identity directly (service discovery).
var issuer = ReferenceExpression.Create($"{gateway.GetEndpoint("http")}/api/{ResourceNames.IdentitySegment}/");
foreach (var resource in new[] { identity, membership, activities, reporting, inspection, gateway })
{
    resource.WithEnvironment("Identity__Issuer", issuer);
    if (resource != identity && resource != gateway) resource.WithReference(identity);
}

// The portal: people's browsers reach it; it signs them in through identity (the public client
// doankhoi-web, which may return only to the portal) and calls only the gateway, with each person's token.
// The portal's calls for a person who holds no token yet count for that person at the gateway, not
// for the portal: a key made for this run tells the gateway to believe whom the portal names.
var frontEndKey = builder.AddParameter("front-end-key", Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)), secret: true);
gateway.WithEnvironment("Gateway__RateLimit__FrontEndKey", frontEndKey);
var web = builder.AddProject<Projects.DoanKhoi_Web>(ResourceNames.Web)
    .WithReference(gateway)
    .WithEnvironment("Identity__Issuer", issuer)
    .WithEnvironment("Portal__FrontEndKey", frontEndKey)
    .WithEndpoint("http", endpoint => endpoint.Port = settings.GetValue("WebPort", 8090))
    .WithHttpHealthCheck("/health")
    .WithExternalHttpEndpoints();
identity
    .WithEnvironment("Identity__WebRedirectUris__0", ReferenceExpression.Create($"{web.GetEndpoint("http")}/signin-oidc"))
    .WithEnvironment("Identity__WebPostLogoutRedirectUris__0", ReferenceExpression.Create($"{web.GetEndpoint("http")}/signout-callback-oidc"));

builder.Build().Run();
