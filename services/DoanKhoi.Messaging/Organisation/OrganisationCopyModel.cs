using DoanKhoi.Contracts.Membership;
using DoanKhoi.Messaging.Audit;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Organisation;

public static class OrganisationCopyModel
{
    /// <summary>The copy's tables in this service's database: clusters, units, branches. Ids come from
    /// membership; no foreign keys between them, since events may arrive in any order.</summary>
    public static ModelBuilder AddOrganisationCopy(this ModelBuilder model)
    {
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
            e.ToTable("branches");
            e.Property(b => b.Id).ValueGeneratedNever();
            e.Property(b => b.UnitId).IsAuditedUnit();
            e.Property(b => b.Name).HasMaxLength(OrganisationLimits.NameMaxLength);
            e.HasIndex(b => b.UnitId);
        });
        return model;
    }
}
