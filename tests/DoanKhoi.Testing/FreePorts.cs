using System.Net;
using System.Net.Sockets;

namespace DoanKhoi.Testing;

/// <summary>Loopback ports nothing listens on, for servers a test starts itself.</summary>
public static class FreePorts
{
    public static int One()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>A free port whose successor is free too (RabbitMQ's Erlang distribution port).</summary>
    public static int Pair()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var port = One();
            if (port < 65535 && !Accepts(port + 1)) return port;
        }
        throw new InvalidOperationException("No free pair of ports.");
    }

    public static bool Accepts(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
