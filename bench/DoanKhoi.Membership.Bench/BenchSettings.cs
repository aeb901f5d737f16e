namespace DoanKhoi.Membership.Bench;

/// <summary>The benchmark's arguments: <c>--members 1000000</c> (6000000 for the large run),
/// <c>--requests 300</c> timed per query after <c>--warmup 30</c>, <c>--seed</c> for the generator,
/// <c>--import 10000</c> members to import from one .xlsx afterwards (0: none), <c>--keep</c> to leave the system up for EXPLAIN ANALYZE, <c>--compare-sql file.sql</c> to run that SQL
/// (an index to try) on the membership database after the first measurement and measure again;
/// <c>--portal 500</c> to time instead the portal's pages in Chromium for a unit of that many members
/// (<c>--runs 20</c> each), without generating the million.</summary>
public sealed record BenchSettings(string Postgres, string RabbitMq, int Members, int Requests, int Warmup, int Seed, bool Keep, string? CompareSql, int Import,
    int Portal, int Runs)
{
    public static BenchSettings From(string[] args)
    {
        string? Value(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
        var postgres = Environment.GetEnvironmentVariable("DOANKHOI_BENCH_POSTGRES")
            ?? throw new InvalidOperationException("DOANKHOI_BENCH_POSTGRES (a PostgreSQL server's connection string) is not set: run bench/membership.sh.");
        var rabbitMq = Environment.GetEnvironmentVariable("DOANKHOI_BENCH_RABBITMQ")
            ?? throw new InvalidOperationException("DOANKHOI_BENCH_RABBITMQ (an amqp:// URI) is not set: run bench/membership.sh.");
        return new BenchSettings(postgres, rabbitMq,
            int.Parse(Value("--members") ?? "1000000"), int.Parse(Value("--requests") ?? "300"), int.Parse(Value("--warmup") ?? "30"),
            int.Parse(Value("--seed") ?? "20261126"), args.Contains("--keep"), Value("--compare-sql"), int.Parse(Value("--import") ?? "10000"),
            int.Parse(Value("--portal") ?? "0"), int.Parse(Value("--runs") ?? "20"));
    }

    public override string ToString() => Portal > 0 ? $"the portal for a unit of {Portal:N0} members, {Runs} runs per page after 3 to warm up" : $"{Members:N0} members, {Requests} timed requests per query after {Warmup} to warm up, seed {Seed}" + (CompareSql is null ? "" : $", then again after {CompareSql}")
        + (Import > 0 ? $", then an import of {Import:N0} members" : "");
}
