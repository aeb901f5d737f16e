using DoanKhoi.Contracts.Membership;
using DoanKhoi.Messaging;
using DoanKhoi.Messaging.Audit;
using DoanKhoi.Reporting.Domain;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Reporting.Infrastructure;

public sealed class ReportingDbContext(DbContextOptions<ReportingDbContext> options) : DbContext(options)
{
    public DbSet<ClusterCopy> Clusters => Set<ClusterCopy>();
    public DbSet<UnitCopy> Units => Set<UnitCopy>();
    public DbSet<BranchCopy> Branches => Set<BranchCopy>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        // Ids come from membership; no foreign keys, since events may arrive in any order.
        model.Entity<ClusterCopy>(e =>
        {
            e.ToTable("clusters");
            e.Property(c => c.Id).ValueGeneratedNever();
            e.Property(c => c.Code).HasMaxLength(OrganisationLimits.CodeMaxLength);
            e.Property(c => c.Name).HasMaxLength(OrganisationLimits.NameMaxLength);
        });
        model.Entity<UnitCopy>(e =>
        {
            e.ToTable("units");
            e.Property(u => u.Id).ValueGeneratedNever().IsAuditedUnit();
            e.Property(u => u.Code).HasMaxLength(OrganisationLimits.CodeMaxLength);
            e.Property(u => u.Name).HasMaxLength(OrganisationLimits.NameMaxLength);
            e.Property(u => u.NameFolded).HasMaxLength(OrganisationLimits.NameMaxLength);
            e.Property(u => u.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(u => u.Status).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(u => u.ClusterId);
        });
        model.Entity<BranchCopy>(e =>
        {
            e.Property(b => b.UnitId).IsAuditedUnit();
            e.ToTable("branches");
            e.Property(b => b.Id).ValueGeneratedNever();
            e.Property(b => b.Name).HasMaxLength(OrganisationLimits.NameMaxLength);
            e.HasIndex(b => b.UnitId);
        });
        model.AddOutboxAndInbox().AddAuditTrail();
    }
}

public sealed class ReportingDbContextFactory() : ServiceDbContextFactory<ReportingDbContext>(ResourceNames.ReportingDb);
