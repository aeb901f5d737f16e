using DoanKhoi.Messaging;
using DoanKhoi.Messaging.Audit;
using DoanKhoi.Organisation;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Reporting.Infrastructure;

public sealed class ReportingDbContext(DbContextOptions<ReportingDbContext> options) : DbContext(options), IOrganisationCopy
{
    public DbSet<ClusterCopy> Clusters => Set<ClusterCopy>();
    public DbSet<UnitCopy> Units => Set<UnitCopy>();
    public DbSet<BranchCopy> Branches => Set<BranchCopy>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.AddOrganisationCopy();
        model.AddOutboxAndInbox().AddAuditTrail();
    }
}

public sealed class ReportingDbContextFactory() : ServiceDbContextFactory<ReportingDbContext>(ResourceNames.ReportingDb);
