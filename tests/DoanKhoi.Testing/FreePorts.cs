using System.Net;
using System.Net.Sockets;

namespace DoanKhoi.Testing;

/// <summary>Loopback ports nothing listens on, for servers a test starts itself.</summary>
public static class FreePorts
{
    /// <summary>A free port, not one of <paramref name="taken"/>, which it joins.</summary>
    public static int One(ISet<int>? taken = null)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            if (taken is null || taken.Add(port)) return port;
        }
        throw new InvalidOperationException("No free port.");
    }

    /// <summary>A free port whose successor is free too (RabbitMQ's Erlang distribution port), neither
    /// of them one of <paramref name="taken"/>, which both join.</summary>
    public static int Pair(ISet<int>? taken = null)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var port = One();
            if (port >= 65535 || Accepts(port + 1) || taken is not null && (taken.Contains(port) || taken.Contains(port + 1))) continue;
            taken?.Add(port);
            taken?.Add(port + 1);
            return port;
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
