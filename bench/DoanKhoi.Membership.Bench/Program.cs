using DoanKhoi.Membership.Bench;

// bench/membership.sh starts PostgreSQL and RabbitMQ and passes them in DOANKHOI_BENCH_POSTGRES and
// DOANKHOI_BENCH_RABBITMQ; this starts the system on them, fills the membership database with
// members, and times the member queries through the gateway with a real token.
var settings = BenchSettings.From(args);
Console.WriteLine(Machine.Describe("DoanKhoi membership query benchmark"));
Console.WriteLine($"settings: {settings}");

await using var system = await BenchSystem.StartAsync(settings);
Console.WriteLine($"==> system up in {system.StartedIn.TotalSeconds:0} s (gateway {system.Gateway.BaseAddress}, portal {system.Portal})");

if (settings.Portal > 0)
{
    var pages = await PortalScenario.MeasureAsync(system, settings.Portal, settings.Runs);
    Console.WriteLine();
    Console.WriteLine(Machine.Describe("DoanKhoi portal benchmark"));
    PortalScenario.Print(pages, Console.Out);
    return pages.Any(f => f.Failures > 0) ? 1 : 0;
}

var data = await MemberData.FillAsync(system.MembershipDatabase, settings.Members, settings.Seed);
Console.WriteLine($"==> {data.Members:N0} members generated in {data.Elapsed.TotalSeconds:0} s (copy {data.CopyTime.TotalSeconds:0} s, indexes {data.IndexTime.TotalSeconds:0} s, vacuum analyze {data.AnalyzeTime.TotalSeconds:0} s); " +
                  $"largest unit {data.LargestUnitCode} with {data.LargestUnitMembers:N0}");

var figures = await Queries.MeasureAsync(system, data, settings);
Console.WriteLine();
Console.WriteLine(Machine.Describe("DoanKhoi membership query benchmark"));
Console.WriteLine($"members: {data.Members:N0} generated into {data.Units} units ({data.Clusters} clusters), plus the demo data set's; PostgreSQL {await system.PostgresVersionAsync()}");
Report.Print(figures, Console.Out);
if (settings.CompareSql is { } compare)
{
    // The same data, the same system, one change: what it is worth.
    Console.WriteLine($"==> applying {compare} to the membership database, then VACUUM ANALYZE");
    await MemberData.ExecuteFileAsync(system.MembershipDatabase, compare);
    var after = await Queries.MeasureAsync(system, data, settings);
    Console.WriteLine();
    Console.WriteLine($"after {compare}: {Machine.LoadAverage()} load average");
    Report.Print(after, Console.Out);
    figures.AddRange(after);
}
if (settings.Import > 0)
{
    var import = await ImportScenario.MeasureAsync(system, data, settings.Import, settings.Seed);
    Console.WriteLine();
    ImportScenario.Print(import, Console.Out);
}
if (settings.Keep)
{
    Console.WriteLine("--keep: the system stays up; press Enter to stop it.");
    Console.ReadLine();
}
return figures.Any(f => f.Failures > 0) ? 1 : 0;
