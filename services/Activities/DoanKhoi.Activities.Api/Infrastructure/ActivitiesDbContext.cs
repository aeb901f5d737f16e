using DoanKhoi.Activities.Domain.Activities;
using DoanKhoi.Activities.Domain.Ideas;
using DoanKhoi.Activities.Domain.Participations;
using DoanKhoi.Activities.Domain.Programme;
using DoanKhoi.Messaging;
using DoanKhoi.Messaging.Audit;
using DoanKhoi.Organisation;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Activities.Infrastructure;

/// <summary>The activities and their participations, the creative ideas and their quotas, the service's copies of the
/// members and of the organisation tree, the outbox, inbox and audit trail.</summary>
public sealed class ActivitiesDbContext(DbContextOptions<ActivitiesDbContext> options) : DbContext(options), IOrganisationCopy, IMemberCopy
{
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<Participation> Participations => Set<Participation>();
    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();
    public DbSet<Idea> Ideas => Set<Idea>();
    public DbSet<IdeaQuota> IdeaQuotas => Set<IdeaQuota>();
    public DbSet<MemberCopy> Members => Set<MemberCopy>();
    public DbSet<ClusterCopy> Clusters => Set<ClusterCopy>();
    public DbSet<UnitCopy> Units => Set<UnitCopy>();
    public DbSet<BranchCopy> Branches => Set<BranchCopy>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.AddOutboxAndInbox().AddAuditTrail().AddOrganisationCopy().AddMemberCopy();
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
            e.Property(a => a.Quantities).IsJsonbCounts();
            e.HasIndex(a => new { a.OrganiserLevel, a.OrganiserId, a.StartsOn });
            e.HasIndex(a => a.StartsOn);
            e.Property(a => a.Version).IsConcurrencyToken();
            e.Property(a => a.CheckInCode).HasMaxLength(64);
        });
        model.Entity<EvidenceFile>(e =>
        {
            e.ToTable("evidence_files");
            e.Property(f => f.Id).ValueGeneratedNever();
            e.Property(f => f.FileName).HasMaxLength(EvidenceFile.FileNameMaxLength);
            e.Property(f => f.ContentType).HasMaxLength(100);
            e.Property(f => f.UploadedBy).HasMaxLength(256);
            e.Property(f => f.Content).NotAudited();
            e.HasIndex(f => f.ActivityId);
        });
        model.Entity<Participation>(e =>
        {
            e.ToTable("participations");
            e.Property(p => p.Id).ValueGeneratedNever();
            e.Property(p => p.UnitId).IsAuditedUnit();
            e.Property(p => p.Attendance).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.Version).IsConcurrencyToken();
            e.HasIndex(p => new { p.ActivityId, p.MemberId }).IsUnique();
            e.HasIndex(p => new { p.MemberId, p.ActivityId });
        });
        model.Entity<Idea>(e =>
        {
            e.ToTable("ideas");
            e.Property(i => i.Id).ValueGeneratedNever();
            e.Property(i => i.UnitId).IsAuditedUnit();
            e.Property(i => i.Title).HasMaxLength(Idea.TitleMaxLength);
            e.Property(i => i.TitleKey).HasMaxLength(Idea.TitleMaxLength);
            e.Property(i => i.Summary).HasMaxLength(Idea.SummaryMaxLength);
            e.Property(i => i.Field).HasMaxLength(50);
            e.Property(i => i.Link).HasMaxLength(Idea.LinkMaxLength);
            e.Property(i => i.LinkKey).HasMaxLength(Idea.LinkMaxLength);
            e.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(i => i.RejectReason).HasMaxLength(Idea.ReasonMaxLength);
            e.Property(i => i.ReviewedBy).HasMaxLength(256);
            e.Property(i => i.Version).IsConcurrencyToken();
            e.HasIndex(i => new { i.Year, i.UnitId });
            e.HasIndex(i => i.LinkKey);
            e.HasIndex(i => i.TitleKey);
        });
        model.Entity<IdeaQuota>(e =>
        {
            e.ToTable("idea_quotas");
            e.HasKey(q => new { q.Year, q.UnitId });
            e.Property(q => q.UnitId).IsAuditedUnit();
        });
    }
}

public sealed class ActivitiesDbContextFactory() : ServiceDbContextFactory<ActivitiesDbContext>(ResourceNames.ActivitiesDb);
