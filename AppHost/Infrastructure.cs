using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using RabbitMQ.Client;

namespace DoanKhoi.AppHost;

/// <summary>PostgreSQL and RabbitMQ for the services: a connection string in configuration
/// (ConnectionStrings:postgres, ConnectionStrings:messaging) wins; else containers where a Docker
/// engine answers; else Debian's binaries started by eng/*-server.sh as executable resources, with
/// their data in a git-ignored folder, on loopback only.</summary>
public sealed record Infrastructure(
    Func<string, IResourceBuilder<IResourceWithConnectionString>> Database,
    IResourceBuilder<IResourceWithConnectionString> Broker,
    IReadOnlyList<IResourceBuilder<IResource>> StartBefore)
{
    public static Infrastructure Add(IDistributedApplicationBuilder builder, string repositoryRoot)
    {
        var settings = builder.Configuration.GetSection("DoanKhoi");
        var mode = settings["Infrastructure"] ?? "auto";
        var useContainers = mode == "containers" || (mode == "auto" && DockerEngineAnswers());

        var databases = new Dictionary<string, IResourceBuilder<IResourceWithConnectionString>>();
        var startBefore = new List<IResourceBuilder<IResource>>();
        Func<string, IResourceBuilder<IResourceWithConnectionString>> database;

        if (builder.Configuration.GetConnectionString(ResourceNames.Postgres) is { Length: > 0 } server)
        {
            database = name => builder.AddConnectionString(name, ReferenceExpression.Create($"{new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString}"));
        }
        else if (useContainers)
        {
            var postgres = builder.AddPostgres(ResourceNames.Postgres).WithDataVolume("doankhoi-postgres");
            startBefore.Add(postgres);
            database = name => postgres.AddDatabase(name);
        }
        else
        {
            var port = settings.GetValue("PostgresPort", 55432);
            var password = builder.AddParameter("postgres-password", Secret(DataFolder(builder, repositoryRoot), "postgres.password"), secret: true);
            var postgres = builder.AddExecutable(ResourceNames.Postgres, "bash", repositoryRoot, Path.Combine(repositoryRoot, "eng", "postgres-server.sh"))
                .WithEnvironment("DOANKHOI_PG_DATA", Path.Combine(DataFolder(builder, repositoryRoot), "postgres"))
                .WithEnvironment("DOANKHOI_PG_PORT", port.ToString())
                .WithEnvironment("DOANKHOI_PG_PASSWORD", password)
                .WithEndpoint(port: port, targetPort: port, scheme: "tcp", name: "tcp", isProxied: false)
                .WithHealthCheck("postgres-ready");
            var serverConnection = $"Host=127.0.0.1;Port={port};Username=postgres;Password=";
            builder.Services.AddHealthChecks().AddAsyncCheck("postgres-ready", async ct =>
            {
                await using var connection = new NpgsqlConnection(serverConnection + await password.Resource.GetValueAsync(ct) + ";Timeout=3");
                await connection.OpenAsync(ct);
                return HealthCheckResult.Healthy();
            });
            startBefore.Add(postgres);
            database = name => builder.AddConnectionString(name,
                ReferenceExpression.Create($"Host=127.0.0.1;Port={port.ToString()};Username=postgres;Password={password};Database={name}"))
                .WithParentRelationship(postgres);
        }

        IResourceBuilder<IResourceWithConnectionString> broker;
        if (builder.Configuration.GetConnectionString(ResourceNames.Messaging) is { Length: > 0 })
        {
            broker = builder.AddConnectionString(ResourceNames.Messaging);
        }
        else if (useContainers)
        {
            var rabbit = builder.AddRabbitMQ(ResourceNames.Messaging).WithDataVolume("doankhoi-rabbitmq");
            startBefore.Add(rabbit);
            broker = rabbit;
        }
        else
        {
            var port = settings.GetValue("RabbitMqPort", 55672);
            var password = builder.AddParameter("messaging-password", Secret(DataFolder(builder, repositoryRoot), "rabbitmq.password"), secret: true);
            var uri = ReferenceExpression.Create($"amqp://doankhoi:{password}@127.0.0.1:{port.ToString()}");
            // One resource that is both the broker process and its connection string, named like the container.
            var rabbit = builder.AddResource(new LocalServerResource(ResourceNames.Messaging, repositoryRoot, uri))
                .WithArgs(Path.Combine(repositoryRoot, "eng", "rabbitmq-server.sh"))
                .WithEnvironment("DOANKHOI_MQ_DATA", Path.Combine(DataFolder(builder, repositoryRoot), "rabbitmq"))
                .WithEnvironment("DOANKHOI_MQ_PORT", port.ToString())
                .WithEnvironment("DOANKHOI_MQ_PASSWORD", password)
                .WithEndpoint(port: port, targetPort: port, scheme: "tcp", name: "amqp", isProxied: false)
                .WithHealthCheck("rabbitmq-ready");
            builder.Services.AddHealthChecks().AddAsyncCheck("rabbitmq-ready", async ct =>
            {
                var factory = new ConnectionFactory { Uri = new Uri((await uri.GetValueAsync(ct))!), RequestedConnectionTimeout = TimeSpan.FromSeconds(3) };
                await using var connection = await factory.CreateConnectionAsync(ct);
                return HealthCheckResult.Healthy();
            });
            startBefore.Add(rabbit);
            broker = rabbit;
        }

        return new Infrastructure(name => databases.TryGetValue(name, out var db) ? db : databases[name] = database(name), broker, startBefore);
    }

    /// <summary>Where the executables keep their data: DoanKhoi:DataFolder, else .data in the repository.</summary>
    private static string DataFolder(IDistributedApplicationBuilder builder, string repositoryRoot)
    {
        var folder = Path.GetFullPath(builder.Configuration["DoanKhoi:DataFolder"] ?? Path.Combine(repositoryRoot, ".data"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>A password generated on first start and kept beside the data it protects, never in the repository.</summary>
    private static string Secret(string folder, string file)
    {
        var path = Path.Combine(folder, file);
        if (File.Exists(path)) return File.ReadAllText(path).Trim();
        var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        File.WriteAllText(path, secret);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return secret;
    }

    /// <summary>Whether a Docker engine answers on its socket (the client alone is not enough).</summary>
    private static bool DockerEngineAnswers()
    {
        const string socketPath = "/var/run/docker.sock";
        if (OperatingSystem.IsWindows() || !File.Exists(socketPath)) return false;
        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            socket.Connect(new UnixDomainSocketEndPoint(socketPath));
            socket.Send("GET /_ping HTTP/1.0\r\n\r\n"u8);
            var buffer = new byte[64];
            socket.ReceiveTimeout = 2000;
            return socket.Receive(buffer) > 0 && System.Text.Encoding.ASCII.GetString(buffer).Contains(" 200 ");
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

/// <summary>A server started from a script of eng/ (through bash) that is also its own connection string.</summary>
public sealed class LocalServerResource(string name, string repositoryRoot, ReferenceExpression connectionString)
    : ExecutableResource(name, "bash", repositoryRoot), IResourceWithConnectionString
{
    public ReferenceExpression ConnectionStringExpression => connectionString;
}
