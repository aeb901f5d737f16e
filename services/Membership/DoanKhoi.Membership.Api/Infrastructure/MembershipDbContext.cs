using DoanKhoi.Membership.Domain;
using DoanKhoi.Membership.Domain.Evaluations;
using DoanKhoi.Membership.Domain.Members;
using DoanKhoi.Messaging;
using DoanKhoi.Messaging.Audit;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Membership.Infrastructure;

public sealed class MembershipDbContext(DbContextOptions<MembershipDbContext> options) : DbContext(options)
{
    public DbSet<Cluster> Clusters => Set<Cluster>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Branch> Branches => Set<Branch>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<MemberPlacement> MemberPlacements => Set<MemberPlacement>();
    public DbSet<MemberTally> MemberTallies => Set<MemberTally>();
    public DbSet<Transfer> Transfers => Set<Transfer>();
    public DbSet<EvaluationYear> EvaluationYears => Set<EvaluationYear>();
    public DbSet<MemberEvaluation> MemberEvaluations => Set<MemberEvaluation>();
    public DbSet<UnitEvaluation> UnitEvaluations => Set<UnitEvaluation>();
    public DbSet<YouthCount> YouthCounts => Set<YouthCount>();
    public DbSet<DisciplineRecord> DisciplineRecords => Set<DisciplineRecord>();

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

        model.Entity<Member>(e =>
        {
            e.Property(m => m.UnitId).IsAuditedUnit();
            e.Property(m => m.FullName).HasMaxLength(PersonName.MaxLength);
            e.Property(m => m.FullNameFolded).HasMaxLength(PersonName.MaxLength);
            e.HasIndex(m => m.FullNameFolded).HasMethod("gin").HasOperators("gin_trgm_ops");
            e.Property(m => m.Gender).HasConversion<string>().HasMaxLength(10);
            e.Property(m => m.EthnicityCode).HasMaxLength(Ethnicity.CodeLength).IsFixedLength();
            e.Property(m => m.CitizenId).HasMaxLength(CitizenId.Length);
            e.HasIndex(m => m.CitizenId).IsUnique();
            e.Property(m => m.Phone).HasMaxLength(PhoneNumber.MaxLength);
            e.HasIndex(m => m.Phone);
            e.Property(m => m.Email).HasMaxLength(EmailAddress.MaxLength);
            e.Property(m => m.CardNumber).HasMaxLength(CardNumber.MaxLength);
            e.HasIndex(m => m.CardNumber).IsUnique();
            e.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(m => m.PartyStatus).HasConversion<string>().HasMaxLength(20);
            e.Property(m => m.AdmissionResolution).HasMaxLength(50);
            e.Property(m => m.LeaveReason).HasConversion<string>().HasMaxLength(20);
            e.Property(m => m.LeaveNote).HasMaxLength(500);
            e.Property(m => m.Version).IsConcurrencyToken();
            e.HasOne<Unit>().WithMany().HasForeignKey(m => m.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Branch>().WithMany().HasForeignKey(m => m.BranchId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(m => new { m.UnitId, m.Status, m.FullNameFolded });
            // A unit's list, a page at a time in the list's order, read straight off the index (bench/membership.sh).
            e.HasIndex(m => new { m.UnitId, m.FullNameFolded, m.DateOfBirth, m.Id })
                .HasFilter("status IN ('Active', 'InTransfer')")
                .HasDatabaseName("ix_members_current_by_unit_and_name");
            // The members turning 30, and the statistics' count of those born in a month an age band parts in:
            // everything that count reads is in the index (an index-only scan, bench/membership.sh).
            e.HasIndex(m => m.DateOfBirth).IncludeProperties(m => new { m.UnitId, m.Gender, m.PartyStatus, m.IsCadre, m.Status });
            e.OwnsMany(m => m.History, h =>
            {
                h.ToTable("member_history");
                h.WithOwner().HasForeignKey(x => x.MemberId);
                h.HasKey(x => x.Id);
                h.Property(x => x.Id).UseIdentityAlwaysColumn();
                h.HasIndex(x => new { x.MemberId, x.Version });
                h.Property(x => x.Change).HasConversion<string>().HasMaxLength(30);
                h.Property(x => x.Detail).HasMaxLength(500);
                h.Property(x => x.By).HasMaxLength(200);
            });
            e.Navigation(m => m.History).HasField("_history");
            e.OwnsMany(m => m.Posts, p =>
            {
                p.ToTable("member_posts");
                p.WithOwner().HasForeignKey("MemberId");
                p.Property<long>("Id").UseIdentityAlwaysColumn();
                p.HasKey("Id");
                p.Property(x => x.Post).HasConversion<string>().HasMaxLength(30);
            });
            e.Navigation(m => m.Posts).HasField("_posts");
            e.HasMany(m => m.Placements).WithOne().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Restrict);
            e.Navigation(m => m.Placements).HasField("_placements");
        });

        // Where each member belonged when: "who were the members of unit X on 30/06/2023".
        model.Entity<MemberPlacement>(e =>
        {
            e.ToTable("member_placements");
            e.Property(p => p.Id).UseIdentityAlwaysColumn();
            e.Property(p => p.UnitId).IsAuditedUnit();
            e.HasIndex(p => new { p.UnitId, p.From, p.To });
            e.NotAudited();
        });

        // Kept by PostgreSQL (the migration MemberTallies), read here.
        model.Entity<MemberTally>(e =>
        {
            e.ToTable("member_tallies");
            e.HasKey(t => new { t.UnitId, t.Status, t.Gender, t.PartyStatus, t.IsCadre, t.BornIn });
            e.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(t => t.Gender).HasConversion<string>().HasMaxLength(10);
            e.Property(t => t.PartyStatus).HasConversion<string>().HasMaxLength(20);
            e.NotAudited();
        });

        model.Entity<Transfer>(e =>
        {
            e.Property(t => t.FromUnitId).IsAuditedUnit();
            e.Property(t => t.LetterNumber).HasMaxLength(50);
            e.Property(t => t.IssuedBy).HasMaxLength(200);
            e.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(t => t.DecidedBy).HasMaxLength(200);
            e.Property(t => t.DecisionReason).HasMaxLength(Transfer.MaxTextLength);
            e.Property(t => t.Version).IsConcurrencyToken();
            e.HasOne<Member>().WithMany().HasForeignKey(t => t.MemberId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Unit>().WithMany().HasForeignKey(t => t.FromUnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Unit>().WithMany().HasForeignKey(t => t.ToUnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(t => new { t.ToUnitId, t.Status });
            e.HasIndex(t => new { t.FromUnitId, t.Status });
            // A pending transfer is never lost, and never doubled: one at a time per member.
            e.HasIndex(t => t.MemberId).IsUnique().HasFilter("status = 'Pending'").HasDatabaseName("ix_transfers_one_pending_per_member");
        });

        model.Entity<EvaluationYear>(e =>
        {
            e.HasKey(y => y.Year);
            e.Property(y => y.Year).ValueGeneratedNever();
            e.Property(y => y.ClosedBy).HasMaxLength(200);
            e.Property(y => y.Version).IsConcurrencyToken();
            e.OwnsMany(y => y.Steps, s =>
            {
                s.ToTable("evaluation_year_steps");
                s.WithOwner().HasForeignKey(x => x.Year);
                s.HasKey(x => x.Id);
                s.Property(x => x.Id).UseIdentityAlwaysColumn();
                s.Property(x => x.Change).HasConversion<string>().HasMaxLength(20);
                s.Property(x => x.Reason).HasMaxLength(EvaluationYear.MaxReasonLength);
                s.Property(x => x.By).HasMaxLength(200);
            });
            e.Navigation(y => y.Steps).HasField("_steps");
        });

        model.Entity<MemberEvaluation>(e =>
        {
            e.Property(x => x.UnitId).IsAuditedUnit();
            e.HasIndex(x => new { x.MemberId, x.Year }).IsUnique();
            e.HasIndex(x => new { x.Year, x.UnitId, x.Grade });
            e.Property(x => x.Grade).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Note).HasMaxLength(MemberEvaluation.MaxNoteLength);
            e.Property(x => x.GradedBy).HasMaxLength(200);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        });

        model.Entity<UnitEvaluation>(e =>
        {
            e.Property(x => x.UnitId).IsAuditedUnit();
            e.HasIndex(x => new { x.UnitId, x.Year }).IsUnique();
            e.Property(x => x.Grade).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Note).HasMaxLength(MemberEvaluation.MaxNoteLength);
            e.Property(x => x.GradedBy).HasMaxLength(200);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        });

        model.Entity<DisciplineRecord>(e =>
        {
            e.ToTable("discipline_records");
            e.HasKey(d => d.DecisionId);
            e.Property(d => d.Measure).HasConversion<string>().HasMaxLength(30);
            e.HasIndex(d => d.MemberId);
        });
        model.Entity<YouthCount>(e =>
        {
            e.Property(x => x.UnitId).IsAuditedUnit();
            e.HasIndex(x => new { x.UnitId, x.CountedOn }).IsUnique();
            e.Property(x => x.Note).HasMaxLength(YouthCount.MaxNoteLength);
            e.Property(x => x.RecordedBy).HasMaxLength(200);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        });

        model.AddOutboxAndInbox().AddAuditTrail();
    }
}

public sealed class MembershipDbContextFactory() : ServiceDbContextFactory<MembershipDbContext>(ResourceNames.MembershipDb);
