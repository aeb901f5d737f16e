namespace DoanKhoi.Testing;

/// <summary>The PostgreSQL and RabbitMQ that ./test.sh starts for the tests, found through
/// DOANKHOI_TEST_POSTGRES and DOANKHOI_TEST_RABBITMQ.</summary>
public static class TestServers
{
    public static string Postgres => Required("DOANKHOI_TEST_POSTGRES");

    public static string RabbitMq => Required("DOANKHOI_TEST_RABBITMQ");

    /// <summary>The repository's root folder (the one with DoanKhoi.sln).</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "DoanKhoi.sln"))) return dir.FullName;
            throw new InvalidOperationException("DoanKhoi.sln was not found above " + AppContext.BaseDirectory);
        }
    }

    private static string Required(string variable) => Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException($"{variable} is not set. Run the tests with ./test.sh, which starts PostgreSQL and RabbitMQ for them.");
}
