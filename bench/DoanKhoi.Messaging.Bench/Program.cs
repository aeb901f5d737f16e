using DoanKhoi.Messaging.Bench;

// The outbox benchmark: events written to a real PostgreSQL outbox, published to a real RabbitMQ and
// handled by an inbox consumer. Run it with bench/messaging.sh, which starts the servers.
//   dotnet run -c Release --project bench/DoanKhoi.Messaging.Bench -- [--events 10000] [--rate 130] [--seconds 20] [--batch 500[,1000…]]
var settings = BenchSettings.Parse(args);
var servers = Servers.FromEnvironment();

Console.WriteLine(await Machine.DescribeAsync(servers));
Console.WriteLine(settings);
Console.WriteLine();

var figures = new List<Figures>();
foreach (var dispatcher in Dispatcher.All(settings))
{
    figures.Add(await Scenarios.ImportAsync(servers, dispatcher, settings.Events));
    figures.Add(await Scenarios.PublishOnlyAsync(servers, dispatcher, settings.Events));
    figures.Add(await Scenarios.SteadyAsync(servers, dispatcher, settings.Rate, settings.Seconds));
}

Console.WriteLine();
Report.Print(figures, Console.Out);
