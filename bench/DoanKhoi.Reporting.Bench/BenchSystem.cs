using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using DoanKhoi.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DoanKhoi.Reporting.Bench;

/// <summary>The system as ./run.sh --demo starts it (the AppHost, by Aspire.Hosting.Testing, as the
/// end-to-end tests do), on the benchmark's own PostgreSQL and RabbitMQ, with the demo organisation, and
/// a client of the gateway signed in as the bloc office. Once up, it waits until reporting has heard
/// everything the demo data set publishes (membership's units and members, activities' year of activities
/// and who came) and has counted the 2023 board, so that the generator writes into a quiet database.
/// The activities benchmark's BenchSystem, for the reporting service and its database.</summary>
public sealed class BenchSystem : IAsyncDisposable
{
    private DistributedApplication _app = null!;

    public HttpClient Gateway { get; private set; } = null!;
    public HttpClient Anonymous { get; private set; } = null!;
    public string Password { get; } = $"bench-{Guid.NewGuid():N}";
    public string ReportingDatabase { get; private set; } = "";
    public string ActivitiesDatabase { get; private set; } = "";
    public string MembershipDatabase { get; private set; } = "";
    public TimeSpan StartedIn { get; private set; }

    /// <summary>What reporting had from the demo data set before the generator's: activities and participations.</summary>
    public long DemoActivities { get; private set; }
    public long DemoParticipations { get; private set; }

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
            // The benchmark is one caller sending thousands of requests: the per-caller limit is not what it measures.
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
        await Task.WhenAll(new[] { ResourceNames.MembershipApi, ResourceNames.ActivitiesApi, ResourceNames.ReportingApi, ResourceNames.IdentityApi, ResourceNames.Gateway }
            .Select(r => notifications.WaitForResourceHealthyAsync(r, startup.Token)));
        system.Anonymous = system._app.CreateHttpClient(ResourceNames.Gateway);
        foreach (var segment in new[] { "reporting", ResourceNames.IdentitySegment })
            await Eventually.Until(async () => (await system.Anonymous.GetAsync($"/api/{segment}/alive", startup.Token)).IsSuccessStatusCode,
                TimeSpan.FromSeconds(60), $"the gateway routing to {segment}");
        system.Gateway = await system.SignedInAsync("vanphong");
        string Database(string name) => new NpgsqlConnectionStringBuilder(settings.Postgres) { Database = name, CommandTimeout = 0 }.ConnectionString;
        system.ReportingDatabase = Database(ResourceNames.ReportingDb);
        system.ActivitiesDatabase = Database(ResourceNames.ActivitiesDb);
        system.MembershipDatabase = Database(ResourceNames.MembershipDb);
        await system.WaitForDemoDataAsync();
        system.StartedIn = started.Elapsed;
        return system;
    }

    /// <summary>Waits until reporting's copy holds membership's units and members; then until activities has
    /// loaded the demo data set's activities (their count still for 20 s, or none for 5 minutes) and reporting
    /// has them all with their participations; then until the 2023 board is counted.</summary>
    private async Task WaitForDemoDataAsync()
    {
        const string copies = "SELECT (SELECT count(*) FROM units) || '/' || (SELECT count(*) FROM members)";
        await Eventually.Until(async () => (await ScalarAsync<string>(MembershipDatabase, copies), await ScalarAsync<string>(ReportingDatabase, copies)),
            seen => seen.Item1 == seen.Item2 && !seen.Item1.StartsWith("0/", StringComparison.Ordinal) && !seen.Item1.EndsWith("/0", StringComparison.Ordinal),
            TimeSpan.FromMinutes(3), "reporting's copy of the units and members (units/members in membership, in reporting)");
        var (last, still) = (-1L, Stopwatch.StartNew());
        while (true)
        {
            var activities = await ScalarAsync<long>(ActivitiesDatabase, "SELECT count(*) FROM activities");
            if (activities != last) (last, still) = (activities, Stopwatch.StartNew());
            else if (activities > 0 ? still.Elapsed >= TimeSpan.FromSeconds(20) : still.Elapsed >= TimeSpan.FromMinutes(5)) break;
            await Task.Delay(1000);
        }
        const string facts = "SELECT (SELECT count(*) FROM {0}) || '/' || (SELECT count(*) FROM {1})";
        await Eventually.Until(async () => (await ScalarAsync<string>(ActivitiesDatabase, string.Format(facts, "activities", "participations")),
                await ScalarAsync<string>(ReportingDatabase, string.Format(facts, "activity_records", "participation_records"))),
            seen => seen.Item1 == seen.Item2, TimeSpan.FromMinutes(5), "reporting's records of the demo activities and participations (in activities, in reporting)");
        DemoActivities = await ScalarAsync<long>(ReportingDatabase, "SELECT count(*) FROM activity_records");
        DemoParticipations = await ScalarAsync<long>(ReportingDatabase, "SELECT count(*) FROM participation_records");
        await Eventually.Until(() => ScalarAsync<bool>(ReportingDatabase, "SELECT coalesce(bool_and(counted_version = version), false) FROM programmes WHERE year = 2023"),
            TimeSpan.FromMinutes(3), "the 2023 board counted");
    }

    /// <summary>A client of the gateway with <paramref name="userName"/>'s access token, signed in as a browser does;
    /// tried again a few times, since on a busy machine the identity service may answer the gateway too late (504).</summary>
    public async Task<HttpClient> SignedInAsync(string userName)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = Anonymous.BaseAddress };
                var tokens = await new SignInFlow(browser, $"/api/{ResourceNames.IdentitySegment}").SignInAsync(userName, Password);
                if (tokens.AccessToken is null) throw new InvalidOperationException($"No token for {userName}: {tokens.Error} {tokens.ErrorDescription}");
                return new HttpClient { BaseAddress = Anonymous.BaseAddress, Timeout = TimeSpan.FromSeconds(60) }.As(tokens.AccessToken);
            }
            catch (Exception e) when (attempt < 6 && e is InvalidOperationException or HttpRequestException or TaskCanceledException)
            {
                Console.WriteLine($"    signing in as {userName} failed (attempt {attempt}), trying again in 10 s: {e.Message[..Math.Min(e.Message.Length, 200)]}");
                await Task.Delay(TimeSpan.FromSeconds(10));
            }
        }
    }

    /// <summary>The plan of every statement over 50 ms goes to the server's log (auto_explain, without
    /// ANALYZE so that it costs nothing measurable): bench/reporting.sh keeps that log for EXPLAIN work.</summary>
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

    public Task<string> PostgresVersionAsync() => ScalarAsync<string>(ReportingDatabase,
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
