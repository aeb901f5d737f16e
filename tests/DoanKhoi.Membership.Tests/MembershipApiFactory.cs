using DoanKhoi.Testing;
using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace DoanKhoi.Membership.Tests;

/// <summary>The membership service over a real PostgreSQL database of its own; the bus is MassTransit's
/// in-memory harness, so the tests see what the outbox dispatcher publishes.</summary>
public sealed class MembershipApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public PostgresDatabase Database { get; } = new();

    /// <summary>Settings on top of the test ones, e.g. Demo:Load.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    public ITestHarness Harness => Services.GetRequiredService<ITestHarness>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:membershipdb", Database.ConnectionString);
        builder.UseSetting("ConnectionStrings:messaging", "amqp://guest:guest@127.0.0.1:1");
        builder.UseSetting("Messaging:OutboxPollInterval", "00:00:00.200");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services => services.AddMassTransitTestHarness());
    }

    public Task InitializeAsync() => Database.InitializeAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }
}
