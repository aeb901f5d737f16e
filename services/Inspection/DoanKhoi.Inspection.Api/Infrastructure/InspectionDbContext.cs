using DoanKhoi.Inspection.Domain.Discipline;
using DoanKhoi.Inspection.Domain.Evidence;
using DoanKhoi.Inspection.Domain.Inspections;
using DoanKhoi.Inspection.Domain.Programme;
using DoanKhoi.Inspection.Domain.Recommendations;
using DoanKhoi.Inspection.Domain.Standing;
using DoanKhoi.Inspection.Domain.Supervision;
using DoanKhoi.Messaging;
using DoanKhoi.Messaging.Audit;
using DoanKhoi.Organisation;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Inspection.Infrastructure;

/// <summary>The year's inspection programme, the inspections with their subjects and findings, the
/// recommendations and what units reported of them, disciplinary decisions, social critique and youth
/// forums; the service's copies of the organisation tree and of the members; the outbox, inbox and audit trail.</summary>
public sealed class InspectionDbContext(DbContextOptions<InspectionDbContext> options) : DbContext(options), IOrganisationCopy, IMemberCopy
{
    private const int UserNameMaxLength = 256;

    public DbSet<PlanItem> PlanItems => Set<PlanItem>();
    public DbSet<Domain.Inspections.Inspection> Inspections => Set<Domain.Inspections.Inspection>();
    public DbSet<Recommendation> Recommendations => Set<Recommendation>();
    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();
    public DbSet<DisciplinaryDecision> Decisions => Set<DisciplinaryDecision>();
    public DbSet<SocialCritique> SocialCritiques => Set<SocialCritique>();
    public DbSet<YouthForum> YouthForums => Set<YouthForum>();
    public DbSet<UnitStandingRecord> UnitStandings => Set<UnitStandingRecord>();
    public DbSet<FollowUpReminder> FollowUpReminders => Set<FollowUpReminder>();
    public DbSet<FollowUpContact> FollowUpContacts => Set<FollowUpContact>();
    public DbSet<MemberCopy> Members => Set<MemberCopy>();
    public DbSet<ClusterCopy> Clusters => Set<ClusterCopy>();
    public DbSet<UnitCopy> Units => Set<UnitCopy>();
    public DbSet<BranchCopy> Branches => Set<BranchCopy>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.AddOutboxAndInbox().AddAuditTrail().AddOrganisationCopy().AddMemberCopy();
        model.Entity<PlanItem>(e =>
        {
            e.ToTable("plan_items");
            e.Property(p => p.Id).ValueGeneratedNever();
            e.Property(p => p.Kind).HasConversion<string>().HasMaxLength(30);
            e.Property(p => p.Topic).HasMaxLength(Domain.Inspections.Inspection.TopicMaxLength);
            e.Property(p => p.Note).HasMaxLength(PlanItem.NoteMaxLength);
            e.Property(p => p.Version).IsConcurrencyToken();
            e.HasIndex(p => new { p.Year, p.Quarter });
        });
        model.Entity<Domain.Inspections.Inspection>(e =>
        {
            e.ToTable("inspections");
            e.Property(i => i.Id).ValueGeneratedNever();
            e.Property(i => i.Kind).HasConversion<string>().HasMaxLength(30);
            e.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(i => i.Topic).HasMaxLength(Domain.Inspections.Inspection.TopicMaxLength);
            e.OwnsOne(i => i.Basis, b =>
            {
                b.Property(x => x.DecisionNumber).HasColumnName("decision_number").HasMaxLength(Domain.Inspections.Inspection.DecisionNumberMaxLength);
                b.Property(x => x.DecidedOn).HasColumnName("decided_on");
            });
            e.Navigation(i => i.Basis).IsRequired();
            e.Property(i => i.Team).HasColumnType("text[]");
            e.Property(i => i.Conclusion).HasMaxLength(Domain.Inspections.Inspection.ConclusionMaxLength);
            e.Property(i => i.CancelReason).HasMaxLength(Domain.Inspections.Inspection.ReasonMaxLength);
            e.Property(i => i.Version).IsConcurrencyToken();
            e.Ignore(i => i.UnitIds);
            e.Ignore(i => i.Progress);
            e.OwnsMany(i => i.Subjects, s =>
            {
                s.ToTable("inspection_subjects");
                s.WithOwner().HasForeignKey("InspectionId");
                s.HasKey("InspectionId", nameof(InspectionSubject.Id));
                s.Property(x => x.Id).ValueGeneratedNever();
                s.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
                s.Property(x => x.Stage).HasConversion<string>().HasMaxLength(20);
                s.Property(x => x.Name).HasMaxLength(300);
                s.Property(x => x.Result).HasMaxLength(InspectionSubject.ResultMaxLength);
                s.HasIndex(x => x.UnitId);
            });
            e.Navigation(i => i.Subjects).UsePropertyAccessMode(PropertyAccessMode.Field);
            e.HasMany(i => i.Findings).WithOne().HasForeignKey(f => f.InspectionId).OnDelete(DeleteBehavior.Cascade);
            e.Navigation(i => i.Findings).UsePropertyAccessMode(PropertyAccessMode.Field);
            e.HasIndex(i => new { i.Year, i.Status });
            e.HasIndex(i => i.PlanItemId);
        });
        model.Entity<Finding>(e =>
        {
            e.ToTable("findings");
            e.Property(f => f.Id).ValueGeneratedNever();
            e.Property(f => f.UnitId).IsAuditedUnit();
            e.Property(f => f.SubjectKind).HasConversion<string>().HasMaxLength(20);
            e.Property(f => f.Severity).HasConversion<string>().HasMaxLength(20);
            e.Property(f => f.Description).HasMaxLength(FindingDetails.DescriptionMaxLength);
            e.Property(f => f.Evidence).HasColumnType("text[]");
            e.Property(f => f.RecordedBy).HasMaxLength(UserNameMaxLength);
            e.Ignore(f => f.IsPersonal);
            e.HasIndex(f => new { f.UnitId, f.Severity });
        });
        model.Entity<Recommendation>(e =>
        {
            e.ToTable("recommendations");
            e.Property(r => r.Id).ValueGeneratedNever();
            e.Property(r => r.UnitId).IsAuditedUnit();
            e.Property(r => r.AddresseeKind).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.AddresseeName).HasMaxLength(300);
            e.Property(r => r.Action).HasMaxLength(Recommendation.ActionMaxLength);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.Escalation).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.ClosedBy).HasMaxLength(UserNameMaxLength);
            e.Property(r => r.ReopenReason).HasMaxLength(Recommendation.ReasonMaxLength);
            e.Property(r => r.FindingIds).HasColumnType("uuid[]");
            e.Ignore(r => r.Reports);
            e.Property<List<RecommendationReport>>("_reports").HasColumnName("reports").IsJsonbList();
            e.Property(r => r.Version).IsConcurrencyToken();
            e.HasIndex(r => new { r.UnitId, r.Status, r.DueOn });
            e.HasIndex(r => new { r.Status, r.DueOn });
            e.HasIndex(r => r.InspectionId);
        });
        model.Entity<EvidenceFile>(e =>
        {
            // Each file is a finding's or a recommendation's, never both.
            e.ToTable("evidence_files", t => t.HasCheckConstraint("ck_evidence_files_one_owner", "(finding_id IS NULL) <> (recommendation_id IS NULL)"));
            e.Property(f => f.Id).ValueGeneratedNever();
            e.Property(f => f.UnitId).IsAuditedUnit();
            e.Property(f => f.FileName).HasMaxLength(EvidenceFile.FileNameMaxLength);
            e.Property(f => f.ContentType).HasMaxLength(100);
            e.Property(f => f.UploadedBy).HasMaxLength(UserNameMaxLength);
            e.Property(f => f.Content).NotAudited();
            // A finding removed while the inspection is in progress takes its files with it.
            e.HasOne<Finding>().WithMany().HasForeignKey(f => f.FindingId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Recommendation>().WithMany().HasForeignKey(f => f.RecommendationId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(f => f.InspectionId);
        });
        model.Entity<DisciplinaryDecision>(e =>
        {
            e.ToTable("disciplinary_decisions");
            e.Property(d => d.Id).ValueGeneratedNever();
            e.Property(d => d.UnitId).IsAuditedUnit();
            e.Property(d => d.MemberName).HasMaxLength(300);
            e.Property(d => d.Measure).HasConversion<string>().HasMaxLength(30);
            e.Property(d => d.DecisionNumber).HasMaxLength(DisciplinaryDecision.DecisionNumberMaxLength);
            e.Property(d => d.DecidedBy).HasMaxLength(DisciplinaryDecision.DecidedByMaxLength);
            e.Property(d => d.Reason).HasMaxLength(DisciplinaryDecision.ReasonMaxLength);
            e.Property(d => d.AnnulReason).HasMaxLength(DisciplinaryDecision.ReasonMaxLength);
            e.Property(d => d.RecordedBy).HasMaxLength(UserNameMaxLength);
            e.Property(d => d.Version).IsConcurrencyToken();
            e.HasIndex(d => d.MemberId);
            e.HasIndex(d => d.UnitId);
        });
        model.Entity<SocialCritique>(e =>
        {
            e.ToTable("social_critiques");
            e.Property(s => s.Id).ValueGeneratedNever();
            e.Property(s => s.Document).HasMaxLength(SocialCritique.DocumentMaxLength);
            e.Property(s => s.SentBy).HasMaxLength(SocialCritique.SenderMaxLength);
            e.Property(s => s.Opinions).HasMaxLength(SocialCritique.OpinionsMaxLength);
            e.Property(s => s.Response).HasMaxLength(SocialCritique.OpinionsMaxLength);
            e.Property(s => s.Version).IsConcurrencyToken();
            e.HasIndex(s => s.Year);
        });
        model.Entity<UnitStandingRecord>(e =>
        {
            e.ToTable("unit_standings");
            e.HasKey(u => u.UnitId);
            e.Property(u => u.UnitId).ValueGeneratedNever().IsAuditedUnit();
        });
        model.Entity<FollowUpReminder>(e =>
        {
            e.ToTable("follow_up_reminders");
            e.Property(r => r.Id).ValueGeneratedNever();
            e.Property(r => r.Stage).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.EmailTo).HasMaxLength(FollowUpReminder.EmailMaxLength);
            e.Property(r => r.EmailError).HasMaxLength(500);
            // A round of reminders per due day: a recommendation reopened with a new one is followed up again.
            e.HasIndex(r => new { r.RecommendationId, r.Stage, r.DueOn }).IsUnique();
            e.HasIndex(r => new { r.NodeId, r.CreatedAt });
            e.NotAudited();
        });
        model.Entity<FollowUpContact>(e =>
        {
            e.ToTable("follow_up_contacts");
            e.HasKey(c => c.NodeId);
            e.Property(c => c.Email).HasMaxLength(FollowUpReminder.EmailMaxLength);
            e.Property(c => c.UpdatedBy).HasMaxLength(UserNameMaxLength);
        });
        model.Entity<YouthForum>(e =>
        {
            e.ToTable("youth_forums");
            e.Property(f => f.Id).ValueGeneratedNever();
            e.Property(f => f.Title).HasMaxLength(YouthForum.TitleMaxLength);
            e.Ignore(f => f.Opinions);
            e.Property<List<ForumOpinion>>("_opinions").HasColumnName("opinions").IsJsonbList();
            e.Property(f => f.Version).IsConcurrencyToken();
            e.HasIndex(f => new { f.Year, f.UnitId });
        });
    }
}

public sealed class InspectionDbContextFactory() : ServiceDbContextFactory<InspectionDbContext>(ResourceNames.InspectionDb);
