using DoanKhoi.Security;
using Microsoft.AspNetCore.Identity;

namespace DoanKhoi.Identity.Domain;

/// <summary>A person's account: ASP.NET Core Identity keeps the password, the lockout and the security
/// stamp; DoanKhoi adds the name people know them by and the posts they hold.</summary>
public sealed class Account : IdentityUser<Guid>
{
    /// <summary>The length of ASP.NET Core Identity's user name and e-mail columns.</summary>
    public const int UserNameMaxLength = 256;
    public const int EmailMaxLength = 256;

    public const int DisplayNameMaxLength = 200;

    /// <summary>Long enough for any pass phrase; what is hashed stays bounded.</summary>
    public const int PasswordMaxLength = 128;

    /// <summary>The most posts one account (or system client) holds.</summary>
    public const int MaxPosts = 20;

    public string DisplayName { get; private set; } = "";

    /// <summary>The display name without diacritics or case, for search ("nguyen thi ha").</summary>
    public string DisplayNameFolded { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public List<PostAssignment> Posts { get; } = [];

    public static Account Create(string userName, string displayName, string? email, DateTimeOffset now)
    {
        var name = DoanKhoi.Text.VietnameseText.Clean(displayName);
        return new Account
        {
            Id = Guid.CreateVersion7(now), UserName = userName, Email = email, CreatedAt = now,
            DisplayName = name, DisplayNameFolded = DoanKhoi.Text.VietnameseText.Fold(name),
        };
    }

    public IEnumerable<Post> CurrentPosts => Posts.Select(p => p.ToPost());
}

/// <summary>One post held by one account: a role on a node of the organisation tree.</summary>
public sealed class PostAssignment
{
    public Guid Id { get; init; }
    public Guid AccountId { get; init; }
    public Role Role { get; init; }
    public NodeKind Node { get; init; }
    public Guid? NodeId { get; init; }
    public DateTimeOffset AssignedAt { get; init; }

    public Post ToPost() => new(Role, Node, NodeId);

    public static PostAssignment For(Account account, Post post, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), AccountId = account.Id, Role = post.Role, Node = post.Node, NodeId = post.NodeId, AssignedAt = now,
    };
}

/// <summary>A key of the token service, generated on first start and kept in the database: the RSA key
/// that signs tokens and the key that encrypts authorization codes and refresh tokens.</summary>
public sealed class ServerKey
{
    public const string Signing = "signing";
    public const string Encryption = "encryption";

    public string Use { get; init; } = "";
    public string Material { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
}
