using DoanKhoi.Messaging;
using DoanKhoi.Messaging.Audit;
using DoanKhoi.Organisation;
using DoanKhoi.Reporting.Domain.Facts;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Reporting.Infrastructure;

public sealed class ReportingDbContext(DbContextOptions<ReportingDbContext> options) : DbContext(options), IOrganisationCopy, IMemberCopy
{
    public DbSet<ClusterCopy> Clusters => Set<ClusterCopy>();
    public DbSet<UnitCopy> Units => Set<UnitCopy>();
    public DbSet<BranchCopy> Branches => Set<BranchCopy>();
    public DbSet<MemberCopy> Members => Set<MemberCopy>();
    public DbSet<ActivityRecord> Activities => Set<ActivityRecord>();
    public DbSet<ParticipationRecord> Participations => Set<ParticipationRecord>();
    public DbSet<IdeaRecord> Ideas => Set<IdeaRecord>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.AddOrganisationCopy().AddMemberCopy();
        // The facts the targets are counted from, as activities published them (Domain/Facts).
        model.Entity<ActivityRecord>(e =>
        {
            e.ToTable("activity_records");
            e.Property(a => a.Id).ValueGeneratedNever();
            e.Property(a => a.Title).HasMaxLength(300);
            e.Property(a => a.Movement).HasMaxLength(50);
            e.Property(a => a.Kind).HasMaxLength(50);
            e.Property(a => a.Subtype).HasMaxLength(50);
            e.Property(a => a.OrganiserLevel).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.Quantities).IsJsonbCounts();
            e.HasIndex(a => new { a.Year, a.Kind });
            e.HasIndex(a => new { a.OrganiserLevel, a.OrganiserId });
        });
        model.Entity<ParticipationRecord>(e =>
        {
            e.ToTable("participation_records");
            e.Property(p => p.Id).ValueGeneratedNever();
            e.Property(p => p.Attendance).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(p => p.ActivityId);
            e.HasIndex(p => new { p.UnitId, p.ActivityId });
        });
        model.Entity<IdeaRecord>(e =>
        {
            e.ToTable("idea_records");
            e.Property(i => i.Id).ValueGeneratedNever();
            e.Property(i => i.Title).HasMaxLength(300);
            e.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(i => new { i.Year, i.UnitId });
        });
        model.AddOutboxAndInbox().AddAuditTrail();
    }
}

public sealed class ReportingDbContextFactory() : ServiceDbContextFactory<ReportingDbContext>(ResourceNames.ReportingDb);
