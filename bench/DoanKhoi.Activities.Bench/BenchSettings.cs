namespace DoanKhoi.Activities.Bench;

/// <summary>The benchmark's arguments: <c>--participations 10000000</c> generated over <c>--activities 20000</c>
/// activities and <c>--members 200000</c> members (0 participations: only the attendance sheet, on the demo
/// data set's units and the members generated); <c>--requests 500</c> timed per list after <c>--warmup 30</c>;
/// <c>--runs 10</c> attendance sheets of <c>--sheet 500</c> members per case, each on a fresh planned activity,
/// after <c>--sheet-warmup 2</c>; <c>--seed</c> for the generator; <c>--keep</c> to leave the system up for
/// EXPLAIN ANALYZE; <c>--compare-sql file.sql</c> to run that SQL (an index to try) on the activities database
/// after the first measurement of the lists and measure them again; <c>--settle 180</c>: before each measurement,
/// wait up to that many seconds for the machine's 1-minute load average to come down to its number of cores
/// (the machine may be shared; the load is printed with the figures either way).</summary>
public sealed record BenchSettings(string Postgres, string RabbitMq, int Participations, int Activities, int Members, int Requests, int Warmup,
    int Runs, int Sheet, int SheetWarmup, int Seed, bool Keep, string? CompareSql, int Settle)
{
    public static BenchSettings From(string[] args)
    {
        string? Value(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
        var postgres = Environment.GetEnvironmentVariable("DOANKHOI_BENCH_POSTGRES")
            ?? throw new InvalidOperationException("DOANKHOI_BENCH_POSTGRES (a PostgreSQL server's connection string) is not set: run bench/activities.sh.");
        var rabbitMq = Environment.GetEnvironmentVariable("DOANKHOI_BENCH_RABBITMQ")
            ?? throw new InvalidOperationException("DOANKHOI_BENCH_RABBITMQ (an amqp:// URI) is not set: run bench/activities.sh.");
        var settings = new BenchSettings(postgres, rabbitMq,
            int.Parse(Value("--participations") ?? "10000000"), int.Parse(Value("--activities") ?? "20000"), int.Parse(Value("--members") ?? "200000"),
            int.Parse(Value("--requests") ?? "500"), int.Parse(Value("--warmup") ?? "30"),
            int.Parse(Value("--runs") ?? "10"), int.Parse(Value("--sheet") ?? "500"), int.Parse(Value("--sheet-warmup") ?? "2"),
            int.Parse(Value("--seed") ?? "20261127"), args.Contains("--keep"), Value("--compare-sql"),
            int.Parse(Value("--settle") ?? "180"));
        if (settings.Members < settings.Sheet * 2)
            throw new ArgumentException($"--members {settings.Members} is too few for attendance sheets of {settings.Sheet}.");
        if (settings.Activities < 1 || settings.Participations < 0) throw new ArgumentException("--activities must be at least 1 and --participations not negative.");
        return settings;
    }

    public override string ToString() =>
        $"{Participations:N0} participations over {Activities:N0} activities and {Members:N0} members, {Requests} timed requests per list after {Warmup} to warm up; " +
        $"{Runs} attendance sheets of {Sheet} members per case after {SheetWarmup} to warm up; seed {Seed}" + (CompareSql is null ? "" : $", then the lists again after {CompareSql}");
}
