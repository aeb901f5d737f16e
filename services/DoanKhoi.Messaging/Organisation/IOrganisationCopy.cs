using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Organisation;

/// <summary>A service database that keeps a copy of the organisation tree: its context implements this
/// with <c>Set&lt;…&gt;()</c>, calls <see cref="OrganisationCopyModel.AddOrganisationCopy"/> in
/// <c>OnModelCreating</c> and registers <see cref="OrganisationCopyConsumer{TContext}"/> with
/// <see cref="OrganisationCopyRegistration.AddOrganisationCopy{TContext}"/>.</summary>
public interface IOrganisationCopy
{
    DbSet<ClusterCopy> Clusters { get; }
    DbSet<UnitCopy> Units { get; }
    DbSet<BranchCopy> Branches { get; }
}
