using DoanKhoi.Messaging;
using DoanKhoi.Messaging.Audit;
using DoanKhoi.Organisation;
using DoanKhoi.Reporting.Domain.Board;
using DoanKhoi.Reporting.Domain.Facts;
using DoanKhoi.Reporting.Domain.Programme;
using DoanKhoi.Reporting.Domain.Reports;
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
    public DbSet<InspectionRecord> InspectionRecords => Set<InspectionRecord>();
    public DbSet<UnitStandingRecord> UnitStandings => Set<UnitStandingRecord>();
    public DbSet<IdeaQuotaRecord> IdeaQuotas => Set<IdeaQuotaRecord>();
    public DbSet<MemberStateRecord> MemberStates => Set<MemberStateRecord>();
    public DbSet<MilestoneRecord> Milestones => Set<MilestoneRecord>();
    public DbSet<MemberGradeRecord> MemberGrades => Set<MemberGradeRecord>();
    public DbSet<UnitGradeRecord> UnitGrades => Set<UnitGradeRecord>();
    public DbSet<YouthCountRecord> YouthCounts => Set<YouthCountRecord>();
    public DbSet<UnitClusterRecord> UnitClusters => Set<UnitClusterRecord>();
    public DbSet<ProgrammeRecord> Programmes => Set<ProgrammeRecord>();
    public DbSet<Tally> Tallies => Set<Tally>();
    public DbSet<Report> Reports => Set<Report>();
    public DbSet<ReportAttachment> ReportAttachments => Set<ReportAttachment>();
    public DbSet<ReportOpening> ReportOpenings => Set<ReportOpening>();
    public DbSet<Reminder> Reminders => Set<Reminder>();
    public DbSet<ReportContact> ReportContacts => Set<ReportContact>();
    public DbSet<ReportClosing> ReportClosings => Set<ReportClosing>();

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
            e.NotAudited();
        });
        model.Entity<ParticipationRecord>(e =>
        {
            e.ToTable("participation_records");
            e.Property(p => p.Id).ValueGeneratedNever();
            e.Property(p => p.Attendance).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(p => p.ActivityId);
            e.HasIndex(p => new { p.UnitId, p.ActivityId });
            // What the board counts a unit's attendances from, for an index-only scan: the participations of a
            // unit lie scattered over the table as the year's events arrived (BoardCounter.FactsAsync).
            e.HasIndex(p => p.UnitId, "ix_participation_records_unit_id_attended").IncludeProperties(p => new { p.ActivityId, p.MemberId })
                .HasFilter("attendance = 'Attended' AND NOT withdrawn");
            e.NotAudited();
        });
        model.Entity<IdeaRecord>(e =>
        {
            e.ToTable("idea_records");
            e.Property(i => i.Id).ValueGeneratedNever();
            e.Property(i => i.Title).HasMaxLength(300);
            e.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(i => new { i.Year, i.UnitId });
            e.NotAudited();
        });
        model.Entity<InspectionRecord>(e =>
        {
            e.ToTable("inspection_records");
            e.Property(i => i.Id).ValueGeneratedNever();
            e.Property(i => i.Kind).HasMaxLength(TargetProgramme.CodeMaxLength);
            e.Property(i => i.Title).HasMaxLength(InspectionRecord.TitleMaxLength);
            e.HasIndex(i => new { i.Year, i.Kind });
            e.NotAudited();
        });
        model.Entity<UnitStandingRecord>(e =>
        {
            e.ToTable("unit_standing_records");
            e.HasKey(u => u.UnitId);
            e.NotAudited();
        });
        model.Entity<IdeaQuotaRecord>(e =>
        {
            e.ToTable("idea_quota_records");
            e.HasKey(q => new { q.Year, q.UnitId });
            e.NotAudited();
        });
        // What membership published about members, their grades and the units' youths (Domain/Facts).
        model.Entity<MemberStateRecord>(e =>
        {
            e.ToTable("member_state_records");
            e.HasKey(s => new { s.MemberId, s.Version });
            e.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(s => s.UnitId).IncludeProperties(s => s.MemberId);
            e.NotAudited();
        });
        model.Entity<MilestoneRecord>(e =>
        {
            e.ToTable("milestone_records");
            e.HasKey(m => new { m.MemberId, m.Milestone });
            e.Property(m => m.Milestone).HasConversion<string>().HasMaxLength(30);
            e.HasIndex(m => new { m.UnitId, m.EffectiveOn });
            e.NotAudited();
        });
        model.Entity<MemberGradeRecord>(e =>
        {
            e.ToTable("member_grade_records");
            e.HasKey(g => new { g.MemberId, g.Year });
            e.Property(g => g.Grade).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(g => new { g.UnitId, g.Year });
            e.NotAudited();
        });
        model.Entity<UnitGradeRecord>(e =>
        {
            e.ToTable("unit_grade_records");
            e.HasKey(g => new { g.UnitId, g.Year });
            e.Property(g => g.Grade).HasConversion<string>().HasMaxLength(20);
            e.NotAudited();
        });
        model.Entity<YouthCountRecord>(e =>
        {
            e.ToTable("youth_count_records");
            e.HasKey(y => new { y.UnitId, y.CountedOn });
            e.NotAudited();
        });
        model.Entity<UnitClusterRecord>(e =>
        {
            e.ToTable("unit_cluster_records");
            e.HasKey(u => new { u.UnitId, u.Version });
            e.HasIndex(u => u.ClusterId);
            e.NotAudited();
        });
        // The year's programme (audited: a target changed during the year is on the record) and the board.
        model.Entity<ProgrammeRecord>(e =>
        {
            e.ToTable("programmes");
            e.HasKey(p => p.Year);
            e.Property(p => p.Year).ValueGeneratedNever();
            e.Property(p => p.Document).HasColumnType("jsonb");
            e.Property(p => p.ChangedBy).HasMaxLength(200);
            e.Property(p => p.Version).IsConcurrencyToken();
            e.Property(p => p.CountedVersion).NotAudited();
            e.Ignore(p => p.Programme);
            e.OwnsMany(p => p.Revisions, r =>
            {
                r.ToTable("programme_revisions");
                r.WithOwner().HasForeignKey(x => x.Year);
                r.HasKey(x => new { x.Year, x.Version });
                r.Property(x => x.Version).ValueGeneratedNever();
                r.Property(x => x.Document).HasColumnType("jsonb");
                r.Property(x => x.Reason).HasMaxLength(ProgrammeRecord.ReasonMaxLength);
                r.Property(x => x.ChangedBy).HasMaxLength(200);
            });
        });
        model.Entity<Tally>(e =>
        {
            e.ToTable("board_tallies");
            e.HasKey(t => new { t.Year, t.Scope, t.NodeId, t.Measure, t.Part, t.Day });
            e.Property(t => t.Measure).HasMaxLength(TargetProgramme.CodeMaxLength);
            e.NotAudited();
        });
        // The reports units and clusters send (Domain/Reports): every version kept, as jsonb with the report.
        model.Entity<Report>(e =>
        {
            e.ToTable("reports");
            e.Property(r => r.Id).ValueGeneratedNever();
            e.Property(r => r.Code).HasMaxLength(TargetProgramme.CodeMaxLength);
            e.Property(r => r.Level).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.ReviewComment).HasMaxLength(Report.CommentMaxLength);
            e.Property(r => r.ReviewedBy).HasMaxLength(200);
            e.Property(r => r.SubmitterId).IsAuditedUnit();
            e.Ignore(r => r.Latest);
            e.HasIndex(r => new { r.Year, r.Code, r.SubmitterId }).IsUnique();
            e.HasIndex(r => new { r.Year, r.SubmitterId });
            e.Property(r => r.Versions).HasColumnType("jsonb").HasConversion(
                v => System.Text.Json.JsonSerializer.Serialize(v, System.Text.Json.JsonSerializerOptions.Web),
                s => System.Text.Json.JsonSerializer.Deserialize<List<ReportVersion>>(s, System.Text.Json.JsonSerializerOptions.Web) ?? new(),
                new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<ReportVersion>>(
                    (a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()));   // a version reviewed is a version replaced
        });
        model.Entity<ReportAttachment>(e =>
        {
            e.ToTable("report_attachments");
            e.Property(a => a.Id).ValueGeneratedNever();
            e.Property(a => a.Code).HasMaxLength(TargetProgramme.CodeMaxLength);
            e.Property(a => a.FileName).HasMaxLength(ReportAttachment.FileNameMaxLength);
            e.Property(a => a.ContentType).HasMaxLength(100);
            e.Property(a => a.UploadedBy).HasMaxLength(200);
            e.Property(a => a.SubmitterId).IsAuditedUnit();
            e.Property(a => a.Content).NotAudited();
            e.HasIndex(a => new { a.Year, a.Code, a.SubmitterId });
        });
        model.Entity<ReportOpening>(e =>
        {
            e.ToTable("report_openings");
            e.Property(o => o.Id).ValueGeneratedNever();
            e.Property(o => o.Code).HasMaxLength(TargetProgramme.CodeMaxLength);
            e.Property(o => o.Reason).HasMaxLength(ReportOpening.ReasonMaxLength);
            e.Property(o => o.GrantedBy).HasMaxLength(200);
            e.Property(o => o.SubmitterId).IsAuditedUnit();
            e.HasIndex(o => new { o.Year, o.Code, o.SubmitterId });
        });
        model.Entity<Reminder>(e =>
        {
            e.ToTable("reminders");
            e.Property(r => r.Id).ValueGeneratedNever();
            e.Property(r => r.Code).HasMaxLength(TargetProgramme.CodeMaxLength);
            e.Property(r => r.Stage).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.EmailTo).HasMaxLength(Reminder.EmailMaxLength);
            e.Property(r => r.EmailError).HasMaxLength(500);
            e.HasIndex(r => new { r.Year, r.Code, r.SubmitterId, r.Stage }).IsUnique();
            e.HasIndex(r => r.SubmitterId);
            e.NotAudited();
        });
        model.Entity<ReportContact>(e =>
        {
            e.ToTable("report_contacts");
            e.HasKey(c => c.NodeId);
            e.Property(c => c.Email).HasMaxLength(Reminder.EmailMaxLength);
            e.Property(c => c.ChangedBy).HasMaxLength(200);
            e.Property(c => c.NodeId).IsAuditedUnit();
        });
        model.Entity<ReportClosing>(e =>
        {
            e.ToTable("report_closings");
            e.HasKey(c => new { c.Year, c.Code });
            e.Property(c => c.Code).HasMaxLength(TargetProgramme.CodeMaxLength);
        });
        model.AddOutboxAndInbox().AddAuditTrail();
    }
}

public sealed class ReportingDbContextFactory() : ServiceDbContextFactory<ReportingDbContext>(ResourceNames.ReportingDb);
