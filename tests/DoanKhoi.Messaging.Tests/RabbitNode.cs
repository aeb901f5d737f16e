using System.Diagnostics;
using DoanKhoi.Testing;

namespace DoanKhoi.Messaging.Tests;

/// <summary>A RabbitMQ node of the test's own (eng/rabbitmq-server.sh on free loopback ports), which
/// the test can stop and start again to play a broker outage. Should its ports be taken after all when
/// it first starts (the node exits: "dist_port_already_used"), it starts again on other ports.</summary>
public sealed class RabbitNode : IAsyncDisposable
{
    /// <summary>The test classes that run a node of their own, one class at a time: on a small machine
    /// two nodes booting side by side can each take over a minute.</summary>
    public const string Collection = "RabbitMQ nodes of their own";

    private readonly string _data = Path.Combine(Path.GetTempPath(), $"doankhoi-mq-{Guid.NewGuid():N}");
    private readonly string _password = Guid.NewGuid().ToString("N");
    private Process? _process;

    private bool _started;

    public RabbitNode() => Port = FreePorts.Pair();

    /// <summary>A node that first tries <paramref name="port"/> (and the next one for Erlang's
    /// distribution), whoever holds them.</summary>
    public RabbitNode(int port) => Port = port;

    public int Port { get; private set; }

    /// <summary>How many times the first start found its ports taken and moved to others.</summary>
    public int PortsRetried { get; private set; }
    public string ConnectionString => $"amqp://doankhoi:{_password}@127.0.0.1:{Port}";

    /// <summary>Starts the node, unless it is running.</summary>
    public async Task StartAsync()
    {
        if (_process is { HasExited: false }) return;
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            if (await TryStartAsync())
            {
                _started = true;
                return;
            }
            // A restart keeps its ports (the node's data is named after them); a first start moves.
            if (_started || attempt == attempts)
                throw new InvalidOperationException($"The RabbitMQ node on port {Port} exited with {_process!.ExitCode}; see {_data}/log.");
            try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
            Port = FreePorts.Pair();
            PortsRetried++;
        }
    }

    private async Task<bool> TryStartAsync()
    {
        _process?.Dispose();
        var start = new ProcessStartInfo("bash", [Path.Combine(TestServers.RepositoryRoot, "eng", "rabbitmq-server.sh")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["DOANKHOI_MQ_DATA"] = _data,
                ["DOANKHOI_MQ_PORT"] = Port.ToString(),
                ["DOANKHOI_MQ_PASSWORD"] = _password,
            },
        };
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await Eventually.Until(() => Task.FromResult(FreePorts.Accepts(Port) || _process.HasExited), TimeSpan.FromSeconds(120), "the RabbitMQ node listening");
        return !_process.HasExited;
    }

    /// <summary>Stops the node the way an operator would (SIGTERM) and waits until it is gone.</summary>
    public async Task StopAsync()
    {
        if (_process is null || _process.HasExited) return;
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()])) await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
        await Eventually.Until(() => Task.FromResult(!FreePorts.Accepts(Port)), what: "the RabbitMQ port closed");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            _process?.Dispose();
            try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
        }
    }
}

/// <summary>A RabbitMQ node for one test class, which its tests may stop, start and fill.</summary>
public sealed class RabbitNodeFixture : IAsyncLifetime
{
    public RabbitNode Node { get; } = new();

    public Task InitializeAsync() => Node.StartAsync();

    public async Task DisposeAsync() => await Node.DisposeAsync();
}
