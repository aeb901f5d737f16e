using DoanKhoi.Identity.Domain;
using DoanKhoi.Messaging;
using DoanKhoi.Messaging.Audit;
using DoanKhoi.Organisation;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;

namespace DoanKhoi.Identity.Infrastructure;

/// <summary>Accounts and their posts, OpenIddict's clients, authorizations and tokens, the server's
/// keys, the data-protection keys of the sign-in cookie, the members' one-time codes, identity's copy of the
/// organisation's nodes and members, and the audit trail.</summary>
public sealed class AccountsDbContext(DbContextOptions<AccountsDbContext> options)
    : IdentityUserContext<Account, Guid>(options), IDataProtectionKeyContext, IOrganisationCopy, IMemberCopy
{
    public DbSet<PostAssignment> PostAssignments => Set<PostAssignment>();
    public DbSet<ServerKey> ServerKeys => Set<ServerKey>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<ClusterCopy> Clusters => Set<ClusterCopy>();
    public DbSet<UnitCopy> Units => Set<UnitCopy>();
    public DbSet<BranchCopy> Branches => Set<BranchCopy>();
    public DbSet<MemberCopy> Members => Set<MemberCopy>();
    public DbSet<MemberCode> MemberCodes => Set<MemberCode>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.UseOpenIddict<Guid>();
        model.AddOutboxAndInbox().AddAuditTrail().AddOrganisationCopy().AddMemberCopy();

        model.Entity<Account>(e =>
        {
            e.Ignore(a => a.CurrentPosts);
            e.Property(a => a.DisplayName).HasMaxLength(Account.DisplayNameMaxLength);
            e.Property(a => a.DisplayNameFolded).HasMaxLength(Account.DisplayNameMaxLength);
            e.Property(a => a.PasswordHash).NotAudited();
            e.Property(a => a.SecurityStamp).NotAudited();
            e.Property(a => a.ConcurrencyStamp).NotAudited();
            e.HasMany(a => a.Posts).WithOne().HasForeignKey(p => p.AccountId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<PostAssignment>(e =>
        {
            e.ToTable("post_assignments");
            e.Property(p => p.Role).HasConversion<string>().HasMaxLength(40);
            e.Property(p => p.Node).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(p => new { p.AccountId, p.Role, p.Node, p.NodeId }).IsUnique().AreNullsDistinct(false);
        });
        model.Entity<ServerKey>(e =>
        {
            e.ToTable("server_keys");
            e.HasKey(k => k.Use);
            e.Property(k => k.Use).HasMaxLength(20);
            e.NotAudited();
        });
        model.Entity<MemberCode>(e =>
        {
            e.ToTable("member_codes");
            e.HasKey(c => c.AccountId);
            e.HasOne<Account>().WithOne().HasForeignKey<MemberCode>(c => c.AccountId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(c => c.MemberId);
            e.Property(c => c.IssuedBy).HasMaxLength(Account.UserNameMaxLength);
            e.Property(c => c.CodeHash).NotAudited();
        });
        model.Entity<DataProtectionKey>().ToTable("data_protection_keys").NotAudited();
        model.Entity<OpenIddictEntityFrameworkCoreToken<Guid>>().NotAudited();
        model.Entity<OpenIddictEntityFrameworkCoreAuthorization<Guid>>().NotAudited();
        model.Entity<OpenIddictEntityFrameworkCoreApplication<Guid>>().Property(a => a.ClientSecret).NotAudited();
        model.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<Guid>>().NotAudited();
    }
}

public sealed class AccountsDbContextFactory() : ServiceDbContextFactory<AccountsDbContext>(ResourceNames.IdentityDb);
