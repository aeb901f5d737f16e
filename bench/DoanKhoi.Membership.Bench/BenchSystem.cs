using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using DoanKhoi.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DoanKhoi.Membership.Bench;

/// <summary>The system as ./run.sh --demo starts it (the AppHost, by Aspire.Hosting.Testing, as the
/// end-to-end tests do), on the benchmark's own PostgreSQL and RabbitMQ, with the demo organisation
/// (5 clusters, 43 units), and a client of the gateway signed in as the bloc office.</summary>
public sealed class BenchSystem : IAsyncDisposable
{
    private DistributedApplication _app = null!;

    public HttpClient Gateway { get; private set; } = null!;
    public HttpClient Anonymous { get; private set; } = null!;

    /// <summary>The portal's address (resource web).</summary>
    public Uri Portal { get; private set; } = null!;
    public string Password { get; } = $"bench-{Guid.NewGuid():N}";
    public string MembershipDatabase { get; private set; } = "";
    public string IdentityDatabase { get; private set; } = "";
    public TimeSpan StartedIn { get; private set; }

    public static async Task<BenchSystem> StartAsync(BenchSettings settings)
    {
        var system = new BenchSystem();
        var started = Stopwatch.StartNew();
        await LogSlowPlansAsync(settings.Postgres);
        var ports = new HashSet<int>();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.DoanKhoi_AppHost>(
        [
            $"ConnectionStrings:{ResourceNames.Postgres}={settings.Postgres}",
            $"ConnectionStrings:{ResourceNames.Messaging}={settings.RabbitMq}",
            $"DoanKhoi:GatewayPort={FreePorts.One(ports)}",
            $"DoanKhoi:WebPort={FreePorts.One(ports)}",
            $"DoanKhoi:BlocOfficePassword={system.Password}",
            "DoanKhoi:Demo=true",
            // The benchmark is one caller sending a thousand requests: the per-caller limit is not what it measures.
            "DoanKhoi:RateLimitPerCaller=1000000",
        ]);
        // The services' own logs would drown the figures; a failure to start still shows as a timeout.
        builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddFilter("DoanKhoi.AppHost.Resources", LogLevel.None));
        system._app = await builder.BuildAsync();
        using var startup = new CancellationTokenSource(TimeSpan.FromMinutes(20));
        await system._app.StartAsync(startup.Token);
        var notifications = system._app.Services.GetRequiredService<ResourceNotificationService>();
        await Task.WhenAll(new[] { ResourceNames.MembershipApi, ResourceNames.IdentityApi, ResourceNames.Gateway, ResourceNames.Web }
            .Select(r => notifications.WaitForResourceHealthyAsync(r, startup.Token)));
        system.Anonymous = system._app.CreateHttpClient(ResourceNames.Gateway);
        system.Portal = system._app.GetEndpoint(ResourceNames.Web, "http");
        foreach (var segment in new[] { "membership", ResourceNames.IdentitySegment })
            await Eventually.Until(async () => (await system.Anonymous.GetAsync($"/api/{segment}/alive", startup.Token)).IsSuccessStatusCode,
                TimeSpan.FromSeconds(60), $"the gateway routing to {segment}");
        system.Gateway = await system.SignedInAsync("vanphong");
        system.MembershipDatabase = new NpgsqlConnectionStringBuilder(settings.Postgres) { Database = ResourceNames.MembershipDb, CommandTimeout = 0 }.ConnectionString;
        system.IdentityDatabase = new NpgsqlConnectionStringBuilder(settings.Postgres) { Database = ResourceNames.IdentityDb }.ConnectionString;
        system.StartedIn = started.Elapsed;
        return system;
    }

    /// <summary>A client of the gateway with <paramref name="userName"/>'s access token, signed in as a browser does.</summary>
    public async Task<HttpClient> SignedInAsync(string userName)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = Anonymous.BaseAddress };
        var tokens = await new SignInFlow(browser, $"/api/{ResourceNames.IdentitySegment}").SignInAsync(userName, Password);
        if (tokens.AccessToken is null) throw new InvalidOperationException($"No token for {userName}: {tokens.Error} {tokens.ErrorDescription}");
        return new HttpClient { BaseAddress = Anonymous.BaseAddress, Timeout = TimeSpan.FromSeconds(60) }.As(tokens.AccessToken);
    }

    /// <summary>The plan of every statement over 50 ms goes to the server's log (auto_explain, without
    /// ANALYZE so that it costs nothing measurable): bench/membership.sh keeps that log for EXPLAIN work.</summary>
    private static async Task LogSlowPlansAsync(string server)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        foreach (var sql in new[]
                 {
                     "ALTER ROLE postgres SET session_preload_libraries = 'auto_explain'",
                     "ALTER ROLE postgres SET auto_explain.log_min_duration = '50ms'",
                     "ALTER ROLE postgres SET auto_explain.log_level = 'warning'",   // eng/postgres-server.sh logs warnings and above
                 })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>How many members identity knows of (from the member events it has handled).</summary>
    public async Task<long> KnownMembersAsync()
    {
        await using var connection = new NpgsqlConnection(IdentityDatabase);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM known_members", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task<string> PostgresVersionAsync()
    {
        await using var connection = new NpgsqlConnection(MembershipDatabase);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_setting('server_version') || ', shared_buffers ' || current_setting('shared_buffers') || ', work_mem ' || current_setting('work_mem')", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        Gateway?.Dispose();
        Anonymous?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
