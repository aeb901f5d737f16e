namespace DoanKhoi.Messaging.Bench;

/// <summary>What the benchmark runs, from its command line.</summary>
/// <param name="Events">Events written in one commit, as an import does.</param>
/// <param name="Rate">Writes a second in the steady scenario, one event each.</param>
/// <param name="Seconds">How long the steady scenario writes.</param>
/// <param name="BatchSize">The dispatcher's <see cref="MessagingOptions.OutboxBatchSize"/>.</param>
public sealed record BenchSettings(int Events, int Rate, int Seconds, int BatchSize)
{
    public static BenchSettings Parse(string[] args)
    {
        var settings = new BenchSettings(Events: 10_000, Rate: 130, Seconds: 20, BatchSize: new MessagingOptions().OutboxBatchSize);
        for (var i = 0; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n > 0
                ? n
                : throw new ArgumentException($"{args[i]} needs a positive whole number.");
            settings = args[i] switch
            {
                "--events" => settings with { Events = value },
                "--rate" => settings with { Rate = value },
                "--seconds" => settings with { Seconds = value },
                "--batch" => settings with { BatchSize = value },
                _ => throw new ArgumentException($"Unknown option {args[i]}; known: --events, --rate, --seconds, --batch."),
            };
        }
        return settings;
    }

    public override string ToString() =>
        $"settings: import of {Events:N0} events in one commit; steady {Rate} writes/s for {Seconds} s; outbox batch size {BatchSize}; " +
        "publisher confirms on; consumer: the notes service's inbox consumer (one transaction per event), MassTransit's default concurrency";
}

/// <summary>The servers to run against: the same environment variables as the tests.</summary>
public sealed record Servers(string Postgres, string RabbitMq)
{
    public static Servers FromEnvironment() => new(Required("DOANKHOI_TEST_POSTGRES"), Required("DOANKHOI_TEST_RABBITMQ"));

    private static string Required(string variable) => Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException($"{variable} is not set. Run bench/messaging.sh, which starts PostgreSQL and RabbitMQ for the benchmark.");
}
