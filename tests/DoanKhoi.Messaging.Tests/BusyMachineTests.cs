using System.Net;
using System.Net.Sockets;
using DoanKhoi.Testing;

namespace DoanKhoi.Messaging.Tests;

/// <summary>The suite's own servers start while another DoanKhoi (./run.sh) runs beside it: the ports
/// they take are ones no outgoing connection can own, and a node that finds its port taken anyway
/// moves to others instead of failing the test.</summary>
[Collection(RabbitNode.Collection)]
public class BusyMachineTests
{
    [Fact]
    public void Test_servers_never_get_a_port_the_system_hands_to_outgoing_connections()
    {
        var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var (low, high) = (int.Parse(range[0]), int.Parse(range[1]));
        for (var i = 0; i < 20; i++)
        {
            var port = FreePorts.Pair();
            Assert.True(port + 1 < low || port > high, $"{port} and {port + 1} overlap the ephemeral range {low}-{high}.");
            var single = FreePorts.One();
            Assert.True(single < low || single > high, $"{single} is in the ephemeral range {low}-{high}.");
        }
    }

    [Fact]
    public void A_port_that_a_live_outgoing_connection_owns_is_not_free()
    {
        using var server = new TcpListener(IPAddress.Loopback, 0);
        server.Start();
        using var client = Connect(server);
        var port = ((IPEndPoint)client.LocalEndPoint!).Port;

        // Nothing listens there, so a connect check calls it free; a server could not bind it.
        Assert.False(FreePorts.Accepts(port));
        Assert.False(FreePorts.CanBind(port));
    }

    [Fact]
    public void Ports_handed_out_are_not_handed_out_again()
    {
        var ports = Enumerable.Range(0, 30).Select(_ => FreePorts.Pair()).SelectMany(p => new[] { p, p + 1 }).ToList();
        Assert.Equal(ports.Count, ports.Distinct().Count());
    }

    [Fact]
    public async Task A_broker_whose_distribution_port_a_live_connection_owns_starts_on_other_ports()
    {
        using var server = new TcpListener(IPAddress.Loopback, 0);
        server.Start();
        // As on the machine where ./run.sh ran: a connection of another program owns the port after
        // the one the broker was given, the port Erlang's distribution listens on.
        using var client = Connect(server);
        var port = ((IPEndPoint)client.LocalEndPoint!).Port - 1;

        await using var node = new RabbitNode(port);
        await node.StartAsync();

        Assert.True(node.PortsRetried >= 1);
        Assert.NotEqual(port, node.Port);
        await using var connection = await new RabbitMQ.Client.ConnectionFactory { Uri = new Uri(node.ConnectionString) }.CreateConnectionAsync();
        Assert.True(connection.IsOpen);
    }

    /// <summary>An outgoing connection as most programs make one: the system picks its local port (an
    /// ephemeral one) and, unlike a port bound on purpose, it can be shared with no listener.</summary>
    private static Socket Connect(TcpListener server)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Connect((IPEndPoint)server.LocalEndpoint);
        return socket;
    }
}
