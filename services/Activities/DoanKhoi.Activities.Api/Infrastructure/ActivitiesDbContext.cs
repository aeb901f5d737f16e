using DoanKhoi.Messaging;
using DoanKhoi.Messaging.Audit;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Activities.Infrastructure;

public sealed class ActivitiesDbContext(DbContextOptions<ActivitiesDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder model) => model.AddOutboxAndInbox().AddAuditTrail();
}

public sealed class ActivitiesDbContextFactory() : ServiceDbContextFactory<ActivitiesDbContext>(ResourceNames.ActivitiesDb);
