using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace DoanKhoi.Messaging;

/// <summary>How every service's DbContext talks to PostgreSQL: snake_case names and one migrations
/// history table. The same settings at run time and for `dotnet ef`.</summary>
public static class ServiceDatabase
{
    public const string MigrationsHistoryTable = "__ef_migrations_history";

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) => options
        .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable(MigrationsHistoryTable))
        .UseSnakeCaseNamingConvention();
}

/// <summary>For `dotnet ef migrations add`: builds the context with no running host and no database.</summary>
public abstract class ServiceDbContextFactory<TContext>(string database) : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TContext>();
        ServiceDatabase.Configure(options, $"Host=localhost;Database={database}");
        return (TContext)Activator.CreateInstance(typeof(TContext), options.Options)!;
    }
}
