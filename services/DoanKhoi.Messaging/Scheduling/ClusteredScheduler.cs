using System.Collections.Specialized;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace DoanKhoi.Scheduling;

/// <summary>The settings every service's scheduler shares; a service adds what its own jobs need and binds
/// the whole under its own section (<c>Reporting:Scheduler</c>, <c>Inspection:Scheduler</c>).</summary>
public class ClusteredSchedulerOptions
{
    /// <summary>Off in tests that do not test the scheduler (they empty the tables under it).</summary>
    public bool Enabled { get; set; } = true;
    /// <summary>How often each recurring job fires, once across the replicas.</summary>
    public int IntervalSeconds { get; set; } = 300;
    /// <summary>How often a replica tells the others it is alive; one silent for longer has its jobs taken over.</summary>
    public int CheckinSeconds { get; set; } = 15;
    /// <summary>How long a scheduler with nothing to fire waits before it looks again (Quartz's default is 30 s).</summary>
    public int IdleWaitMilliseconds { get; set; } = 30_000;
}

/// <summary>Quartz.NET set up once for every service that runs work on a schedule: the job store in the
/// service's own database with clustering on, so with two replicas each run fires on one of them. What a
/// run does is still keyed by the service (one reminder per stage, say), so that even two runs at once
/// change nothing twice.</summary>
public static class ClusteredScheduler
{
    /// <summary>Binds <typeparamref name="TOptions"/> to <paramref name="section"/> and, unless it says
    /// the scheduler is off, starts a scheduler named <paramref name="name"/> whose job store lives in the
    /// database of <paramref name="connectionName"/>; <paramref name="jobs"/> adds the service's jobs,
    /// given how often they should run.</summary>
    public static IHostApplicationBuilder AddClusteredScheduler<TOptions>(this IHostApplicationBuilder builder, string name, string connectionName,
        string section, Action<IQuartzBuilder, TimeSpan> jobs)
        where TOptions : ClusteredSchedulerOptions, new()
    {
        builder.Services.AddOptions<TOptions>().BindConfiguration(section);
        var options = builder.Configuration.GetSection(section).Get<TOptions>() ?? new();
        if (!options.Enabled) return builder;

        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"The connection string '{connectionName}' is missing.");
        // One scheduler name for every replica, each with an instance id of its own: that makes a cluster.
        var properties = new NameValueCollection
        {
            ["quartz.scheduler.instanceName"] = name,
            ["quartz.scheduler.instanceId"] = "AUTO",
            ["quartz.scheduler.idleWaitTime"] = options.IdleWaitMilliseconds.ToString(CultureInfo.InvariantCulture),
        };
        builder.Services.AddQuartz(properties, q =>
        {
            q.UsePersistentStore(store =>
            {
                store.UsePostgres(connectionString);
                // Quartz keeps its own tables (qrtz_*) up to date with its version: created on the first start.
                store.ProvisionSchema();
                store.UseSystemTextJsonSerializer();
                store.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(options.CheckinSeconds));
            });
            jobs(q, TimeSpan.FromSeconds(options.IntervalSeconds));
        });
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return builder;
    }

    /// <summary>Adds <typeparamref name="TJob"/> under <paramref name="key"/>, fired now and then every
    /// <paramref name="every"/> by a trigger named after the job ("…-every", the name the job stores
    /// already hold).</summary>
    public static IQuartzBuilder AddRecurringJob<TJob>(this IQuartzBuilder q, JobKey key, TimeSpan every)
        where TJob : IJob
    {
        q.AddJob<TJob>(j => j.WithIdentity(key).StoreDurably());
        q.AddTrigger(t => t.ForJob(key).WithIdentity($"{key.Name}-every").StartNow().WithSimpleSchedule(s => s.WithInterval(every).RepeatForever()));
        return q;
    }
}
