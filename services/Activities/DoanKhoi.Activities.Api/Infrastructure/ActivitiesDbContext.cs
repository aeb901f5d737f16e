using System.Text.Json;
using DoanKhoi.Activities.Domain.Activities;
using DoanKhoi.Activities.Domain.Programme;
using DoanKhoi.Messaging;
using DoanKhoi.Messaging.Audit;
using DoanKhoi.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace DoanKhoi.Activities.Infrastructure;

/// <summary>The activities, activities' copy of the organisation tree, the outbox, inbox and audit trail.</summary>
public sealed class ActivitiesDbContext(DbContextOptions<ActivitiesDbContext> options) : DbContext(options), IOrganisationCopy
{
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<ClusterCopy> Clusters => Set<ClusterCopy>();
    public DbSet<UnitCopy> Units => Set<UnitCopy>();
    public DbSet<BranchCopy> Branches => Set<BranchCopy>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.AddOutboxAndInbox().AddAuditTrail().AddOrganisationCopy();
        model.Entity<Activity>(e =>
        {
            e.ToTable("activities");
            e.Property(a => a.Id).ValueGeneratedNever();
            e.Property(a => a.Title).HasMaxLength(ActivityLimits.TitleMaxLength);
            e.Property(a => a.TitleFolded).HasMaxLength(ActivityLimits.TitleMaxLength);
            e.Property(a => a.Movement).HasMaxLength(ProgrammeYear.CodeMaxLength);
            e.Property(a => a.Programme).HasMaxLength(ProgrammeYear.CodeMaxLength);
            e.Property(a => a.Kind).HasMaxLength(ProgrammeYear.CodeMaxLength);
            e.Property(a => a.Subtype).HasMaxLength(ProgrammeYear.CodeMaxLength);
            e.Property(a => a.OrganiserLevel).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.Place).HasMaxLength(ActivityLimits.PlaceMaxLength);
            e.Property(a => a.Note).HasMaxLength(ActivityLimits.NoteMaxLength);
            e.Property(a => a.CancelReason).HasMaxLength(ActivityLimits.ReasonMaxLength);
            e.Property(a => a.Quantities).HasColumnType("jsonb").HasConversion(
                v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default),
                s => JsonSerializer.Deserialize<Dictionary<string, int>>(s, JsonSerializerOptions.Default) ?? new(),
                new ValueComparer<Dictionary<string, int>>(
                    (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
                    d => d.Aggregate(0, (h, kv) => HashCode.Combine(h, kv.Key, kv.Value)),
                    d => new Dictionary<string, int>(d)));
            e.HasIndex(a => new { a.OrganiserLevel, a.OrganiserId, a.StartsOn });
            e.HasIndex(a => a.StartsOn);
            e.Property(a => a.Version).IsConcurrencyToken();
        });
    }
}

public sealed class ActivitiesDbContextFactory() : ServiceDbContextFactory<ActivitiesDbContext>(ResourceNames.ActivitiesDb);
