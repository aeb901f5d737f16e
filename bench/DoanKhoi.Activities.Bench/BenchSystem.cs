using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using DoanKhoi.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DoanKhoi.Activities.Bench;

/// <summary>The system as ./run.sh --demo starts it (the AppHost, by Aspire.Hosting.Testing, as the
/// end-to-end tests do), on the benchmark's own PostgreSQL and RabbitMQ, with the demo organisation, and
/// a client of the gateway signed in as the bloc office. Once up, it waits until activities' copy of the
/// organisation and of the members has caught up with membership (the demo data set comes by events) and
/// the demo data set's activities are in.
/// A copy of the membership benchmark's BenchSystem, for the activities service and its database.</summary>
public sealed class BenchSystem : IAsyncDisposable
{
    private DistributedApplication _app = null!;

    public HttpClient Gateway { get; private set; } = null!;
    public HttpClient Anonymous { get; private set; } = null!;
    public string Password { get; } = $"bench-{Guid.NewGuid():N}";
    public string ActivitiesDatabase { get; private set; } = "";
    public string MembershipDatabase { get; private set; } = "";
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
        // The services' own logs, the health checks failing while they start and the HTTP client's requests
        // would drown the figures; a failure to start still shows as a timeout.
        builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddFilter("DoanKhoi.AppHost.Resources", LogLevel.None)
            .AddFilter("Aspire.Hosting.DistributedApplication", LogLevel.Warning).AddFilter("System.Net.Http.HttpClient", LogLevel.Warning)
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None));
        system._app = await builder.BuildAsync();
        using var startup = new CancellationTokenSource(TimeSpan.FromMinutes(20));
        await system._app.StartAsync(startup.Token);
        var notifications = system._app.Services.GetRequiredService<ResourceNotificationService>();
        await Task.WhenAll(new[] { ResourceNames.MembershipApi, ResourceNames.ActivitiesApi, ResourceNames.IdentityApi, ResourceNames.Gateway }
            .Select(r => notifications.WaitForResourceHealthyAsync(r, startup.Token)));
        system.Anonymous = system._app.CreateHttpClient(ResourceNames.Gateway);
        foreach (var segment in new[] { "activities", ResourceNames.IdentitySegment })
            await Eventually.Until(async () => (await system.Anonymous.GetAsync($"/api/{segment}/alive", startup.Token)).IsSuccessStatusCode,
                TimeSpan.FromSeconds(60), $"the gateway routing to {segment}");
        system.Gateway = await system.SignedInAsync("vanphong");
        system.ActivitiesDatabase = new NpgsqlConnectionStringBuilder(settings.Postgres) { Database = ResourceNames.ActivitiesDb, CommandTimeout = 0 }.ConnectionString;
        system.MembershipDatabase = new NpgsqlConnectionStringBuilder(settings.Postgres) { Database = ResourceNames.MembershipDb }.ConnectionString;
        await system.WaitForCopiesAsync();
        system.StartedIn = started.Elapsed;
        return system;
    }

    /// <summary>Waits until activities' copy holds membership's units and members (the demo data set
    /// reaches it by events, and the generator reads the units from the copy), then until the activities
    /// service has loaded the demo data set's year of activities (it does so once the copy has settled, if
    /// it has no activity yet): their count must have stayed still for 20 s, or stayed at none for 5 minutes.</summary>
    private async Task WaitForCopiesAsync()
    {
        const string counts = "SELECT (SELECT count(*) FROM units) || '/' || (SELECT count(*) FROM members)";
        await Eventually.Until(async () => (await ScalarAsync<string>(MembershipDatabase, counts), await ScalarAsync<string>(ActivitiesDatabase, counts)),
            seen => seen.Item1 == seen.Item2 && !seen.Item1.StartsWith("0/", StringComparison.Ordinal) && !seen.Item1.EndsWith("/0", StringComparison.Ordinal),
            TimeSpan.FromMinutes(3), "activities' copy of the units and members (units/members in membership, in activities)");
        var (last, still) = (-1L, Stopwatch.StartNew());
        while (true)
        {
            var activities = await ScalarAsync<long>(ActivitiesDatabase, "SELECT count(*) FROM activities");
            if (activities != last) (last, still) = (activities, Stopwatch.StartNew());
            else if (activities > 0 ? still.Elapsed >= TimeSpan.FromSeconds(20) : still.Elapsed >= TimeSpan.FromMinutes(5)) break;
            await Task.Delay(1000);
        }
        DemoActivities = last;
        DemoParticipations = await ScalarAsync<long>(ActivitiesDatabase, "SELECT count(*) FROM participations");
    }

    /// <summary>The demo data set's activities and participations, there before the generator's.</summary>
    public long DemoActivities { get; private set; }
    public long DemoParticipations { get; private set; }

    /// <summary>A client of the gateway with <paramref name="userName"/>'s access token, signed in as a browser does.</summary>
    public async Task<HttpClient> SignedInAsync(string userName)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = Anonymous.BaseAddress };
        var tokens = await new SignInFlow(browser, $"/api/{ResourceNames.IdentitySegment}").SignInAsync(userName, Password);
        if (tokens.AccessToken is null) throw new InvalidOperationException($"No token for {userName}: {tokens.Error} {tokens.ErrorDescription}");
        return new HttpClient { BaseAddress = Anonymous.BaseAddress, Timeout = TimeSpan.FromSeconds(60) }.As(tokens.AccessToken);
    }

    /// <summary>The plan of every statement over 50 ms goes to the server's log (auto_explain, without
    /// ANALYZE so that it costs nothing measurable): bench/activities.sh keeps that log for EXPLAIN work.</summary>
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

    public Task<string> PostgresVersionAsync() => ScalarAsync<string>(ActivitiesDatabase,
        "SELECT current_setting('server_version') || ', shared_buffers ' || current_setting('shared_buffers') || ', work_mem ' || current_setting('work_mem')");

    public static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        return (T)(await command.ExecuteScalarAsync())!;
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
