using System.Text.Json;
using DoanKhoi.Identity.Domain;
using DoanKhoi.Identity.Infrastructure;
using DoanKhoi.Messaging.Audit;
using DoanKhoi.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace DoanKhoi.Identity.Extensions;

/// <summary>Section "Demo": <c>Load=true</c> adds a demo account for each role.</summary>
public sealed class DemoAccountsOptions
{
    public bool Load { get; set; }
}

/// <summary>On start: registers DoanKhoi's own clients and the configured systems, creates the first
/// bloc-office account from the operator's password when there is no account at all, and in demo mode
/// one account per role (with that same password). No password is written in the code.</summary>
public sealed class FirstAccounts(
    IServiceScopeFactory scopes, IOptions<IdentityServiceOptions> options, IOptions<DemoAccountsOptions> demo,
    TimeProvider clock, ILogger<FirstAccounts> logger) : IHostedService
{
    /// <summary>The web front-end: a public client, authorization code with PKCE.</summary>
    public const string WebClient = "doankhoi-web";

    /// <summary>The developer's token command (eng/token.sh): a public client, authorization code with PKCE.</summary>
    public const string CliClient = "doankhoi-cli";
    public const string CliRedirectUri = "http://localhost/doankhoi-cli/callback";

    public static readonly (string UserName, string DisplayName, Post Post)[] DemoAccounts =
    [
        ("thuongvu", "Ban Thường vụ (demo)", Post.Bloc(Role.StandingCommittee)),
        ("kiemtra", "Ủy ban Kiểm tra (demo)", Post.Bloc(Role.InspectionCommittee)),
        ("cumtruong", "Cụm trưởng Cụm 1 (demo)", Post.OnCluster(DemoIds.Of(DemoIds.FirstClusterCode))),
        ("bithu", "Bí thư Đoàn TN Văn phòng Tỉnh ủy (demo)", Post.OnUnit(DemoIds.Of(DemoIds.FirstUnitCode))),
        ("doanvien", "Hoàng Thị Thu Trang, đoàn viên (demo)", Post.OfMember(DemoIds.DemoMember)),
    ];

    public async Task StartAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        using var actor = AuditActor.Use("system:identity-setup");
        await RegisterClientsAsync(scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>(), ct);

        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var settings = options.Value.BlocOffice;
        if (!await users.Users.AnyAsync(ct))
        {
            if (string.IsNullOrWhiteSpace(settings.Password))
                throw new InvalidOperationException(
                    "There is no account yet and no password for the first bloc-office account: set Identity:BlocOffice:Password " +
                    "(./run.sh asks for it, or reads DOANKHOI_BLOC_OFFICE_PASSWORD).");
            await CreateAsync(users, settings.UserName, settings.DisplayName, settings.Password, Post.Bloc(Role.BlocOffice));
            logger.LogInformation("Created the first bloc-office account '{UserName}'", settings.UserName);
        }

        if (demo.Value.Load && !string.IsNullOrWhiteSpace(settings.Password))
        {
            foreach (var (userName, displayName, post) in DemoAccounts)
                if (await users.FindByNameAsync(userName) is null) await CreateAsync(users, userName, displayName, settings.Password, post);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task CreateAsync(UserManager<Account> users, string userName, string displayName, string password, Post post)
    {
        var account = Account.Create(userName, displayName, email: null, clock.GetUtcNow());
        account.Posts.Add(PostAssignment.For(account, post, clock.GetUtcNow()));
        var result = await users.CreateAsync(account, password);
        if (!result.Succeeded)
            throw new InvalidOperationException($"The account '{userName}' could not be created: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }

    private async Task RegisterClientsAsync(IOpenIddictApplicationManager apps, CancellationToken ct)
    {
        var web = PublicClient(WebClient, "DoanKhoi web", options.Value.WebRedirectUris);
        foreach (var uri in options.Value.WebPostLogoutRedirectUris) web.PostLogoutRedirectUris.Add(new Uri(uri, UriKind.Absolute));
        await UpsertAsync(apps, web, ct);
        await UpsertAsync(apps, PublicClient(CliClient, "DoanKhoi token command", [CliRedirectUri]), ct);

        foreach (var (clientId, system) in options.Value.Clients)
        {
            if (string.IsNullOrWhiteSpace(system.Secret))
                throw new InvalidOperationException($"The system client '{clientId}' has no secret (Identity:Clients:{clientId}:Secret).");
            var badPost = system.Posts.FirstOrDefault(p => !Post.TryParse(p, out _));
            if (badPost is not null || system.Posts.Count == 0)
                throw new InvalidOperationException($"The system client '{clientId}' needs posts such as 'bloc-office@bloc' (Identity:Clients:{clientId}:Posts); '{badPost}' is not one.");
            // What /me says of a system stays within what the API description states.
            if (clientId.Length > SystemClientOptions.ClientIdMaxLength || (system.DisplayName?.Length ?? 0) > Account.DisplayNameMaxLength || system.Posts.Count > Account.MaxPosts)
                throw new InvalidOperationException($"The system client '{clientId}' needs an id of at most {SystemClientOptions.ClientIdMaxLength} characters, " +
                    $"a display name of at most {Account.DisplayNameMaxLength} and at most {Account.MaxPosts} posts (Identity:Clients:{clientId}).");
            var descriptor = new OpenIddictApplicationDescriptor
            {
                ClientId = clientId,
                ClientSecret = system.Secret,
                ClientType = ClientTypes.Confidential,
                DisplayName = system.DisplayName ?? clientId,
                Permissions = { Permissions.Endpoints.Token, Permissions.Endpoints.Revocation, Permissions.GrantTypes.ClientCredentials },
            };
            foreach (var scope in system.Scopes.Intersect([DoanKhoi.Security.Scopes.Read, DoanKhoi.Security.Scopes.Write]))
                descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
            descriptor.Properties[Post.ClaimType] = JsonSerializer.SerializeToElement(system.Posts);
            await UpsertAsync(apps, descriptor, ct);
        }
    }

    private static OpenIddictApplicationDescriptor PublicClient(string clientId, string displayName, IEnumerable<string> redirectUris)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = displayName,
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.Revocation, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
                Permissions.Prefixes.Scope + DoanKhoi.Security.Scopes.Read, Permissions.Prefixes.Scope + DoanKhoi.Security.Scopes.Write,
                Permissions.Scopes.Profile,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var uri in redirectUris) descriptor.RedirectUris.Add(new Uri(uri, UriKind.Absolute));
        return descriptor;
    }

    private static async Task UpsertAsync(IOpenIddictApplicationManager apps, OpenIddictApplicationDescriptor descriptor, CancellationToken ct)
    {
        if (await apps.FindByClientIdAsync(descriptor.ClientId!, ct) is { } existing) await apps.UpdateAsync(existing, descriptor, ct);
        else await apps.CreateAsync(descriptor, ct);
    }
}
