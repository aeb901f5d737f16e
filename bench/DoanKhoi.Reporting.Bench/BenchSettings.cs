using System.Globalization;

namespace DoanKhoi.Reporting.Bench;

/// <summary>The benchmark's arguments: <c>--scale 1</c> of the national size (100,000 units in 1,000 clusters,
/// 6,000,000 members, 5,000,000 activities, 50,000,000 participations: 0.01 for a quick run);
/// <c>--requests 500</c> timed per kind of request after <c>--warmup 30</c>; <c>--rate 200</c> events a second
/// published for <c>--seconds 180</c>, one in <c>--sample-every 100</c> of them timed until the board shows it;
/// <c>--seed</c> for the generator; <c>--keep</c> to leave the system up for EXPLAIN ANALYZE;
/// <c>--compare-sql file.sql</c> to run that SQL (an index, a query's helper) on the reporting database after
/// the first measurements and measure again (given more than once, each file in turn, each on top of the ones before); <c>--settle 180</c>: before each measurement, wait up to that many
/// seconds for the machine's 1-minute load average to come down to its number of cores.</summary>
public sealed record BenchSettings(string Postgres, string RabbitMq, double Scale, int Requests, int Warmup,
    int Rate, int Seconds, int SampleEvery, int Seed, bool Keep, string[] CompareSql, int Settle)
{
    /// <summary>The national sizes at scale 1.</summary>
    public const int NationalUnits = 100_000;
    public const int UnitsPerCluster = 100;
    public const int MembersPerUnit = 60;
    public const int ActivitiesPerUnit = 50;
    public const int ParticipationsPerUnit = 500;

    public int Units => Math.Max(UnitsPerCluster / 10, (int)Math.Round(NationalUnits * Scale));
    public int Clusters => Math.Max(1, (int)Math.Round((double)Units / UnitsPerCluster));
    public long Members => (long)Units * MembersPerUnit;
    public long Activities => (long)Units * ActivitiesPerUnit;
    public long Participations => (long)Units * ParticipationsPerUnit;

    public static BenchSettings From(string[] args)
    {
        string? Value(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
        var postgres = Environment.GetEnvironmentVariable("DOANKHOI_BENCH_POSTGRES")
            ?? throw new InvalidOperationException("DOANKHOI_BENCH_POSTGRES (a PostgreSQL server's connection string) is not set: run bench/reporting.sh.");
        var rabbitMq = Environment.GetEnvironmentVariable("DOANKHOI_BENCH_RABBITMQ")
            ?? throw new InvalidOperationException("DOANKHOI_BENCH_RABBITMQ (an amqp:// URI) is not set: run bench/reporting.sh.");
        var settings = new BenchSettings(postgres, rabbitMq,
            double.Parse(Value("--scale") ?? "1", CultureInfo.InvariantCulture),
            int.Parse(Value("--requests") ?? "500"), int.Parse(Value("--warmup") ?? "30"),
            int.Parse(Value("--rate") ?? "200"), int.Parse(Value("--seconds") ?? "180"), int.Parse(Value("--sample-every") ?? "100"),
            int.Parse(Value("--seed") ?? "20261127"), args.Contains("--keep"),
            [.. args.Select((a, i) => (a, i)).Where(x => x.a == "--compare-sql" && x.i + 1 < args.Length).Select(x => args[x.i + 1])],
            int.Parse(Value("--settle") ?? "180"));
        if (settings.Scale is <= 0 or > 2) throw new ArgumentException("--scale is above 0 and at most 2.");
        if (settings.Rate < 1 || settings.Seconds < 1 || settings.SampleEvery < 1) throw new ArgumentException("--rate, --seconds and --sample-every are at least 1.");
        if (settings.CompareSql.FirstOrDefault(f => !File.Exists(f)) is { } missing) throw new ArgumentException($"--compare-sql {missing}: no such file.");
        return settings;
    }

    public override string ToString() =>
        $"scale {Scale.ToString(CultureInfo.InvariantCulture)}: {Units:N0} units in {Clusters:N0} clusters, {Members:N0} members, {Activities:N0} activities, " +
        $"{Participations:N0} participations in 2023; {Requests} timed requests per kind after {Warmup} to warm up; " +
        $"{Rate} events a second for {Seconds} s, one in {SampleEvery} timed until the board shows it; seed {Seed}" +
        string.Concat(CompareSql.Select(f => $"; then again after {f}"));
}
