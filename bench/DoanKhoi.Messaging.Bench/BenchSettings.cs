namespace DoanKhoi.Messaging.Bench;

/// <summary>What the benchmark runs, from its command line.</summary>
/// <param name="Events">Events written in one commit, as an import does.</param>
/// <param name="Rate">Writes a second in the steady scenario, one event each.</param>
/// <param name="Seconds">How long the steady scenario writes.</param>
/// <param name="BatchSizes">The batch sizes (<see cref="MessagingOptions.OutboxBatchSize"/>) to measure the outbox's dispatcher with.</param>
public sealed record BenchSettings(int Events, int Rate, int Seconds, IReadOnlyList<int> BatchSizes)
{
    public static BenchSettings Parse(string[] args)
    {
        var settings = new BenchSettings(Events: 10_000, Rate: 130, Seconds: 20, BatchSizes: [new MessagingOptions().OutboxBatchSize]);
        for (var i = 0; i < args.Length; i += 2)
        {
            var values = i + 1 < args.Length ? args[i + 1].Split(',').Select(v => int.TryParse(v, out var n) && n > 0 ? n : 0).ToList() : [];
            if (values.Count == 0 || values.Contains(0)) throw new ArgumentException($"{args[i]} needs a positive whole number (--batch: one or more, comma-separated).");
            settings = args[i] switch
            {
                "--events" => settings with { Events = values[0] },
                "--rate" => settings with { Rate = values[0] },
                "--seconds" => settings with { Seconds = values[0] },
                "--batch" => settings with { BatchSizes = values },
                _ => throw new ArgumentException($"Unknown option {args[i]}; known: --events, --rate, --seconds, --batch."),
            };
        }
        return settings;
    }

    public override string ToString() =>
        $"settings: import of {Events:N0} events in one commit; steady {Rate} writes/s for {Seconds} s; outbox batch size {string.Join(", ", BatchSizes)}; " +
        $"publish timeout {new MessagingOptions().PublishTimeout.TotalSeconds:0} s; publisher confirms on, persistent messages, durable queue; consumer: the notes service's inbox consumer " +
        "(one transaction per event) at MassTransit's default concurrency, in the same process";
}

/// <summary>The servers to run against: the same environment variables as the tests.</summary>
public sealed record Servers(string Postgres, string RabbitMq)
{
    public static Servers FromEnvironment() => new(Required("DOANKHOI_TEST_POSTGRES"), Required("DOANKHOI_TEST_RABBITMQ"));

    private static string Required(string variable) => Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException($"{variable} is not set. Run bench/messaging.sh, which starts PostgreSQL and RabbitMQ for the benchmark.");
}
