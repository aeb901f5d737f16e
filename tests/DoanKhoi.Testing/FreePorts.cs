using System.Net;
using System.Net.Sockets;

namespace DoanKhoi.Testing;

/// <summary>Loopback ports for the servers a test starts itself (a RabbitMQ node, the end-to-end
/// system's PostgreSQL, RabbitMQ and gateway), safe on a busy machine where ./run.sh runs too:
/// <list type="bullet">
/// <item>taken below the range the operating system hands out for outgoing connections
/// (<c>/proc/sys/net/ipv4/ip_local_port_range</c>), so no connection of another program can come
/// to own one between the check and the server's start;</item>
/// <item>free when a listener can bind them, which also fails for a port that a live connection
/// already owns (a connect check does not see that);</item>
/// <item>reserved for this process by a lock file, so two test processes never pick the same one.</item>
/// </list></summary>
public static class FreePorts
{
    private static readonly object Gate = new();
    private static readonly Dictionary<int, FileStream> Reserved = [];
    private static readonly string LockFolder = Path.Combine(Path.GetTempPath(), "doankhoi-ports");

    /// <summary>The ports handed out: the non-ephemeral ones from 20000 up, leaving out RabbitMQ's
    /// usual distribution port (25672) for a broker Debian's package may have started.</summary>
    public static (int From, int To) Range { get; } = ComputeRange();

    /// <summary>A free port, not one of <paramref name="taken"/>, which it joins.</summary>
    public static int One(ISet<int>? taken = null) => Find(1, taken);

    /// <summary>A free port whose successor is free too (RabbitMQ's Erlang distribution port), neither
    /// of them one of <paramref name="taken"/>, which both join.</summary>
    public static int Pair(ISet<int>? taken = null) => Find(2, taken);

    /// <summary>Whether a server could listen on <paramref name="port"/> on the loopback address now:
    /// nothing listens there and no connection owns it as its local port.</summary>
    public static bool CanBind(int port)
    {
        try
        {
            // No SO_REUSEADDR (.NET sets it by default on Linux): bind then fails for a port that any
            // socket of the machine holds, a connection's as well as a listener's.
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, false);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            socket.Listen();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Whether something accepts connections on <paramref name="port"/> (a server that started).</summary>
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

    private static int Find(int count, ISet<int>? taken)
    {
        var (from, to) = Range;
        lock (Gate)
        {
            for (var attempt = 0; attempt < 500; attempt++)
            {
                var port = Random.Shared.Next(from, to - count + 2);
                var ports = Enumerable.Range(port, count).ToArray();
                if (ports.Any(p => p == 25672 || Reserved.ContainsKey(p) || taken?.Contains(p) == true)) continue;
                if (!ports.All(CanBind) || !TryReserve(ports)) continue;
                foreach (var p in ports) taken?.Add(p);
                return port;
            }
        }
        throw new InvalidOperationException($"No {count} free consecutive loopback port(s) between {from} and {to}.");
    }

    /// <summary>Holds a lock file per port for the life of this process (the operating system drops
    /// the locks when it ends, however it ends).</summary>
    private static bool TryReserve(int[] ports)
    {
        Directory.CreateDirectory(LockFolder);
        var held = new List<(int Port, FileStream Lock)>();
        foreach (var port in ports)
        {
            try
            {
                held.Add((port, new FileStream(Path.Combine(LockFolder, $"{port}.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None)));
            }
            catch (IOException)
            {
                foreach (var (_, file) in held) file.Dispose();
                return false;
            }
        }
        foreach (var (port, file) in held) Reserved[port] = file;
        return true;
    }

    private static (int From, int To) ComputeRange()
    {
        var (low, high) = (32768, 60999);   // Linux's default
        try
        {
            var parts = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            (low, high) = (int.Parse(parts[0]), int.Parse(parts[1]));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
        }
        // Below the ephemeral range when it leaves room there (it does by default), above it otherwise.
        return low - 1 >= 21000 ? (20000, low - 1) : (high + 1, 65534);
    }
}
