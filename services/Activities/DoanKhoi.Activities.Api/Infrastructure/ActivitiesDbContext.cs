using DoanKhoi.Messaging;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Activities.Infrastructure;

public sealed class ActivitiesDbContext(DbContextOptions<ActivitiesDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder model) => model.AddOutboxAndInbox();
}

public sealed class ActivitiesDbContextFactory() : ServiceDbContextFactory<ActivitiesDbContext>(ResourceNames.ActivitiesDb);
