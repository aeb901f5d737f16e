using DoanKhoi.Membership.Domain;
using DoanKhoi.Messaging;
using DoanKhoi.Messaging.Audit;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Membership.Infrastructure;

public sealed class MembershipDbContext(DbContextOptions<MembershipDbContext> options) : DbContext(options)
{
    public DbSet<Cluster> Clusters => Set<Cluster>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Branch> Branches => Set<Branch>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.HasPostgresExtension("pg_trgm");

        model.Entity<Cluster>(e =>
        {
            e.Property(c => c.Code).HasMaxLength(OrganisationCode.MaxLength);
            e.HasIndex(c => c.Code).IsUnique();
            e.Property(c => c.Name).HasMaxLength(OrganisationName.MaxLength);
            e.Property(c => c.NameFolded).HasMaxLength(OrganisationName.MaxLength);
            e.Property(c => c.Version).IsConcurrencyToken();
        });

        model.Entity<Unit>(e =>
        {
            e.Property(u => u.Id).IsAuditedUnit();
            e.Property(u => u.Code).HasMaxLength(OrganisationCode.MaxLength);
            e.HasIndex(u => u.Code).IsUnique();
            e.Property(u => u.Name).HasMaxLength(OrganisationName.MaxLength);
            e.Property(u => u.NameFolded).HasMaxLength(OrganisationName.MaxLength);
            e.HasIndex(u => u.NameFolded).HasMethod("gin").HasOperators("gin_trgm_ops");
            e.Property(u => u.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(u => u.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(u => u.CloseReason).HasMaxLength(Unit.MaxCloseReasonLength);
            e.Property(u => u.Version).IsConcurrencyToken();
            e.HasOne<Cluster>().WithMany().HasForeignKey(u => u.ClusterId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(u => u.ClusterId);
            e.OwnsMany(u => u.History, h =>
            {
                h.ToTable("unit_history");
                h.WithOwner().HasForeignKey(x => x.UnitId);
                h.HasKey(x => x.Id);
                h.Property(x => x.Id).UseIdentityAlwaysColumn();
                h.HasIndex(x => new { x.UnitId, x.Version }).IsUnique();
                h.Property(x => x.Change).HasConversion<string>().HasMaxLength(20);
                h.Property(x => x.From).HasMaxLength(Unit.MaxHistoryTextLength);
                h.Property(x => x.To).HasMaxLength(Unit.MaxHistoryTextLength);
            });
            e.Navigation(u => u.History).HasField("_history");
        });

        model.Entity<Branch>(e =>
        {
            e.Property(b => b.UnitId).IsAuditedUnit();
            e.Property(b => b.Name).HasMaxLength(OrganisationName.MaxLength);
            e.Property(b => b.NameFolded).HasMaxLength(OrganisationName.MaxLength);
            e.Property(b => b.Version).IsConcurrencyToken();
            e.HasOne<Unit>().WithMany().HasForeignKey(b => b.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(b => new { b.UnitId, b.NameFolded }).IsUnique();
        });

        model.AddOutboxAndInbox().AddAuditTrail();
    }
}

public sealed class MembershipDbContextFactory() : ServiceDbContextFactory<MembershipDbContext>(ResourceNames.MembershipDb);
